// @ts-check
// The ceiling for `npm run bench`: the least work a Node HTTP server can do per request.
import http from "node:http";

const port = Number(process.env.PORT || 3298);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("Hello, world\n");
  })
  .listen(port);
