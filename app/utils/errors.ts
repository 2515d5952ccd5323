/**
 * The few ways a module operation can refuse. Routes never catch them: one wrapper
 * (app/utils/route.server.ts) maps them to HTTP.
 */
export class DomainError extends Error {
  override name = "DomainError";
}

/** The thing does not exist, or the actor may not know that it exists. */
export class NotFoundError extends DomainError {
  override name = "NotFoundError";
}

/** The actor is known to the thing but may not do this to it. */
export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
}

/** The actor has done this too often lately (a limit against misuse); they may try again later. */
export class TooManyRequestsError extends DomainError {
  override name = "TooManyRequestsError";
}
