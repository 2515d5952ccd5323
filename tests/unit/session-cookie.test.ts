import { describe, expect, test } from "vitest";
import { clearedSessionCookie, readSessionToken, sessionCookie } from "#app/modules/auth/session-cookie.server.ts";
import { generateSessionToken, sessionIdFromToken } from "#app/modules/auth/session.server.ts";

const expires = new Date("2026-12-27T00:00:00Z");

describe("session cookie", () => {
  test("is HttpOnly and SameSite=Lax; on https also Secure with the __Host- prefix", () => {
    const token = generateSessionToken();
    const plain = sessionCookie(new Request("http://localhost/login"), token, expires);
    expect(plain).toMatch(/^werkbank_session=/);
    expect(plain).toContain("HttpOnly");
    expect(plain).toContain("SameSite=Lax");
    expect(plain).toContain("Path=/");
    expect(plain).not.toContain("Secure");

    const secure = sessionCookie(new Request("https://werkbank.example/login"), token, expires);
    expect(secure).toMatch(/^__Host-werkbank_session=/);
    expect(secure).toContain("; Secure");
    expect(secure).not.toContain("Domain=");
  });

  test("is read back only under the name that fits the protocol", () => {
    const token = generateSessionToken();
    const http = new Request("http://localhost/", { headers: { cookie: `a=b; werkbank_session=${token}` } });
    expect(readSessionToken(http)).toBe(token);
    const https = new Request("https://werkbank.example/", { headers: { cookie: `werkbank_session=${token}` } });
    expect(readSessionToken(https)).toBeNull();
  });

  test("ignores values that cannot be our tokens", () => {
    const request = new Request("http://localhost/", { headers: { cookie: "werkbank_session=<script>" } });
    expect(readSessionToken(request)).toBeNull();
  });

  test("clearing expires it in the past", () => {
    expect(clearedSessionCookie(new Request("http://localhost/"))).toContain("Expires=Thu, 01 Jan 1970");
  });
});

describe("session tokens", () => {
  test("carry 160 random bits and are stored only as their SHA-256", () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdFromToken(token)).toBe(sessionIdFromToken(token));
    expect(generateSessionToken()).not.toBe(token);
  });
});
