import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rejectCrossSiteWrites, securityHeaders } from "../../server/security.js";

// The same middleware server/index.js mounts, in front of a stand-in app.
let base = "";
let close: () => void = () => {};

beforeAll(async () => {
  const app = express();
  app.use(securityHeaders({ dev: false }));
  app.use(rejectCrossSiteWrites("abgelehnt"));
  app.get("/", (_req, res) => {
    res.send(`nonce=${res.locals.cspNonce}`);
  });
  app.post("/change", (_req, res) => {
    res.send("changed");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("security headers", () => {
  test("every response carries the CSP, nosniff and a referrer policy", async () => {
    const response = await fetch(`${base}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
  });

  test("the script nonce is fresh per request and the same one the page gets", async () => {
    const first = await fetch(`${base}/`);
    const second = await fetch(`${base}/`);
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    const firstNonce = nonceOf(first);
    expect(firstNonce).toBeTruthy();
    expect(await first.text()).toBe(`nonce=${firstNonce}`);
    expect(nonceOf(second)).not.toBe(firstNonce);
  });
});

describe("cross-site POSTs", () => {
  test("are refused with 403", async () => {
    const response = await fetch(`${base}/change`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    const fetchMetadata = await fetch(`${base}/change`, {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(fetchMetadata.status).toBe(403);
  });

  test("from our own pages go through", async () => {
    const response = await fetch(`${base}/change`, { method: "POST", headers: { origin: base } });
    expect(response.status).toBe(200);
  });
});
