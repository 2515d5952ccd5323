import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const flag = z.preprocess(
  (value) => (typeof value === "string" ? /^(1|true|yes)$/i.test(value) : value),
  z.boolean().default(false),
);

/** Every environment variable the app reads, documented in .env.example. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATA_DIR: z.string().min(1).default("data"),
  UPLOADS_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TRUST_PROXY: flag,
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(["auto", "never"]).default("auto")),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Ungültige Umgebungsvariablen:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Parsed once, at first use (start-up): a bad value stops the app with a clear message. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
