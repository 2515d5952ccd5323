import { describe, expect, test } from "vitest";
import {
  formatInvitationCode,
  generateInvitationCode,
  hashInvitationCode,
  isWellFormedInvitationCode,
  normalizeInvitationCode,
} from "#app/modules/orgs/invitation-code.server.ts";

describe("invitation codes", () => {
  test("are 16 base32 characters and differ every time", () => {
    const codes = new Set(Array.from({ length: 200 }, generateInvitationCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{16}$/);
  });

  test("accept what people type from paper: lower case, spaces, dashes, look-alike digits", () => {
    expect(normalizeInvitationCode(" abcd-efgh ijkl-mnop ")).toBe("ABCDEFGHIJKLMNOP");
    expect(normalizeInvitationCode("0O1I8B")).toBe("OOIIBB");
    expect(formatInvitationCode("abcdefghijklmnop")).toBe("ABCD-EFGH-IJKL-MNOP");
  });

  test("hash the normalised code, so every spelling of one code finds the same row", () => {
    const code = generateInvitationCode();
    const typed = formatInvitationCode(code).toLowerCase();
    expect(hashInvitationCode(typed)).toBe(hashInvitationCode(code));
    expect(hashInvitationCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationCode(code)).not.toContain(code.toLowerCase());
  });

  test("reject malformed input before any database lookup", () => {
    expect(isWellFormedInvitationCode("ABCD-EFGH-IJKL-MNOP")).toBe(true);
    expect(isWellFormedInvitationCode("ABCD-EFGH")).toBe(false);
    expect(isWellFormedInvitationCode("ABCD-EFGH-IJKL-MNO9")).toBe(false);
  });
});
