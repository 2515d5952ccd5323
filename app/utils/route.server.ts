import { type AppLoadContext, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { readSessionToken } from "#app/modules/auth/session-cookie.server.ts";
import { validateSessionToken } from "#app/modules/auth/session.server.ts";
import type { Ctx, PublicCtx } from "#app/modules/context.server.ts";
import { appDatabase } from "./db.server.ts";
import { DomainError, ForbiddenError, NotFoundError, TooManyRequestsError } from "./errors.ts";

/** Loaders and actions get the same arguments: request, params, context. */
type Args = LoaderFunctionArgs;

// Look the session up once per HTTP request, not once per loader. Remix hands each loader its
// own Request object but the same load context (made once per request by the server), so the
// context is the key; a bare Request (tests calling a loader directly) keys itself.
const contexts = new WeakMap<object, Promise<PublicCtx>>();

/** The current actor, or null: reads the session cookie and checks it against the database. */
export function publicContext(request: Request, loadContext?: AppLoadContext): Promise<PublicCtx> {
  const key = loadContext ?? request;
  let ctx = contexts.get(key);
  if (!ctx) {
    ctx = loadPublicContext(request);
    contexts.set(key, ctx);
  }
  return ctx;
}

async function loadPublicContext(request: Request): Promise<PublicCtx> {
  const { db } = await appDatabase();
  const now = new Date();
  const token = readSessionToken(request);
  const session = token ? await validateSessionToken(db, token, now) : null;
  const actor = session ? await loadActor(db, session.userId) : null;
  return { db, actor, now, userAgent: request.headers.get("user-agent") };
}

/** Sends anonymous visitors to the login page and brings them back afterwards. */
export async function requireContext(request: Request, loadContext?: AppLoadContext): Promise<Ctx> {
  const ctx = await publicContext(request, loadContext);
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
    if (error instanceof TooManyRequestsError) throw data({ messageKey: "errors.http.429" }, { status: 429 });
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
    const ctx = await requireContext(args.request, args.context);
    return mapDomainErrors(() => body({ ...args, ctx }));
  };
}

/** Like `authenticated`, for pages anyone may open; `ctx.actor` is null for visitors. */
export function publicRoute<T>(body: (args: Args & { ctx: PublicCtx }) => Promise<T>) {
  return async (args: Args): Promise<T> => {
    const ctx = await publicContext(args.request, args.context);
    return mapDomainErrors(() => body({ ...args, ctx }));
  };
}
