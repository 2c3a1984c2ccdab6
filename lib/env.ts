import { z } from "zod";

// Parsed once, on first use (not at import, so `next build` needs no database).
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is missing: start Attune with `npm run dev` (embedded Postgres) or set it to your server's URL",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Print every SQL statement as a `[sql]` line (the benchmark counts them). */
  ATTUNE_LOG_QUERIES: z.enum(["0", "1"]).default("0"),
  /** Cookies are Secure in production; set to 1 only behind plain http for local testing. */
  ATTUNE_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Sign-up attempts per client address per hour (lib/auth/throttle.ts); the e2e server raises it. */
  ATTUNE_SIGN_UP_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Outgoing mail (lib/mail): smtp://user:pass@host:587 or smtps://…:465. Unset: each message is written to .data/mail/. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, "SMTP_URL must look like smtp://user:password@host:587 (or smtps://…)")
      .optional(),
  ),
  /** The sender of Attune's mail. */
  MAIL_FROM: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(3).max(200).default("Attune <attune@localhost>"),
  ),
  /** Where Attune is reached (Auth.js reads it too): the start of every link in a mail. */
  AUTH_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .url({ protocol: /^https?$/, error: "AUTH_URL must be the site's address, like https://attune.example" })
      .optional(),
  ),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** Parses an environment; throws one error that names every problem. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  // Checked apart from the schema so it is reported together with the rest.
  if (source.NODE_ENV === "production" && !source.AUTH_SECRET) {
    lines.push(
      "  - AUTH_SECRET: AUTH_SECRET is missing: set it to a long random string (e.g. `openssl rand -base64 32`), the same on every instance",
    );
  }
  // A mailed link must point at the real site, never at whatever Host a request claimed.
  if (source.NODE_ENV === "production" && source.SMTP_URL && !source.AUTH_URL) {
    lines.push(
      "  - AUTH_URL: AUTH_URL is missing: with SMTP_URL set, mailed links need the site's address (https://…)",
    );
  }
  if (!parsed.success || lines.length) {
    throw new Error(`Attune cannot start, the environment is incomplete:\n${lines.join("\n")}`);
  }
  return parsed.data!;
}

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

const DEV_SECRET = "attune-development-secret-not-for-production";

/**
 * The key material keys are derived from (live cursors, sealed webhook
 * secrets): AUTH_SECRET, or a fixed development value where none is set
 * (production refuses to start without one, parseEnv above).
 */
export function serverSecret(): string {
  return env().AUTH_SECRET ?? DEV_SECRET;
}
