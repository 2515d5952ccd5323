import { eq } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import type { Locale } from "#app/i18n/locales.ts";
import type { Ctx } from "#app/modules/context.server.ts";

/** Remembers the actor's language on their account, so it follows them to every device. */
export async function setLocale({ ctx, input }: { ctx: Ctx; input: { locale: Locale } }): Promise<void> {
  await ctx.db.update(users).set({ locale: input.locale }).where(eq(users.id, ctx.actor.id));
}
