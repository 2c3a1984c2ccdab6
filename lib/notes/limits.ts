// The limits of a note, as plain numbers: the form's counter (client) and the
// server's schema (lib/notes/body.ts) read the same ones. No zod here, so a
// client component importing this brings none to the browser.

/** Long enough for a real handoff, short enough to read at 3 a.m. */
export const NOTE_MAX = 2000;

/** How many notes one "mark as read" may name (a screen shows far fewer). */
export const MAX_READ_IDS = 200;
