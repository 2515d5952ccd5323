import { and, eq, sql } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import type { Locale } from "#app/i18n/locales.ts";
import type { Mailer, OutgoingMail } from "./mailer.server.ts";
import { issuePasswordCode } from "./password-codes.server.ts";
import { type Limit, takeSlot } from "./rate-limit.server.ts";

const HOUR = 60 * 60 * 1000;
/** A link in a mailbox is easier to steal than a paper handed over: shorter than 24 hours. */
export const RESET_MAIL_CODE_LIFETIME_MS = HOUR;
/** Mails to one address: enough for a lost first mail, too few to flood someone's inbox. */
export const resetMailAddressLimit: Limit = { max: 3, windowMs: HOUR };
/** Requests from one client address, whatever addresses they name. */
export const resetMailClientLimit: Limit = { max: 10, windowMs: HOUR };

export type ResetMailRequest = {
  /** "limited": this client asked too often; the answer says nothing about the address either way. */
  outcome: "answered" | "limited";
  /** Settles when the mail went out or was skipped; never rejects (failures are logged). */
  delivery: Promise<void>;
};

/**
 * Someone asks for a reset link by mail. The visible answer is the same for every address:
 * the look-up, the code and the mail all happen in `delivery`, after the answer is decided, so
 * that neither the text nor the time of the answer tells whether an account exists. Only an
 * enabled account with this address gets a mail; its link holds a one-hour password code.
 */
export function requestResetMail({
  ctx,
  input,
  mailer,
  appUrl,
}: {
  ctx: PublicCtx;
  input: { email: string; clientAddress: string };
  mailer: Mailer;
  appUrl: string;
}): Promise<ResetMailRequest> {
  const email = input.email.toLowerCase();
  return (async () => {
    const client = await takeSlot(ctx.db, `reset-mail:address:${input.clientAddress}`, resetMailClientLimit, ctx.now);
    if (!client.allowed) return { outcome: "limited", delivery: Promise.resolve() };
    const perAddress = await takeSlot(ctx.db, `reset-mail:account:${email}`, resetMailAddressLimit, ctx.now);
    const delivery = perAddress.allowed
      ? sendResetMail(ctx, email, mailer, appUrl).catch((error: unknown) => {
          console.error("Reset-Mail konnte nicht gesendet werden:", error);
        })
      : Promise.resolve();
    return { outcome: "answered", delivery };
  })();
}

async function sendResetMail(ctx: PublicCtx, email: string, mailer: Mailer, appUrl: string): Promise<void> {
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), eq(users.disabled, false)))
    .limit(1);
  if (!user) return;
  const { code } = await issuePasswordCode(ctx.db, {
    userId: user.id,
    purpose: "reset",
    createdById: null,
    now: ctx.now,
    lifetimeMs: RESET_MAIL_CODE_LIFETIME_MS,
  });
  await mailer.send(
    resetMail({ to: user.email, name: user.name, locale: user.locale, link: `${appUrl}/reset/${code}` }),
  );
}

/** Plain text only: no tracking pixels, nothing a mail client could render differently. */
export function resetMail(input: { to: string; name: string; locale: Locale; link: string }): OutgoingMail {
  if (input.locale === "en") {
    return {
      to: input.to,
      subject: "Werkbank: set a new password",
      text: `Hello ${input.name},\n\nsomeone (probably you) asked for a new password for Werkbank. Open this link within one hour and choose a new password:\n\n${input.link}\n\nThe link works once. If you did not ask for it, ignore this mail: your password stays as it is.\n`,
    };
  }
  return {
    to: input.to,
    subject: "Werkbank: neues Passwort festlegen",
    text: `Hallo ${input.name},\n\njemand (wahrscheinlich du) hat ein neues Passwort für Werkbank angefordert. Öffne diesen Link innerhalb einer Stunde und wähle ein neues Passwort:\n\n${input.link}\n\nDer Link funktioniert nur einmal. Wenn du nichts angefordert hast, ignoriere diese Mail: Dein Passwort bleibt, wie es ist.\n`,
  };
}
