// A tiny static file server for the end-to-end tests: serves a directory under
// a base path on 127.0.0.1 and a random free port, with the MIME types the app
// needs (application/wasm in particular). No directory listings, no traversal.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `dir` at `http://127.0.0.1:<port><base>`.
 * @param {string} dir
 * @param {{ base?: string, cors?: boolean, trickle?: boolean }} [options] base path, starting and ending with "/";
 *   cors: send `Access-Control-Allow-Origin: *` (needed by a sandboxed iframe, whose origin is opaque);
 *   trickle: send HTML 2 KiB every 25 ms, as a slow network does, so the browser parses
 *   and paints it in pieces (about 1.8 s for index.html)
 * @returns {Promise<{ url: string, origin: string, requests: string[], close: () => Promise<void> }>}
 */
export async function serveDir(dir, { base = "/", cors = false, trickle = false } = {}) {
  if (!base.startsWith("/") || !base.endsWith("/")) throw new Error(`base must start and end with "/": ${base}`);
  const root = resolve(dir);
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed");
    if (!path.startsWith(base)) return send(res, 404, "not found");
    let file = resolve(root, "." + sep + path.slice(base.length));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, "not found");
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": MIME[extname(file)] || "application/octet-stream",
        "content-length": body.length,
        "cache-control": "no-store",
        ...(cors ? { "access-control-allow-origin": "*" } : {}),
      });
      if (req.method === "HEAD") return res.end();
      if (trickle && extname(file) === ".html") {
        for (let i = 0; i < body.length; i += 2048) {
          res.write(body.subarray(i, i + 2048));
          await new Promise((ok) => setTimeout(ok, 25));
        }
        return res.end();
      }
      res.end(body);
    } catch {
      send(res, 404, "not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: origin + base,
    origin,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

// `node tests/e2e/server.mjs [dir] [base]`: serve by hand, e.g. to look at dist/.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serveDir(process.argv[2] || "dist", { base: process.argv[3] || "/" });
  console.log(`serving ${process.argv[2] || "dist"} at ${s.url}`);
}
