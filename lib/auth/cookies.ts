/** Cookies are Secure (and `__Secure-` for Auth.js) in production, unless plain http is asked for locally. */
export const SECURE_COOKIES = process.env.NODE_ENV === "production" && process.env.ATTUNE_INSECURE_COOKIES !== "1";

/** The address just used on the sign-up form, to fill in on the sign-in page that follows (10 minutes). */
export const SIGN_UP_EMAIL_COOKIE = "attune-sign-up-email";
