import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { readSessionToken } from "#app/modules/auth/session-cookie.server.ts";
import { validateSessionToken } from "#app/modules/auth/session.server.ts";
import type { Ctx, PublicCtx } from "#app/modules/context.server.ts";
import { appDatabase } from "./db.server.ts";
import { DomainError, ForbiddenError, NotFoundError } from "./errors.ts";

/** Loaders and actions get the same arguments: request, params, context. */
type Args = LoaderFunctionArgs;

// Remix runs the root loader and the page's loader with the same Request: look the session
// up once per request, not once per loader.
const contexts = new WeakMap<Request, Promise<PublicCtx>>();

/** The current actor, or null: reads the session cookie and checks it against the database. */
export function publicContext(request: Request): Promise<PublicCtx> {
  let ctx = contexts.get(request);
  if (!ctx) {
    ctx = loadContext(request);
    contexts.set(request, ctx);
  }
  return ctx;
}

async function loadContext(request: Request): Promise<PublicCtx> {
  const { db } = await appDatabase();
  const now = new Date();
  const token = readSessionToken(request);
  const session = token ? await validateSessionToken(db, token, now) : null;
  const actor = session ? await loadActor(db, session.userId) : null;
  return { db, actor, now };
}

/** Sends anonymous visitors to the login page and brings them back afterwards. */
export async function requireContext(request: Request): Promise<Ctx> {
  const ctx = await publicContext(request);
  if (!ctx.actor) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return { ...ctx, actor: ctx.actor };
}

/** The one place where module errors become HTTP answers. */
export async function mapDomainErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error instanceof NotFoundError) throw data({ messageKey: "errors.http.404" }, { status: 404 });
    if (error instanceof ForbiddenError) throw data({ messageKey: "errors.http.403" }, { status: 403 });
    throw error;
  }
}

/**
 * Wraps a loader or action that needs a signed-in user: authenticates, then runs the body
 * with `ctx` and maps domain errors. Authorization happens in the module operation the
 * body calls, through app/modules/permissions.
 */
export function authenticated<T>(body: (args: Args & { ctx: Ctx }) => Promise<T>) {
  return async (args: Args): Promise<T> => {
    const ctx = await requireContext(args.request);
    return mapDomainErrors(() => body({ ...args, ctx }));
  };
}

/** Like `authenticated`, for pages anyone may open; `ctx.actor` is null for visitors. */
export function publicRoute<T>(body: (args: Args & { ctx: PublicCtx }) => Promise<T>) {
  return async (args: Args): Promise<T> => {
    const ctx = await publicContext(args.request);
    return mapDomainErrors(() => body({ ...args, ctx }));
  };
}
