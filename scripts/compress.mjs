#!/usr/bin/env node
// Post-processes a release dist (default: dist/), after scripts/offline.mjs:
//
// 1. dist/web.config for IIS, generated from the built pages, because the
//    Content-Security-Policy holds SHA-256 hashes of the inline scripts and
//    styles and so changes with every build (a static copy would go stale).
//    It maps .wasm to application/wasm, turns on IIS static compression, sends
//    each page's own CSP (the one in its <meta>) as a header with nosniff,
//    Referrer-Policy and Permissions-Policy, and sets Cache-Control: no-cache
//    by default and a year, immutable, for the file-hashed assets.
// 2. Pre-compressed siblings, NAME.gz (gzip -9) and NAME.br (brotli q11), of
//    every text and wasm file, for hosts that serve them as they are (nginx
//    gzip_static/brotli_static, Apache rewrite rules, IIS with URL Rewrite,
//    Azure). Deterministic: gzip's header has mtime 0 and OS "unknown", so
//    the same dist always gives the same bytes. Siblings take their original's
//    mtime, so Last-Modified agrees whichever file a server sends.
//
// scripts/sizes.mjs and the size budget ignore the siblings and web.config:
// neither is part of what a browser downloads.
//
// Usage: node scripts/compress.mjs [distDir]
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, unlinkSync, utimesSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, relative, resolve, extname, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const OFFLINE_NAME = "involve-offline.html";
export const WEB_CONFIG = "web.config";

/** Extensions that get .gz and .br siblings; brotli mode GENERIC for binary, TEXT for the rest. */
export const COMPRESSIBLE = {
  ".html": "text", ".js": "text", ".mjs": "text", ".css": "text", ".json": "text", ".svg": "text",
  ".webmanifest": "text", ".txt": "text", ".xml": "text", ".map": "text", ".wasm": "binary",
};

/**
 * Trunk's file hash (filehash = true): `name-0123456789abcdef.css`, `name-0123456789abcdef_bg.wasm`.
 * Trunk writes the 64-bit hash in hex without leading zeros, so one file in 16
 * has 15 digits (`involve-cab3fbadfb08d7b.css`), one in 256 has 14, and so on.
 */
export const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

export const isSibling = (name) => /\.(gz|br)$/.test(name);
export const isCompressible = (name) => name !== WEB_CONFIG && !isSibling(name) && extname(name).toLowerCase() in COMPRESSIBLE;

export function gzip(bytes) {
  const out = gzipSync(bytes, { level: 9 });
  // RFC 1952 header: ID1 ID2 CM FLG MTIME(4) XFL OS. Node writes no name and mtime 0;
  // the OS byte depends on the platform zlib was built for, so it is set to 255 (unknown).
  if (out[3] !== 0 || out.readUInt32LE(4) !== 0) throw new Error("gzip header has a name or an mtime");
  out[9] = 255;
  return out;
}

export function brotli(bytes, kind = "text") {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: kind === "binary" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Every file under dir (relative paths with "/"), sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

/** The content of a page's CSP <meta>, or null. */
export function metaCsp(html) {
  const tag = html.match(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/i);
  if (!tag) return null;
  const m = tag[0].match(/\scontent="([^"]*)"/i);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&") : null;
}

const xmlAttr = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Headers sent with every response (besides Content-Security-Policy and Cache-Control). */
export const HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};
export const IMMUTABLE_AGE = "365.00:00:00"; // IIS TimeSpan: max-age=31536000

/**
 * dist/web.config for IIS 10. Only sections that a site's web.config may set by
 * default (staticContent, urlCompression, defaultDocument, httpProtocol), so it
 * never fails with HTTP 500.19 on a stock server; httpCompression (adding
 * application/wasm to the compressed types) is server-level: see docs/hosting.md.
 */
