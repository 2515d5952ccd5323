import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, describe, expect, test, vi } from "vitest";
import { bodyLimits } from "../../server/body-limit.js";
import { createApp } from "../../server/app.js";

// The Express app of server/index.js, with a stand-in for the Remix build: the stand-in echoes
// what Remix would get (context, URL, body), or fails when asked to.
async function echo(request: Request, context: AppLoadContext) {
  if (new URL(request.url).pathname === "/boom") throw new Error("kaputt");
  const body = await request.text();
  return Response.json({ ...context, url: request.url, bodyLength: body.length });
}

const servers: http.Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

async function start(trustProxy: number | string[] = 0) {
  const app = createApp({ dev: false, trustProxy, handleRequest: echo });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return (server.address() as AddressInfo).port;
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/**
 * A raw HTTP request: headers go out at once; the body is written in chunks only as long as the
 * server has not answered (a server that refuses a body answers before reading it).
 */
function send(port: number, { method = "POST", path = "/", headers = {}, chunks = [] as Buffer[] }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    // The server may close the connection while the body is still being sent: that is the point.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.flushHeaders();
    (async () => {
      for (const chunk of chunks) {
        if (answered || request.destroyed) return;
        await new Promise<void>((done) => request.write(chunk, () => done()));
      }
      if (!answered && !request.destroyed) request.end();
    })().catch(() => {});
  });
}

const form = { "content-type": "application/x-www-form-urlencoded" };
const kib = (n: number) => Buffer.alloc(n * 1024, "a");

describe("request id", () => {
  test("every response carries a fresh X-Request-Id, the same one the app gets", async () => {
    const port = await start();
    const first = await send(port, { method: "GET", path: "/login" });
    const second = await send(port, { method: "GET", path: "/login" });
    const id = first.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(first.text).requestId).toBe(id);
    expect(second.headers["x-request-id"]).not.toBe(id);
  });

  test("an unexpected error answers a German 500 page and logs one JSON line with id, method, path, status", async () => {
    const port = await start();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await send(port, { method: "GET", path: "/boom?x=1" });
    expect(answer.status).toBe(500);
    expect(answer.text).toContain("Etwas ist schiefgelaufen");
    expect(logged).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(logged.mock.calls[0]?.[0]));
    expect(line).toMatchObject({
      level: "error",
      requestId: answer.headers["x-request-id"],
      method: "GET",
      path: "/boom",
      status: 500,
    });
    expect(line.error).toContain("kaputt");
  });
});

describe("client address behind proxies (TRUST_PROXY)", () => {
  const forwarded = { "x-forwarded-for": "6.6.6.6, 10.0.0.9" };

  test("without a trusted proxy, X-Forwarded-For is ignored", async () => {
    const port = await start(0);
    const answer = await send(port, { method: "GET", headers: forwarded });
    expect(JSON.parse(answer.text).clientIp).toBe("127.0.0.1");
  });

  test("with one proxy, the address the proxy saw counts, never the one the client wrote", async () => {
    const port = await start(1);
    const answer = await send(port, { method: "GET", headers: forwarded });
    expect(JSON.parse(answer.text).clientIp).toBe("10.0.0.9");
  });

  test("with a list of proxy addresses, the right-most address outside the list counts", async () => {
    expect(
      JSON.parse((await send(await start(["127.0.0.1"]), { method: "GET", headers: forwarded })).text).clientIp,
    ).toBe("10.0.0.9");
    const twoProxies = await start(["127.0.0.1", "10.0.0.0/8"]);
    expect(JSON.parse((await send(twoProxies, { method: "GET", headers: forwarded })).text).clientIp).toBe("6.6.6.6");
  });
});

describe("request body limits", () => {
  test("a form body of the usual size reaches the app", async () => {
    const port = await start();
    const answer = await send(port, { path: "/login", headers: form, chunks: [kib(100)] });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).bodyLength).toBe(100 * 1024);
  });

  test("a declared Content-Length over the limit is refused with 413 before the body is read", async () => {
    const port = await start();
    const answer = await send(port, {
      path: "/login",
      headers: { ...form, "content-length": String(200 * 1024 * 1024) },
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("zu groß");
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  });

  test("a streamed (chunked) body is cut off at the limit with 413", async () => {
    const port = await start();
    const chunks = Array.from({ length: 64 }, () => kib(64)); // 4 MiB, never sent in full
    const answer = await send(port, { path: "/join/ABC", headers: form, chunks });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("zu groß");
  });

  test("uploads (multipart) have their own, larger limit", async () => {
    const port = await start();
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    const picture = await send(port, { path: "/edit/lessons/1/images", headers: multipart, chunks: [kib(1100)] });
    expect(picture.status).toBe(200);
    const tooBig = await send(port, {
      path: "/edit/lessons/1/images",
      headers: multipart,
      chunks: [Buffer.alloc(bodyLimits.upload + 1, "a")],
    });
    expect(tooBig.status).toBe(413);
  });

  test("a whole Berichtsheft (up to 5 MiB) may be uploaded to its import page only", async () => {
    const port = await start();
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    const record = Array.from({ length: 5 }, () => kib(1000));
    for (const path of ["/records/abc/import", "/records/abc/import.data"]) {
      expect((await send(port, { path, headers: multipart, chunks: record })).status).toBe(200);
    }
    expect((await send(port, { path: "/records/abc/other", headers: multipart, chunks: record })).status).toBe(413);
    const tooBig = [Buffer.alloc(bodyLimits.recordImport + 1, "a")];
    expect((await send(port, { path: "/records/abc/import", headers: multipart, chunks: tooBig })).status).toBe(413);
  });

  test("the lesson editor may post a whole lesson, no other form may", async () => {
    const port = await start();
    const lesson = [kib(1024), kib(1024)];
    expect((await send(port, { path: "/edit/lessons/abc", headers: form, chunks: lesson })).status).toBe(200);
    expect((await send(port, { path: "/edit/lessons/abc.data", headers: form, chunks: lesson })).status).toBe(200);
    expect((await send(port, { path: "/edit/courses/abc", headers: form, chunks: lesson })).status).toBe(413);
  });
});

describe("cross-site writes", () => {
  test("Sec-Fetch-Site same-origin with a foreign Origin is refused with 403, not a 500", async () => {
    const port = await start();
    const answer = await send(port, {
      path: "/login",
      headers: { ...form, "sec-fetch-site": "same-origin", origin: "https://evil.example" },
    });
    expect(answer.status).toBe(403);
  });

  test("the Origin must match scheme, host and port", async () => {
    const port = await start();
    const post = (origin: string) => send(port, { path: "/login", headers: { ...form, origin } });
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(200);
    expect((await post(`https://127.0.0.1:${port}`)).status).toBe(403);
    expect((await post(`http://127.0.0.1:${port + 1}`)).status).toBe(403);
    expect((await post("http://127.0.0.1")).status).toBe(403);
  });

  test("behind a trusted proxy the scheme comes from X-Forwarded-Proto", async () => {
    const port = await start(1);
    const post = (origin: string) =>
      send(port, { path: "/login", headers: { ...form, origin, "x-forwarded-proto": "https" } });
    expect((await post(`https://127.0.0.1:${port}`)).status).toBe(200);
    expect((await post(`http://127.0.0.1:${port}`)).status).toBe(403);
  });
});
