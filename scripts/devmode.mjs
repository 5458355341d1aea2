#!/usr/bin/env node
// `npm run devmode`: serves the built extension for Zoho Desk's Developer Mode, like `zet run`:
// HTTPS on 127.0.0.1:5000, /plugin-manifest.json (with `name` added), /resources.json and /app/...,
// every answer with CORS `*` and zet's connect-src CSP. The certificate is self-signed, made once
// with openssl into .devmode/ (gitignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:https';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentTypeFor, listen, resolveInside } from './simServer.mjs';

const defaultRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Creates .devmode/key.pem + cert.pem (self-signed for 127.0.0.1 and localhost) unless both exist. */
export function ensureCertificate(certDir = join(defaultRoot, '.devmode')) {
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(certDir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825',
        '-keyout', key, '-out', cert,
        '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert), keyPath: key, certPath: cert };
}

function isValidCspUrl(value) {
  try {
    return ['http:', 'https:', 'wss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

async function readManifest(root) {
  return JSON.parse(await readFile(join(root, 'plugin-manifest.json'), 'utf8'));
}

function headersFor(manifest) {
  const extra = manifest?.cspDomains?.['connect-src'];
  const connect = Array.isArray(extra) && extra.every(isValidCspUrl) ? extra.join(' ') : '';
  return {
    'Access-Control-Allow-Origin': '*',
    'Content-Security-Policy': `connect-src https://*.zohostatic.com https://*.sigmausercontent.com ${connect}`.trim(),
    'Cache-Control': 'no-store',
  };
}

function landingPage(manifest) {
  const widgets = (manifest?.modules?.widgets ?? [])
    .map((w) => `<li><code>${String(w.location).replace(/[<&>]/g, '')}</code> → <a href="${String(w.url).replace(/[<&>"]/g, '')}">${String(w.url).replace(/[<&>]/g, '')}</a></li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>Zoho Billing for Desk — Developer Mode</title>
<h1>Developer Mode server is running</h1>
<p>The certificate is accepted in this browser. Now in Zoho Desk: Setup → Developer Space → Build Extensions → Enable Developer Mode.</p>
<ul>${widgets}</ul>`;
}

/**
 * Starts the HTTPS server. `port: 0` picks a free port (tests).
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startDevModeServer({
  port = 5000,
  host = '127.0.0.1',
  root = defaultRoot,
  certDir = join(root, '.devmode'),
  log = () => {},
} = {}) {
  const { key, cert } = ensureCertificate(certDir);
  const appRoot = join(root, 'app');
  const projectName = (() => {
    try {
      return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name ?? 'extension';
    } catch {
      return 'extension';
    }
  })();

  const server = createServer({ key, cert }, async (req, res) => {
    const started = Date.now();
    let status = 200;
    try {
      let manifest = null;
      try {
        manifest = await readManifest(root);
      } catch {
        manifest = null;
      }
      const headers = headersFor(manifest);
      const pathname = new URL(req.url ?? '/', 'https://localhost').pathname;
      const reply = (code, type, body) => {
        status = code;
        res.writeHead(code, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
      };

      if (req.method === 'OPTIONS') {
        status = 204;
        res.writeHead(204, { ...headers, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Headers': '*' });
        res.end();
      } else if (req.method !== 'GET' && req.method !== 'HEAD') {
        reply(405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      } else if (pathname === '/plugin-manifest.json') {
        if (!manifest) reply(500, 'text/plain; charset=utf-8', 'plugin-manifest.json is missing or not JSON\n');
        else reply(200, 'application/json; charset=utf-8', JSON.stringify({ ...manifest, name: projectName }));
      } else if (pathname === '/resources.json') {
        const body = await readFile(join(root, 'resources.json'), 'utf8').catch(() => '{}');
        reply(200, 'application/json; charset=utf-8', body);
      } else if (pathname === '/') {
        reply(200, 'text/html; charset=utf-8', landingPage(manifest));
      } else if (pathname.startsWith('/app/')) {
        const file = resolveInside(appRoot, pathname.slice('/app'.length));
        const info = file ? await stat(file).catch(() => null) : null;
        if (!file || !info?.isFile()) reply(404, 'text/plain; charset=utf-8', 'Not found\n');
        else reply(200, contentTypeFor(file), await readFile(file));
      } else {
        reply(404, 'text/plain; charset=utf-8', 'Not found\n');
      }
    } catch (error) {
      status = 500;
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
        res.end(`Server error: ${String(error)}\n`);
      } else res.destroy();
    } finally {
      log(`${req.method} ${req.url} ${status} ${Date.now() - started} ms`);
    }
  });

  const actualPort = await listen(server, port, host);
  return {
    url: `https://${host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5000' },
      host: { type: 'string', default: '127.0.0.1' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!existsSync(join(defaultRoot, 'app', 'panel.html'))) {
    console.error('app/ is not built yet. Run `npm run build` first.');
    process.exit(1);
  }
  let server;
  try {
    server = await startDevModeServer({
      port,
      host: values.host,
      log: values.quiet ? () => {} : (line) => console.log(line),
    });
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : '';
    console.error(code === 'EADDRINUSE' ? `Port ${port} is already in use (is zet run or another devmode running?)` : String(error));
    process.exit(1);
  }
  console.log(`
  Developer Mode server: ${server.url}  (serving app/, plugin-manifest.json, resources.json)

  1. Open ${server.url} in the browser you use for Zoho Desk and accept the self-signed
     certificate (Advanced → Proceed to 127.0.0.1). The certificate is in .devmode/cert.pem.
  2. In Zoho Desk: Setup → Developer Space → Build Extensions → Enable Developer Mode.
  3. Open a ticket, contact or account: the widgets load from this machine. Rebuild with
     \`npm run build\` and reload the Desk page to see changes.

  Press Ctrl+C to stop.
`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
