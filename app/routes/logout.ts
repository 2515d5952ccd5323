import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { clearedSessionCookie, readSessionToken } from "#app/modules/auth/session-cookie.server.ts";
import { invalidateSession } from "#app/modules/auth/session.server.ts";
import { appDatabase } from "#app/utils/db.server.ts";

// Logging out changes state, so only POST does it; a GET just goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const token = readSessionToken(request);
  if (token) {
    const { db } = await appDatabase();
    await invalidateSession(db, token);
  }
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie(request) } });
}
