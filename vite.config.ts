import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
        // Keeps server-only packages out of the client dependency optimiser on a cold dev start.
        unstable_optimizeDeps: true,
      },
    }),
  ],
  optimizeDeps: { exclude: ["@node-rs/argon2", "@electric-sql/pglite"] },
  // manifest: Remix then keeps Vite's client manifest (in build/.vite/, not served), which
  // `npm run bench:js` reads to size the JavaScript each page loads.
  build: { target: "es2022", manifest: true },
});
