import { redirect } from "@remix-run/node";
import { logOut } from "#app/modules/auth/log-out.server.ts";
import { clearedSessionCookie, readSessionToken } from "#app/modules/auth/session-cookie.server.ts";
import { publicRoute } from "#app/utils/route.server.ts";

// Logging out changes state, so only POST does it; a GET just goes home.
export function loader() {
  return redirect("/");
}

export const action = publicRoute(async ({ request, ctx }) => {
  await logOut({ ctx, input: { token: readSessionToken(request) } });
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie(request) } });
});
