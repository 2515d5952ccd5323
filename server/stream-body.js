// @ts-check
// Sends a Remix response body to the client in few, larger writes.
//
// React's streaming renderer hands over a page in many chunks of about 2 KB, and Remix's own
// writeReadableStreamToWritable writes and *flushes* each one. Behind compression every flush
// ends a compressed block, so a 30 KB page cost a dozen separate zlib/brotli runs and a profile
// showed compression as the largest single cost of a signed-in page. Here the chunks that arrive
// in one go are collected and written (and flushed) once; a chunk that comes later (a deferred
// part of a stream) still goes out at once, so streaming keeps its point.

import { once } from "node:events";

const nextTurn = Symbol("next turn");
/** Beyond this, write even if more is on its way: memory stays bounded for big downloads. */
const maxBuffered = 64 * 1024;

/**
 * @param {ReadableStream<Uint8Array>} body
 * @param {import("express").Response} res
 */
export async function writeBodyCoalesced(body, res) {
  const reader = body.getReader();
  /** @type {Uint8Array[]} */
  let parts = [];
  let buffered = 0;
  const closedEarly = new Promise((resolve) => res.once("close", () => resolve(nextTurn)));

  async function flush() {
    if (buffered === 0) return;
    const chunk = parts.length === 1 ? /** @type {Uint8Array} */ (parts[0]) : Buffer.concat(parts, buffered);
    parts = [];
    buffered = 0;
    const ok = res.write(chunk);
    // compression() adds flush(): without it the compressor would hold a streamed part back.
    const flushable = /** @type {{ flush?: () => void }} */ (/** @type {unknown} */ (res));
    flushable.flush?.();
    if (!ok && !res.destroyed) await Promise.race([once(res, "drain"), closedEarly]);
  }

  try {
    let pending = reader.read();
    for (;;) {
      const next =
        buffered === 0
          ? await pending
          : await Promise.race([pending, new Promise((resolve) => setImmediate(resolve, nextTurn))]);
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      if (next === nextTurn) {
        await flush(); // nothing more right now: send what is there, keep waiting for the rest
        continue;
      }
      const { done, value } = /** @type {ReadableStreamReadResult<Uint8Array>} */ (next);
      if (done) break;
      parts.push(value);
      buffered += value.byteLength;
      pending = reader.read();
      if (buffered >= maxBuffered) await flush();
    }
    await flush();
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : undefined);
    throw error;
  }
}
