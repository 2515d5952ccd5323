// @ts-check
// The one HTTP entry point, for development (Vite middleware) and production (built app).
// Express adds what Remix alone cannot: headers and the cross-site check on every response,
// static files included.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { rejectCrossSiteWrites, securityHeaders } from "./security.js";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, req.ip and req.protocol must come from X-Forwarded-*; only then.
if (/^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "")) app.set("trust proxy", true);
app.use(compression());
app.use(securityHeaders({ dev }));
app.use(rejectCrossSiteWrites);

/** @type {() => Promise<import("@remix-run/node").ServerBuild>} */
let loadBuild;
if (dev) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  loadBuild = () =>
    /** @type {Promise<import("@remix-run/node").ServerBuild>} */ (
      viteServer.ssrLoadModule("virtual:remix/server-build")
    );
} else {
  // Fingerprinted assets never change; everything else is revalidated.
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  const buildPath = path.resolve("build/server/index.js");
  const build = await import(buildPath);
  loadBuild = async () => build;
}

const build = await loadBuild();
// entry.server.tsx exports these two beside Remix's own handlers.
const lifecycle = /** @type {{ onStartup?: () => Promise<void>, onShutdown?: () => Promise<void> }} */ (
  /** @type {unknown} */ (build.entry.module)
);
await lifecycle.onStartup?.();

app.all(
  "*",
  createRequestHandler({
    build: dev ? loadBuild : build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: String(res.locals.cspNonce),
      clientIp: req.ip ?? "unknown",
    }),
  }),
);

const port = Number(process.env.PORT || 3000);
const server = app.listen(port, () => {
  console.log(`Werkbank läuft auf http://localhost:${port}`);
});

// Close the database cleanly: PGlite must flush to disk, and remix-serve-style servers
// otherwise hang until a second signal.
let stopping = false;
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    Promise.resolve(lifecycle.onShutdown?.())
      .catch((error) => console.error(error))
      .finally(() => process.exit(0));
  });
}
