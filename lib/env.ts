import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Validated once, on first use, with messages that say what
 * to do. Optional integrations (Entra ID, Stripe, SMTP) switch off cleanly when unset.
 */
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string")
      .optional(),
    PGLITE_DIR: z.string().default(".data/pglite"),
    DATA_DIR: z.string().default(".data"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 33)").optional(),
    AUTH_URL: z.string().url().optional(),
    AUTH_MICROSOFT_ENTRA_ID_ID: z.string().min(1).optional(),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().min(1).optional(),
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.string().url().optional(),
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
    DEMO: z.enum(["0", "1"]).optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Largest data file an officer may upload, in megabytes (next.config.ts allows 52 MB bodies) */
    MAX_UPLOAD_MB: z.coerce.number().positive().max(50).default(50),
    /** Hours an unfinished upload (and its staged raw file) is kept before it is purged */
    UPLOAD_EXPIRY_HOURS: z.coerce.number().positive().max(24 * 7).default(24),
    // Stripe: unset means manual invoicing mode. Never logged; read only on the server.
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)").optional(),
    /** Point the Stripe SDK at another server (a local fake in tests and development). */
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
    /** Public address of the service, for links in emails (no trailing slash needed) */
    APP_URL: z.string().url("APP_URL must be the service's public address, e.g. https://spi.example.gov.uk").optional(),
    // SMTP: unset means emails stay in the outbox for the operator to read. Never logged.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS)")
      .optional(),
    SMTP_FROM: z.string().min(3).optional(),
  })
  .superRefine((v, ctx) => {
    const entra = [v.AUTH_MICROSOFT_ENTRA_ID_ID, v.AUTH_MICROSOFT_ENTRA_ID_SECRET, v.AUTH_MICROSOFT_ENTRA_ID_ISSUER];
    if (v.SMTP_URL && !v.SMTP_FROM) {
      ctx.addIssue({ code: "custom", path: ["SMTP_FROM"], message: 'SMTP_FROM is needed with SMTP_URL: the sender emails come from, e.g. "Local SPI <no-reply@spi.example.gov.uk>"' });
    }
    if (entra.some(Boolean) && !entra.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_MICROSOFT_ENTRA_ID_ID"],
        message:
          "Microsoft Entra ID needs all three of AUTH_MICROSOFT_ENTRA_ID_ID, AUTH_MICROSOFT_ENTRA_ID_SECRET and AUTH_MICROSOFT_ENTRA_ID_ISSUER",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv> & {
  AUTH_SECRET: string;
  /** true when running on the embedded database (no DATABASE_URL given by the operator) */
  isEmbedded: boolean;
  entraEnabled: boolean;
  demoAccounts: boolean;
  /** the service's public address without a trailing slash (APP_URL, else AUTH_URL, else localhost) */
  appUrl: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

let cached: TEnv | undefined;

/** Parse and validate the environment once. Throws ConfigError with every problem listed. */
export function getEnv(): TEnv {
  if (cached) return cached;
  cached = parseEnv(process.env);
  return cached;
}

/** Pure-ish parse for tests: reads the embedded secret file only when it must. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const v = parsed.data;
  // The embedded mode is marked by the start script, which sets DATABASE_URL to its own
  // PGlite server and EMBEDDED_DB=1; a DATABASE_URL from the operator means real Postgres.
  const isEmbedded = !v.DATABASE_URL || source.EMBEDDED_DB === "1";
  let secret = v.AUTH_SECRET;
  if (!secret) {
    if (!isEmbedded && v.NODE_ENV === "production") {
      throw new ConfigError(
        "AUTH_SECRET is not set. A production deployment on a real database needs a fixed secret so that " +
          "sessions survive restarts and cannot be forged: set AUTH_SECRET to at least 32 random characters " +
          "(for example the output of `openssl rand -base64 33`).",
      );
    }
    secret = readOrCreateLocalSecret(v.DATA_DIR);
  }
  return {
    ...v,
    AUTH_SECRET: secret,
    isEmbedded,
    entraEnabled: Boolean(v.AUTH_MICROSOFT_ENTRA_ID_ID),
    demoAccounts: v.NODE_ENV !== "production" || v.DEMO === "1",
    appUrl: (v.APP_URL ?? v.AUTH_URL ?? `http://localhost:${source.PORT ?? "3000"}`).replace(/\/+$/, ""),
  };
}

/**
 * A secret generated once per checkout and kept in the data folder (gitignored, mode 0600), so
 * `npm start` needs no configuration. Never logged.
 */
export function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) {
    const s = readFileSync(file, "utf8").trim();
    if (s.length >= 32) return s;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const s = randomBytes(33).toString("base64url");
  writeFileSync(file, s + "\n", { mode: 0o600 });
  return s;
}

/** For tests that change the environment. */
export function resetEnvForTests(): void {
  cached = undefined;
}
