/**
 * Demo data must never reach a real school's or company's database: only databases on
 * this machine (loopback or a Unix socket) may be seeded.
 */
export function isLocalDatabaseUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const socketHost = parsed.searchParams.get("host");
  if (host === "") return socketHost === null || socketHost.startsWith("/");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
