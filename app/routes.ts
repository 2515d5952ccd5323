import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// Remix's built-in flat routes: one file (or folder with route.tsx) per URL.
export default flatRoutes() satisfies RouteConfig;