export function webConfig(dist) {
  const files = listFiles(dist);
  const index = readFileSync(join(dist, "index.html"), "utf8");
  const csp = metaCsp(index);
  if (!csp) throw new Error("dist/index.html has no Content-Security-Policy <meta>: run scripts/offline.mjs first");

  const headers = Object.entries(HEADERS).map(([k, v]) => `        <add name="${k}" value="${xmlAttr(v)}" />`).join("\n");
  const locations = [];
  // Every other page carries its own policy (the offline file's allows no 'self'; the
  // intersection of two policies would block it), or none if it has no <meta>.
  for (const f of files.filter((f) => f.endsWith(".html") && f !== "index.html")) {
    const own = metaCsp(readFileSync(join(dist, f), "utf8"));
    locations.push(`  <location path="${xmlAttr(f)}">
    <system.webServer>
      <httpProtocol>
        <customHeaders>
          <remove name="Content-Security-Policy" />${own ? `\n          <add name="Content-Security-Policy" value="${xmlAttr(own)}" />` : ""}
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>`);
  }
  for (const f of files.filter((f) => HASHED.test(f))) {
    locations.push(`  <location path="${xmlAttr(f)}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="${IMMUTABLE_AGE}" cacheControlCustom="immutable" />
      </staticContent>
    </system.webServer>
  </location>`);
  }

  return `<?xml version="1.0" encoding="utf-8"?>
<!--
  Involve on IIS 10. Generated by scripts/compress.mjs from this build's pages:
  the Content-Security-Policy below is the one in index.html's <meta> (it holds
  hashes of the inline script and style, so it changes with every build; copy
  this file with the rest of dist/).

  Framing: the policy has no frame-ancestors, so any intranet page may show
  Involve in an iframe. To allow only your own intranet, append to the
  Content-Security-Policy value below, for example:
    ; frame-ancestors 'self' https://intranet.example.nhs.uk
  (frame-ancestors works only as a header, never in a <meta>).

  Compression: static compression is on; IIS compresses application/wasm only
  once it is in the server's httpCompression staticTypes (see docs/hosting.md).
  The .gz and .br files beside each asset are for hosts that serve
  pre-compressed files; IIS does not serve them unless URL Rewrite is set up.
-->
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".wasm" />
      <mimeMap fileExtension=".wasm" mimeType="application/wasm" />
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
      <remove fileExtension=".webmanifest" />
      <mimeMap fileExtension=".webmanifest" mimeType="application/manifest+json" />
      <!-- Cache-Control: no-cache (revalidate) for the pages; the hashed assets below override it. -->
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <urlCompression doStaticCompression="true" doDynamicCompression="false" />
    <defaultDocument enabled="true">
      <files>
        <clear />
        <add value="index.html" />
      </files>
    </defaultDocument>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
        <add name="Content-Security-Policy" value="${xmlAttr(csp)}" />
${headers}
      </customHeaders>
    </httpProtocol>
  </system.webServer>
${locations.join("\n")}
</configuration>
`;
}

/** Writes NAME.gz and NAME.br beside every compressible file; removes stale siblings. Returns what it wrote. */
export function compressDist(dist) {
  const files = listFiles(dist);
  const present = new Set(files);
  for (const f of files.filter(isSibling)) {
    if (!present.has(f.slice(0, -3)) || !isCompressible(f.slice(0, -3))) unlinkSync(join(dist, f));
  }
  const written = [];
  for (const f of files.filter(isCompressible)) {
    const p = join(dist, f);
    const bytes = readFileSync(p);
    const gz = gzip(bytes);
    const br = brotli(bytes, COMPRESSIBLE[extname(f).toLowerCase()]);
    writeFileSync(p + ".gz", gz);
    writeFileSync(p + ".br", br);
    // One mtime for the three, to the millisecond (utimes takes no finer from a Date).
    const { mtime } = statSync(p);
    for (const q of [p, p + ".gz", p + ".br"]) utimesSync(q, mtime, mtime);
    written.push({ name: f, raw: bytes.length, gzip: gz.length, brotli: br.length });
  }
  return written;
}

function main() {
  const dist = resolve(process.argv[2] || "dist");
  if (!existsSync(join(dist, "index.html"))) {
    console.error(`compress: ${join(dist, "index.html")} is missing; run make dist`);
    process.exit(1);
  }
  writeFileSync(join(dist, WEB_CONFIG), webConfig(dist));
  const written = compressDist(dist);
  const total = (k) => written.reduce((a, w) => a + w[k], 0);
  console.error(`compress: wrote ${join(dist, WEB_CONFIG)} and .gz/.br beside ${written.length} files ` +
    `(${total("raw")} bytes -> gzip ${total("gzip")}, brotli ${total("brotli")})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
