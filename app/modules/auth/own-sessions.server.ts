import { and, desc, eq, gt, ne, sql } from "drizzle-orm";
import { sessions } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { type DeviceLabel, deviceLabel } from "./device-label.ts";

export type OwnSession = {
  /**
   * The stored id: the SHA-256 of the cookie's token. It names the session in the "Abmelden"
   * form but opens nothing, since only the token (never stored, never shown) signs anybody in.
   */
  id: string;
  device: DeviceLabel;
  createdAt: Date;
  lastUsedAt: Date | null;
  current: boolean;
};

/** The actor's live sessions, the current one first, then the most recently used. */
export async function listOwnSessions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { currentSessionId: string | null };
}): Promise<OwnSession[]> {
  const rows = await ctx.db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, ctx.actor.id), gt(sessions.expiresAt, ctx.now)))
    // Sessions from before "last used" was written have none: their start counts instead.
    .orderBy(desc(sql`coalesce(${sessions.lastUsedAt}, ${sessions.createdAt})`));
  const list = rows.map((row) => ({
    id: row.id,
    device: deviceLabel(row.userAgent),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    current: row.id === input.currentSessionId,
  }));
  return [...list.filter((s) => s.current), ...list.filter((s) => !s.current)];
}

/**
 * Ends one of the actor's other sessions. Someone else's session, an unknown id and the current
 * session (that is "Abmelden" in the menu) are all "not found", and nothing changes.
 */
export async function endOwnSession({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { sessionId: string; currentSessionId: string | null };
}): Promise<void> {
  if (input.sessionId === input.currentSessionId) throw new NotFoundError();
  const ended = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, ctx.actor.id)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw new NotFoundError();
}

/** "Alle anderen abmelden": every session of the actor except the one making the request. */
export async function endOtherOwnSessions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { currentSessionId: string };
}): Promise<number> {
  const ended = await ctx.db
    .delete(sessions)
    .where(and(eq(sessions.userId, ctx.actor.id), ne(sessions.id, input.currentSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}
