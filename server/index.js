// @ts-check
// The one HTTP entry point, for development (Vite middleware) and production (built app).
// The Express app itself (headers, cross-site check, body limits, request ids) is in app.js.
import path from "node:path";
import { createRequestHandler } from "@remix-run/node";
import express from "express";
import { createApp } from "./app.js";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const mode = process.env.NODE_ENV;

/** @type {() => Promise<import("@remix-run/node").ServerBuild>} */
let loadBuild;
/** @type {import("express").RequestHandler[]} */
const staticHandlers = [];
if (dev) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  staticHandlers.push(viteServer.middlewares);
  loadBuild = () =>
    /** @type {Promise<import("@remix-run/node").ServerBuild>} */ (
      viteServer.ssrLoadModule("virtual:remix/server-build")
    );
} else {
  // Fingerprinted assets never change; everything else is revalidated.
  const files = express.Router();
  files.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  files.use(express.static("build/client", { maxAge: "1h" }));
  staticHandlers.push(files);
  const build = await import(path.resolve("build/server/index.js"));
  loadBuild = async () => build;
}

const build = await loadBuild();
// entry.server.tsx exports these beside Remix's own handlers.
const entry =
  /** @type {{ onStartup?: () => Promise<void>, onShutdown?: () => Promise<void>, serverSettings: () => { port: number, trustProxy: number | string[] } }} */ (
    /** @type {unknown} */ (build.entry.module)
  );
// Reads and checks the environment: a bad value stops here with a message.
const settings = entry.serverSettings();
await entry.onStartup?.();

const app = createApp({
  dev,
  trustProxy: settings.trustProxy,
  staticHandlers,
  handleRequest: createRequestHandler(dev ? loadBuild : build, mode),
});

const server = app.listen(settings.port, () => {
  console.log(`Werkbank läuft auf http://localhost:${settings.port}`);
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
    Promise.resolve(entry.onShutdown?.())
      .catch((error) => console.error(error))
      .finally(() => process.exit(0));
  });
}
