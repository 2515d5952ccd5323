import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string | undefined>;
  context: AppLoadContext;
}) => unknown;

export type RouteResult = { status: number; headers: Headers; data: unknown };

/**
 * Calls a loader or action the way Remix does, and turns every outcome (plain data,
 * data() with a status, a thrown redirect or error response) into status + data.
 */
export async function callRoute(
  fn: RouteFunction,
  options: {
    path: string;
    method?: "GET" | "POST";
    cookie?: string;
    /** An array posts the field once per value (checkbox groups). */
    form?: Record<string, string | string[]>;
    params?: Record<string, string>;
    clientIp?: string;
    /** A multipart/form-data body (as an upload form posts), instead of `form`. */
    multipart?: Record<string, string | Blob>;
    /** A raw body with its own headers (Content-Type, Content-Length) instead of `form`. */
    body?: BodyInit;
    headers?: Record<string, string>;
  },
): Promise<RouteResult> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  const multipart = options.multipart && new FormData();
  for (const [key, value] of Object.entries(options.multipart ?? {})) multipart?.append(key, value);
  const method = options.method ?? (options.form || options.body || multipart ? "POST" : "GET");
  const request = new Request(`http://localhost${options.path}`, {
    method,
    headers,
    body: options.body
      ? options.body
      : multipart
        ? multipart
        : options.form
          ? new URLSearchParams(
              Object.entries(options.form).flatMap(([key, value]) =>
                (Array.isArray(value) ? value : [value]).map((v) => [key, v]),
              ),
            )
          : undefined,
  });
  // A fresh address per call unless given: one test's wrong guesses never limit another's.
  const context: AppLoadContext = { cspNonce: "test-nonce", clientIp: options.clientIp ?? `192.0.2.${randomUUID()}` };
  try {
    return toResult(await fn({ request, params: options.params ?? {}, context }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toResult(thrown);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function toResult(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {}
    return { status: value.status, headers: value.headers, data };
  }
  if (isDataWithInit(value)) {
    return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data };
  }
  return { status: 200, headers: new Headers(), data: value };
}
