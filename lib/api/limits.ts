/** Requests with one personal API token (docs/decisions/0027): every request counts, refused or not. */
export const API_TOKEN_LIMIT = { points: 60, duration: 60 };
