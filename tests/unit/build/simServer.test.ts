// The simulator's HTTP server: what it serves, the SDK tag swap, and what it refuses.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OFFICIAL_SDK_URL,
  resolveInside,
  rewriteSdkTag,
  SHIM_SOURCE,
  startSimulatorServer,
  type SimulatorServer,
} from '../../../scripts/simServer.mjs';

let dir: string;
let server: SimulatorServer;

/** Raw GET with the path sent exactly as written (fetch would normalise `..`). */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url.replace(/\/$/, '')}${path}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zbd-sim-'));
  mkdirSync(join(dir, 'app', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'app', 'img'), { recursive: true });
  mkdirSync(join(dir, 'sim-dist', 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'app', 'panel.html'),
    `<!doctype html><head><script src="${OFFICIAL_SDK_URL}"></script><script type="module" src="./assets/panel.js"></script></head>`,
  );
  writeFileSync(join(dir, 'app', 'assets', 'panel.js'), 'console.log("panel")');
  writeFileSync(join(dir, 'app', 'img', 'logo.svg'), '<svg/>');
  writeFileSync(join(dir, 'app', 'data.json'), '{"a":1}');
  writeFileSync(join(dir, 'sim-dist', 'simulator.html'), '<!doctype html><title>Desk simulator</title>');
  writeFileSync(join(dir, 'sim-dist', 'assets', 'sim.js'), 'console.log("sim")');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  server = await startSimulatorServer({ port: 0, cwd: dir });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('simulator server', () => {
  it('listens on 127.0.0.1 on the port it was given (0 = free port)', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the simulator shell at / and its assets', async () => {
    const root = await get('/');
    expect(root.status).toBe(200);
    expect(root.type).toMatch(/^text\/html/);
    expect(root.body).toContain('Desk simulator');
    const asset = await get('/assets/sim.js');
    expect(asset.status).toBe(200);
    expect(asset.type).toMatch(/^text\/javascript/);
  });

  it('serves widget pages with Zoho\'s SDK swapped for the shim', async () => {
    const res = await get('/app/panel.html');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.body).toContain('<script src="/sim/sdk-shim.js"></script>');
    expect(res.body).not.toContain(OFFICIAL_SDK_URL);
    expect(res.body).toContain('./assets/panel.js');
  });

  it('serves the shim that asks the shell for a fake ZOHODESK', async () => {
    const res = await get('/sim/sdk-shim.js');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/javascript/);
    expect(res.body).toBe(SHIM_SOURCE);
    expect(res.body).toContain('window.ZOHODESK = window.parent.__deskSimulator.createSdk(window);');
  });

  it('answers with the right content types', async () => {
    expect((await get('/app/img/logo.svg')).type).toBe('image/svg+xml');
    expect((await get('/app/data.json')).type).toMatch(/^application\/json/);
    expect((await get('/app/assets/panel.js')).type).toMatch(/^text\/javascript/);
  });

  it('answers 404 for what does not exist, and 405 for writes', async () => {
    expect((await get('/app/nope.html')).status).toBe(404);
    expect((await get('/nope')).status).toBe(404);
    expect((await get('/sim/other.js')).status).toBe(404);
    expect((await get('/app/panel.html', 'POST')).status).toBe(405);
  });

  it('never serves a file outside app/ or sim-dist/', async () => {
    for (const path of [
      '/app/../secret.txt',
      '/app/%2e%2e/secret.txt',
      '/app/..%2fsecret.txt',
      '/app/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/app/..%5csecret.txt',
      '/app/%00panel.html',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('not for the browser');
    }
  });
});

describe('rewriteSdkTag and resolveInside', () => {
  it('swaps the SDK tag in any attribute order and quoting, and leaves other scripts alone', () => {
    const html = [
      `<script src="${OFFICIAL_SDK_URL}"></script>`,
      `<script type="text/javascript" src='${OFFICIAL_SDK_URL}' ></script>`,
      '<script src="https://example.com/other.js"></script>',
    ].join('\n');
    const out = rewriteSdkTag(html);
    expect(out.match(/\/sim\/sdk-shim\.js/g)).toHaveLength(2);
    expect(out).toContain('https://example.com/other.js');
    expect(out).not.toContain(OFFICIAL_SDK_URL);
  });

  it('keeps paths inside the root', () => {
    expect(resolveInside('/srv/app', '/panel.html')).toBe('/srv/app/panel.html');
    expect(resolveInside('/srv/app', '/../x')).toBeNull();
    expect(resolveInside('/srv/app', '/%2e%2e/x')).toBeNull();
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});
