import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane. The library's
// `algorithm` defaults to argon2id; its const enum cannot be imported under isolatedModules.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
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
