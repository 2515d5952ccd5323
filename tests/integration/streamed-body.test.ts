import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { writeBodyCoalesced } from "../../server/stream-body.js";

// React streams a page in ~2 KB chunks; each write+flush behind compression is a compressed
// block of its own. The body writer collects what arrives together and still streams what comes later.

const encoder = new TextEncoder();
const shell = Array.from({ length: 12 }, (_, i) => `<div>Abschnitt ${i} ${"Holz ".repeat(400)}</div>`);

/** A stand-in for Express's response that records each write and flush. */
function recordingResponse() {
  const events: string[] = [];
  const written: Uint8Array[] = [];
  const res = Object.assign(new EventEmitter(), {
    destroyed: false,
    write(chunk: Uint8Array) {
      written.push(chunk);
      events.push("write");
      return true;
    },
    flush() {
      events.push("flush");
    },
    end() {
      events.push("end");
    },
    destroy() {
      res.destroyed = true;
    },
  });
  return { res, events, written };
}

describe("writing a streamed body", () => {
  test("chunks that arrive together leave in one write and one flush; a later chunk in its own", async () => {
    let late: () => void = () => {};
    const lateReady = new Promise<void>((resolve) => {
      late = resolve;
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const part of shell) controller.enqueue(encoder.encode(part));
        await lateReady;
        controller.enqueue(encoder.encode("<script>später</script>"));
        controller.close();
      },
    });
    const { res, events, written } = recordingResponse();
    const done = writeBodyCoalesced(body, res as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["write", "flush"]);
    late();
    await done;
    expect(events).toEqual(["write", "flush", "write", "flush", "end"]);
    expect(new TextDecoder().decode(Buffer.concat(written))).toBe(`${shell.join("")}<script>später</script>`);
  });

  test("stops reading when the client has gone", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode("x".repeat(1000)));
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { res, events } = recordingResponse();
    const done = writeBodyCoalesced(body, res as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    res.destroyed = true;
    res.emit("close");
    await done;
    expect(cancelled).toBe(true);
    expect(events).not.toContain("end");
  });
});

describe("a streamed page through the HTTP server with compression", () => {
  const servers: http.Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  test("the shell reaches a gzip client before the rest exists, and the whole page decodes intact", async () => {
    let clientGotShell: () => void = () => {};
    const shellArrived = new Promise<void>((resolve) => {
      clientGotShell = resolve;
    });
    const app = createApp({
      dev: false,
      trustProxy: 0,
      handleRequest: async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              for (const part of shell) controller.enqueue(encoder.encode(part));
              // Only once the browser has the shell does the deferred part exist: held back, this hangs.
              await shellArrived;
              controller.enqueue(encoder.encode("<p>nachgeladen</p>"));
              controller.close();
            },
          }),
          { headers: { "Content-Type": "text/html; charset=utf-8" } },
        ),
    });
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } }, (response) => {
          expect(response.headers["content-encoding"]).toBe("gzip");
          const gunzip = zlib.createGunzip();
          let decoded = "";
          gunzip.on("data", (chunk: Buffer) => {
            decoded += chunk.toString("utf8");
            if (decoded.includes("Abschnitt 11")) clientGotShell();
          });
          gunzip.on("end", () => resolve(decoded));
          gunzip.on("error", reject);
          response.pipe(gunzip);
        })
        .on("error", reject);
    });
    expect(text).toBe(`${shell.join("")}<p>nachgeladen</p>`);
  });
});
