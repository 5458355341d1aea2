// The Developer Mode server (like `zet run`): HTTPS, manifest with a name, resources.json, app/, CORS *.
import { request } from 'node:https';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevModeServer } from '../../../scripts/devmode.mjs';
import { projectRoot } from '../../../scripts/pack.mjs';

let certDir: string;
let server: { url: string; port: number; close(): Promise<void> };

function get(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    // The certificate is self-signed by design; the test only checks what is served.
    const req = request(`${server.url}${path}`, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'zbd-devmode-'));
  server = await startDevModeServer({ port: 0, root: projectRoot, certDir });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(certDir, { recursive: true, force: true });
});

describe('Developer Mode server', () => {
  it('creates a self-signed certificate once and serves HTTPS on 127.0.0.1', () => {
    expect(existsSync(join(certDir, 'cert.pem'))).toBe(true);
    expect(existsSync(join(certDir, 'key.pem'))).toBe(true);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves plugin-manifest.json with the project name added, with CORS *', async () => {
    const res = await get('/plugin-manifest.json');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['content-security-policy'])).toContain('connect-src https://*.zohostatic.com');
    const manifest = JSON.parse(res.body) as { name: string; service: string; modules: { widgets: unknown[] } };
    expect(manifest.name).toBe('zoho-billing-for-desk');
    expect(manifest.service).toBe('DESK');
    expect(manifest.modules.widgets.length).toBeGreaterThan(0);
  });

  it('serves resources.json and 404s outside app/', async () => {
    const res = await get('/resources.json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual(expect.any(Object));
    expect((await get('/app/../package.json')).status).toBe(404);
    expect((await get('/app/%2e%2e/package.json')).status).toBe(404);
  });

  it.skipIf(!existsSync(join(projectRoot, 'app', 'panel.html')))('serves the built widget pages unchanged (official SDK)', async () => {
    const res = await get('/app/panel.html');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).toContain('https://js.zohostatic.com/support/developer_sdk/v1/js/ZohoDeskClientSDK.min.js');
  });
});
