import type { Database } from "#db/client.server.ts";
import type { Locale } from "#app/i18n/locales.ts";
import type { OrganizationKind, Role } from "#app/modules/permissions/roles.ts";

export type ActorMembership = {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: Role;
};

/** The person acting, with what they belong to: everything a permission check needs. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  /** "operator": runs the instance (organisations, first invitations), sees no learning data. */
  platformRole: "operator" | null;
  /** Active memberships only: a deactivated membership or organisation is no membership. */
  memberships: ActorMembership[];
};

/**
 * What every module operation gets besides its input. `db` may be an open transaction.
 * `userAgent` is the browser's own description, kept with a new session so that /account can
 * tell the person's devices apart.
 */
export type Ctx = { db: Database; actor: Actor; now: Date; userAgent?: string | null };

/** For operations that anonymous visitors may call (login, accepting an invitation). */
export type PublicCtx = { db: Database; actor: Actor | null; now: Date; userAgent?: string | null };
