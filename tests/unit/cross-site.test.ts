import { describe, expect, test } from "vitest";
import { isCrossSiteWrite } from "../../server/security.js";

const host = "werkbank.example";
const protocol = "https";

describe("isCrossSiteWrite", () => {
  test("reads are never refused", () => {
    expect(
      isCrossSiteWrite({ method: "GET", protocol, host, origin: "https://evil.example", secFetchSite: "cross-site" }),
    ).toBe(false);
  });

  test("browsers' Sec-Fetch-Site decides when present", () => {
    expect(isCrossSiteWrite({ method: "POST", protocol, host, origin: undefined, secFetchSite: "same-origin" })).toBe(
      false,
    );
    expect(isCrossSiteWrite({ method: "POST", protocol, host, origin: undefined, secFetchSite: "none" })).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", protocol, host, origin: undefined, secFetchSite: "same-site" })).toBe(
      true,
    );
    expect(isCrossSiteWrite({ method: "POST", protocol, host, origin: undefined, secFetchSite: "cross-site" })).toBe(
      true,
    );
  });

  test("otherwise the Origin header must name this host", () => {
    expect(
      isCrossSiteWrite({ method: "POST", protocol, host, origin: `https://${host}`, secFetchSite: undefined }),
    ).toBe(false);
    expect(
      isCrossSiteWrite({ method: "POST", protocol, host, origin: "https://evil.example", secFetchSite: undefined }),
    ).toBe(true);
    expect(isCrossSiteWrite({ method: "POST", protocol, host, origin: "null", secFetchSite: undefined })).toBe(true);
    expect(isCrossSiteWrite({ method: "DELETE", protocol, host, origin: "not a url", secFetchSite: undefined })).toBe(
      true,
    );
  });

  test("requests without either header are not from a browser page, so not a forgery", () => {
    expect(isCrossSiteWrite({ method: "POST", protocol, host, origin: undefined, secFetchSite: undefined })).toBe(
      false,
    );
  });

  test("when both headers are there, both must say same-origin", () => {
    const write = { method: "POST", protocol, host, secFetchSite: "same-origin" };
    expect(isCrossSiteWrite({ ...write, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteWrite({ ...write, origin: "null" })).toBe(true);
    expect(isCrossSiteWrite({ ...write, origin: "not a url" })).toBe(true);
    expect(isCrossSiteWrite({ ...write, origin: `https://${host}` })).toBe(false);
  });

  test("the Origin must match scheme, host and port, not only the host name", () => {
    const write = { method: "POST", protocol, host, secFetchSite: undefined };
    expect(isCrossSiteWrite({ ...write, origin: `http://${host}` })).toBe(true);
    expect(isCrossSiteWrite({ ...write, origin: `https://${host}:8443` })).toBe(true);
    expect(isCrossSiteWrite({ ...write, host: `${host}:8443`, origin: `https://${host}:8443` })).toBe(false);
    expect(isCrossSiteWrite({ ...write, protocol: "http", origin: `http://${host}` })).toBe(false);
  });
});
