import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/**
 * 80 random bits as 16 base32 characters (A–Z, 2–7: no 0/O or 1/I to mix up), shown in
 * groups of four so that it can be read out or typed from paper. Guessing is hopeless at
 * that size, all the more behind the per-address limit on redemption attempts.
 */
export function generateInvitationCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32UpperCaseNoPadding(bytes);
}

/** Accepts what people type: lower case, spaces, dashes; maps look-alike digits. */
export function normalizeInvitationCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .replace(/0/g, "O")
    .replace(/1/g, "I")
    .replace(/8/g, "B");
}

export function formatInvitationCode(code: string): string {
  return (
    normalizeInvitationCode(code)
      .match(/.{1,4}/g)
      ?.join("-") ?? ""
  );
}

export function isWellFormedInvitationCode(code: string): boolean {
  return /^[A-Z2-7]{16}$/.test(normalizeInvitationCode(code));
}

export function hashInvitationCode(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalizeInvitationCode(code))));
}
