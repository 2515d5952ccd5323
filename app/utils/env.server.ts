import { isIP } from "node:net";
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

// Names Express knows for private address ranges, besides addresses and subnets.
const proxyRangeNames = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies in front of Werkbank may name the client (X-Forwarded-For, -Proto): a hop count
 * ("1": one reverse proxy) or their addresses/subnets. `true` is refused: it would trust every
 * hop, so a client could write its own address into X-Forwarded-For and dodge the login limits.
 */
const trustProxy = z.preprocess(
  (value) => (value === undefined || value === "" ? "0" : value),
  z
    .string()
    .trim()
    .transform((value, issue): number | string[] => {
      if (/^\d{1,2}$/.test(value)) return Number(value);
      if (value === "false") return 0;
      if (/^(true|yes)$/i.test(value)) {
        issue.addIssue({
          code: "custom",
          message:
            "true wird nicht mehr angenommen: gib die Zahl der Proxys vor Werkbank an (z. B. 1) oder ihre Adressen (z. B. 10.0.0.0/8)",
        });
        return z.NEVER;
      }
      const entries = value.split(",").map((entry) => entry.trim());
      if (entries.every(isProxyAddress)) return entries;
      issue.addIssue({
        code: "custom",
        message: "erwartet eine Zahl (Proxys vor Werkbank) oder eine Liste von IP-Adressen/Subnetzen",
      });
      return z.NEVER;
    }),
);

/** Where people reach Werkbank (links in invitations): scheme, host and port, no path. */
const appUrl = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .transform((value, issue) => {
      const url = URL.canParse(value) ? new URL(value) : null;
      if (url && /^https?:$/.test(url.protocol) && url.pathname === "/" && !url.search && !url.hash) return url.origin;
      issue.addIssue({
        code: "custom",
        message: "erwartet Schema, Host und Port ohne Pfad, z. B. https://werkbank.example.org",
      });
      return z.NEVER;
    })
    .optional(),
);

/** Every environment variable the app reads, documented in .env.example. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATA_DIR: z.string().min(1).default("data"),
  UPLOADS_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Connections per app process; processes × this must stay below the server's max_connections. */
  DATABASE_POOL_MAX: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  /** "pgbouncer": no prepared statements, as PgBouncer's transaction mode requires. */
  DATABASE_POOL_MODE: z.preprocess(emptyAsUndefined, z.enum(["direct", "pgbouncer"]).default("direct")),
  /** "false": migrations are a separate release step (`npm run db:migrate`); the app refuses an old schema. */
  MIGRATE_ON_START: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
    z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
  ),
  TRUST_PROXY: trustProxy,
  APP_URL: appUrl,
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(["auto", "never"]).default("auto")),
  /** Optional: with it, people can ask for a reset link by e-mail themselves. */
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
  /** Sender of those mails; unset: "Werkbank <no-reply@host of APP_URL>". */
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).optional()),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "APP_URL"> & { APP_URL: string };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Ungültige Umgebungsvariablen:\n${problems.join("\n")}`);
  }
  const { APP_URL, ...rest } = result.data;
  // Unset: this machine, so that a first start needs no configuration (production warns, see env()).
  return { ...rest, APP_URL: APP_URL ?? `http://localhost:${rest.PORT}` };
}

let cached: Env | undefined;

/** Parsed once, at first use (start-up): a bad value stops the app with a clear message. */
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    if (cached.NODE_ENV === "production" && !process.env.APP_URL) {
      console.warn(
        `APP_URL ist nicht gesetzt: Einladungslinks zeigen auf ${cached.APP_URL}. Setze APP_URL auf die Adresse, unter der Werkbank erreichbar ist.`,
      );
    }
  }
  return cached;
}
