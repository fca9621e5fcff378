// A static server for the release build in dist/, on a free loopback port. With
// `isolated: true` it sends the same COOP/COEP headers as `trunk serve`; without, it behaves like
// a host that cannot set headers.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Isolates the page inside a frame whose parent is not isolated (Chrome 137+ on desktop).
export const DOCUMENT_ISOLATION_HEADERS = {
  'Document-Isolation-Policy': 'isolate-and-credentialless',
};

/** The Content-Security-Policy docs/DEPLOY.md documents, read from it so the two stay one. */
export const CONTENT_SECURITY_POLICY = readFileSync(resolve(import.meta.dirname, '../../docs/DEPLOY.md'), 'utf8')
  .match(/^Content-Security-Policy: (.+)$/m)[1];

export async function serveDist({ isolated = true, documentIsolation = isolated, csp = false } = {}) {
  await stat(join(DIST, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: build first (./dev test does, through trunk build --release)');
  });
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...(isolated ? ISOLATION_HEADERS : {}),
        ...(documentIsolation ? DOCUMENT_ISOLATION_HEADERS : {}),
        ...(csp ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/**
 * A course page on another site than the playground: it embeds the address in its `src` query
 * parameter in an iframe, and records every message the frame sends in `window.__messages`.
 */
export async function serveCoursePage() {
  const server = createServer((request, response) => {
    const src = new URL(request.url, 'http://x').searchParams.get('src') ?? '';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>Course</title>
      <style>body { font: 16px system-ui; margin: 1.5rem; background: #eef1f5; } iframe { background: white; }</style>
      <h1>Week 3: threads and the GIL</h1><p>Try it: press Run every mode, then read the timelines.</p>
      <script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script>
      <iframe src="${src.replace(/"/g, '&quot;')}" title="GIL Playground" style="width:100%;height:600px;border:0"></iframe>`);
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  // `localhost` is another site than the playground's 127.0.0.1.
  return { url: `http://localhost:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}
