import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane. The library's
// `algorithm` defaults to argon2id; its const enum cannot be imported under isolatedModules.
export const productionHashOptions = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

// Only vitest sets VITEST, and production never runs vitest: tests hash thousands of
// passwords and need no resistance against guessing. argon2 stores its parameters in the
// hash string, so these hashes still verify anywhere.
const testHashOptions = { memoryCost: 256, timeCost: 1, parallelism: 1, outputLen: 32 } as const;

export function hashOptions(env: { VITEST?: string; NODE_ENV?: string } = process.env) {
  return env.VITEST && env.NODE_ENV !== "production" ? testHashOptions : productionHashOptions;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, hashOptions());
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, so that a login for an unknown e-mail address is
 * not answered measurably faster than one with a wrong password.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("werkbank-no-such-user");
  await verifyPassword(await dummyHash, password);
  return false;
}
