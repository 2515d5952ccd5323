import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { localeCookie } from "#app/i18n/locale.server.ts";
import { LanguageSchema, safeRedirectPath } from "#app/modules/auth/schemas.ts";
import { setLocale } from "#app/modules/auth/set-locale.server.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { publicContext } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export function loader() {
  return redirect("/");
}

/** Stores the language on the account (for signed-in users) and in a cookie (for everyone). */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const back = safeRedirectPath(String(formData.get("redirectTo") ?? "/"));
  const parsed = parseForm(LanguageSchema, formData);
  if (!parsed.ok) return redirect(back);
  const ctx = await publicContext(request, context);
  if (ctx.actor) await setLocale({ ctx: { ...ctx, actor: ctx.actor }, input: { locale: parsed.data.locale } });
  return redirect(back, { headers: { "Set-Cookie": localeCookie(parsed.data.locale) } });
}
