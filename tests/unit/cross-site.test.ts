import { describe, expect, test } from "vitest";
import { isCrossSiteWrite } from "../../server/security.js";

const host = "werkbank.example";

describe("isCrossSiteWrite", () => {
  test("reads are never refused", () => {
    expect(isCrossSiteWrite({ method: "GET", host, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(
      false,
    );
  });

  test("browsers' Sec-Fetch-Site decides when present", () => {
    expect(isCrossSiteWrite({ method: "POST", host, origin: undefined, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", host, origin: undefined, secFetchSite: "none" })).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", host, origin: undefined, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSiteWrite({ method: "POST", host, origin: undefined, secFetchSite: "cross-site" })).toBe(true);
  });

  test("otherwise the Origin header must name this host", () => {
    expect(isCrossSiteWrite({ method: "POST", host, origin: `https://${host}`, secFetchSite: undefined })).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", host, origin: "https://evil.example", secFetchSite: undefined })).toBe(
      true,
    );
    expect(isCrossSiteWrite({ method: "POST", host, origin: "null", secFetchSite: undefined })).toBe(true);
    expect(isCrossSiteWrite({ method: "DELETE", host, origin: "not a url", secFetchSite: undefined })).toBe(true);
  });

  test("requests without either header are not from a browser page, so not a forgery", () => {
    expect(isCrossSiteWrite({ method: "POST", host, origin: undefined, secFetchSite: undefined })).toBe(false);
  });
});
