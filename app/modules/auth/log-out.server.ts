import type { PublicCtx } from "#app/modules/context.server.ts";
import { invalidateSession } from "./session.server.ts";

/**
 * Ends the session the token belongs to. The token itself is the proof: whoever holds it may end
 * it, and nothing else is touched (other devices stay signed in).
 */
export async function logOut({ ctx, input }: { ctx: PublicCtx; input: { token: string | null } }): Promise<void> {
  if (input.token) await invalidateSession(ctx.db, input.token);
}
