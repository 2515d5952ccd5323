import QRCode from "qrcode";
import type { Role } from "#app/modules/permissions/roles.ts";

/**
 * The link the invitee opens, on the configured APP_URL: never on the Host of the request,
 * which the client chooses (a link to a look-alike site would collect the new passwords).
 */
export function invitationLink(appUrl: string, code: string): string {
  return new URL(`/join/${encodeURIComponent(code)}`, appUrl).toString();
}

/** The link to set a new password with a one-time reset code, on APP_URL for the same reason. */
export function passwordResetLink(appUrl: string, code: string): string {
  return new URL(`/reset/${encodeURIComponent(code)}`, appUrl).toString();
}

/**
 * A QR code as an SVG data URL for an <img>: the apprentice scans it with the phone camera.
 * As an image it needs no inline markup, so nothing generated is ever parsed as HTML.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** What a page shows once after creating an invitation: the code, its link on APP_URL and a QR. */
export type CreatedInvitationView = {
  code: string;
  link: string;
  qrCode: string;
  label: string;
  role: Role;
  expiresAt: Date;
};

export async function createdInvitationView(
  appUrl: string,
  invitation: { code: string; label: string; role: Role; expiresAt: Date },
): Promise<CreatedInvitationView> {
  const link = invitationLink(appUrl, invitation.code);
  return { ...invitation, link, qrCode: await qrCodeDataUrl(link) };
}
