import nodemailer, { type Transporter } from "nodemailer";
import { env } from "#app/utils/env.server.ts";

export type OutgoingMail = { to: string; subject: string; text: string };

/** Sends one mail; the app's only way out to SMTP, replaceable in tests. */
export type Mailer = { send(mail: OutgoingMail): Promise<void> };

/** Default sender: the instance's own host, so replies and SPF point somewhere sensible. */
export function defaultSender(appUrl: string): string {
  return `Werkbank <no-reply@${new URL(appUrl).hostname}>`;
}

/** A mailer over one SMTP transport (nodemailer pools nothing by default: one per mailer). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  let transport: Transporter | undefined;
  return {
    async send(mail) {
      transport ??= nodemailer.createTransport(smtpUrl);
      await transport.sendMail({ from, ...mail });
    },
  };
}

let configured: Mailer | null | undefined;

/**
 * The instance's mailer, created at first use from SMTP_URL and MAIL_FROM, or null when no SMTP
 * server is configured (then nothing offers to send mail).
 */
export function appMailer(): Mailer | null {
  if (configured === undefined) {
    const { SMTP_URL, MAIL_FROM, APP_URL } = env();
    configured = SMTP_URL ? smtpMailer(SMTP_URL, MAIL_FROM ?? defaultSender(APP_URL)) : null;
  }
  return configured;
}

export function mailConfigured(): boolean {
  return appMailer() !== null;
}
