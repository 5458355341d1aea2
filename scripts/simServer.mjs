// The local Desk simulator's web server (node:http only, no dependencies).
//   /                 the simulator shell (sim-dist/simulator.html) and its assets
//   /app/...          the built extension (app/), with Zoho's SDK <script> swapped for our shim
//   /sim/sdk-shim.js  hands each framed widget page a fake ZOHODESK owned by the shell
// The shell and the widget share one origin, so the iframe can reach window.parent.__deskSimulator.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const OFFICIAL_SDK_URL = 'https://js.zohostatic.com/support/developer_sdk/v1/js/ZohoDeskClientSDK.min.js';
export const SHIM_PATH = '/sim/sdk-shim.js';
export const SHIM_SOURCE = `if (window.parent !== window && window.parent.__deskSimulator) {
  window.ZOHODESK = window.parent.__deskSimulator.createSdk(window);
} else {
  // Opened on its own: a widget page only runs inside the simulator, which owns the fake ZOHODESK.
  window.location.replace('/?location=' + (window.location.pathname.endsWith('/settings.html') ? 'settings' : 'ticket'));
}
`;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
};

export function contentTypeFor(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Replaces every <script> that loads Zoho's SDK (any attribute order, any quoting) with the shim. */
export function rewriteSdkTag(html) {
  const escaped = OFFICIAL_SDK_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const tag = new RegExp(`<script\\b[^>]*\\bsrc\\s*=\\s*["']?${escaped}["']?[^>]*>\\s*</script>`, 'gi');
  return html.replace(tag, `<script src="${SHIM_PATH}"></script>`);
}

/**
 * Maps a URL path onto a file under `root`, or null when it would escape it.
 * Decoding happens once, before the check, so `%2e%2e%2f` is caught like `../`.
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

async function readFileIfPresent(file) {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      const index = resolve(file, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      return indexInfo?.isFile() ? { file: index, body: await readFile(index) } : null;
    }
    return info.isFile() ? { file, body: await readFile(file) } : null;
  } catch {
    return null;
  }
}

function send(res, status, type, body, extraHeaders = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // Rebuilds must show up on reload; nothing here is worth caching.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(body);
}

function notFound(res, method) {
  const body = 'Not found\n';
  if (method === 'HEAD') {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  send(res, 404, 'text/plain; charset=utf-8', body);
}

export function createSimulatorHandler({ appDir = 'app', simDir = 'sim-dist', cwd = process.cwd() } = {}) {
  const appRoot = resolve(cwd, appDir);
  const simRoot = resolve(cwd, simDir);

  return async function handle(req, res) {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      notFound(res, method);
      return;
    }

    if (pathname === SHIM_PATH) {
      send(res, 200, contentTypeFor(SHIM_PATH), method === 'HEAD' ? '' : SHIM_SOURCE);
      return;
    }

    let file;
    let isApp = false;
    if (pathname === '/app' || pathname.startsWith('/app/')) {
      isApp = true;
      file = resolveInside(appRoot, pathname.slice('/app'.length));
    } else if (pathname.startsWith('/sim/')) {
      file = null;
    } else if (pathname === '/' || pathname === '/index.html') {
      file = resolve(simRoot, 'simulator.html');
    } else {
      file = resolveInside(simRoot, pathname);
    }
    const found = file ? await readFileIfPresent(file) : null;
    if (!found) {
      notFound(res, method);
      return;
    }
    const type = contentTypeFor(found.file);
    let body = found.body;
    if (isApp && type.startsWith('text/html')) body = Buffer.from(rewriteSdkTag(body.toString('utf8')), 'utf8');
    if (method === 'HEAD') {
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    send(res, 200, type, body);
  };
}

/**
 * Starts the simulator server. `port: 0` picks a free port (tests). Resolves once listening.
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
/** Starts listening; resolves with the port actually bound (port 0 picks a free one). */
export async function listen(server, port, host) {
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export async function startSimulatorServer({
  port = 5173,
  host = '127.0.0.1',
  appDir = 'app',
  simDir = 'sim-dist',
  cwd = process.cwd(),
} = {}) {
  const handler = createSimulatorHandler({ appDir, simDir, cwd });
  const server = createServer((req, res) => {
    handler(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Server error: ${String(error)}\n`);
      else res.destroy();
    });
  });
  const actualPort = await listen(server, port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  return {
    url,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}
