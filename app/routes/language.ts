import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import { localeCookie } from "#app/i18n/locale.server.ts";
import { isLocale } from "#app/i18n/locales.ts";
import { safeRedirectPath } from "#app/modules/auth/schemas.ts";
import { publicContext } from "#app/utils/route.server.ts";

export function loader() {
  return redirect("/");
}

/** Stores the language on the account (for signed-in users) and in a cookie (for everyone). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirectPath(String(form.get("redirectTo") ?? "/"));
  if (!isLocale(locale)) return redirect(back);
  const { db, actor } = await publicContext(request);
  if (actor) await db.update(users).set({ locale }).where(eq(users.id, actor.id));
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
