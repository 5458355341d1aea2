/**
 * SPEC C5 on the shipped artefact: what Desk loads from app/ must hold no secret, no source map, no path
 * of the machine that built it, no eval, and every widget page must carry a Content-Security-Policy that
 * forbids inline and eval'd script. Our own sources (not the sandbox) must never write HTML.
 * app/ is built first when missing or stale; the checks never skip.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBuilt } from '../../../scripts/builds.mjs';
import { contentSecurityPolicy, CSP_PLACEHOLDER } from '../../../scripts/csp.mjs';

const root = join(__dirname, '..', '..', '..');
// SCAN_APP_DIR scans another build output (e.g. a fresh production build) with the same rules.
const appDir = process.env.SCAN_APP_DIR ?? join(root, 'app');
// The scan never skips itself: app/ is built here when missing or older than the sources (a custom
// SCAN_APP_DIR must already exist), and a missing build fails.
if (!process.env.SCAN_APP_DIR) await ensureBuilt({ targets: ['app'], quiet: true });
if (!existsSync(join(appDir, 'panel.html'))) throw new Error(`${appDir} holds no built extension (panel.html is missing): the security scan cannot run`);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const TEXT_FILE = /\.(?:html?|js|mjs|cjs|css|json|svg|txt|map|md)$/i;

interface Hit {
  file: string;
  pattern: string;
  excerpt: string;
}

function scan(files: string[], patterns: Record<string, RegExp>): Hit[] {
  const hits: Hit[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [name, re] of Object.entries(patterns)) {
      const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      for (const m of text.matchAll(global)) {
        const at = m.index ?? 0;
        hits.push({ file: relative(root, file), pattern: name, excerpt: text.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, ' ') });
        if (hits.length > 50) return hits;
      }
    }
  }
  return hits;
}

/** Credentials and key material, in the shapes Zoho and the big clouds issue them. */
const SECRET_PATTERNS: Record<string, RegExp> = {
  'Zoho OAuth header': /Zoho-oauthtoken\s+\S+/i,
  // Zoho client ids are "1000." + 30 upper-case alphanumerics; tokens are "1000.<hex>.<hex>".
  'Zoho client id': /\b1000\.[A-Z0-9]{30}\b/,
  'Zoho token': /\b1000\.[0-9a-f]{32}\.[0-9a-f]{32}\b/,
  'Zoho client secret': /\b[0-9a-f]{42}\b/,
  'PEM key': /-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE)-----/,
  'client secret field': /client[_-]?secret\s*["'`]?\s*[:=]/i,
  'secret assignment': /\bsecret\w*\s*["'`]?\s*[:=]\s*["'`][^"'`\s]{8,}/i,
  'api key': /\bapi[_-]?key\b\s*["'`]?\s*[:=]|\bapikey\b/i,
  'AWS access key': /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  'AWS secret key': /aws_secret_access_key/i,
  'bearer token': /\bBearer\s+[A-Za-z0-9\-._~+/]{20,}=*/,
  'GitHub token': /\bgh[pousr]_[A-Za-z0-9]{36}\b/,
  'private key field': /\bprivate[_-]?key\b\s*["'`]?\s*[:=]/i,
};

/** The building machine's paths (a dev build embeds each component's file name). */
const LOCAL_PATH_PATTERNS: Record<string, RegExp> = {
  '/work/': /\/work\//,
  '/home/': /\/home\//,
  '/root/': /\/root\//,
  '/tmp/': /\/tmp\//,
  'Windows user path': /[A-Z]:\\\\?Users\\\\?/,
  'file: URL': /file:\/\/\//,
};

const EVAL_PATTERNS: Record<string, RegExp> = {
  'eval(': /(?<![\w$.])eval\s*\(/,
  'new Function(': /\bnew\s+Function\s*\(/,
  'setTimeout with a string': /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
};

const HTML_WRITE_PATTERNS: Record<string, RegExp> = {
  dangerouslySetInnerHTML: /dangerouslySetInnerHTML/,
  'innerHTML =': /\.(?:inner|outer)HTML\s*\+?=/,
  insertAdjacentHTML: /insertAdjacentHTML/,
  'document.write': /document\.write(?:ln)?\s*\(/,
  createContextualFragment: /createContextualFragment/,
  srcdoc: /\bsrcdoc\b/i,
  'javascript: URL': /["'`]javascript:/i,
};

describe('the built app/', () => {
  const files = walk(appDir);
  const textFiles = files.filter((f) => TEXT_FILE.test(f));

  it('has files to scan', () => {
    expect(textFiles.length).toBeGreaterThan(0);
    expect(textFiles.some((f) => f.endsWith('.js'))).toBe(true);
  });

  it('holds no secret: OAuth tokens, Zoho client ids/secrets, PEM keys, API keys, AWS keys', () => {
    expect(scan(textFiles, SECRET_PATTERNS)).toEqual([]);
  });

  it('ships no source map and no sourceMappingURL comment', () => {
    expect(files.filter((f) => f.endsWith('.map')).map((f) => relative(root, f))).toEqual([]);
    expect(scan(textFiles, { sourceMappingURL: /[#@]\s*sourceMappingURL=/ })).toEqual([]);
  });

  it('names no path of the building machine (/work/, /home/, /root/ …)', () => {
    expect(scan(textFiles, LOCAL_PATH_PATTERNS)).toEqual([]);
  });

  it('is a production build (no React development runtime, no per-component file names)', () => {
    const js = textFiles.filter((f) => f.endsWith('.js'));
    expect(scan(js, { 'jsxDEV': /\bjsxDEV\b/, 'fileName:': /\bfileName\s*:\s*["'`]/, 'React dev warning': /Download the React DevTools/ })).toEqual([]);
  });

  it('contains no eval( or new Function(', () => {
    const js = textFiles.filter((f) => /\.(?:m?js|html?)$/.test(f));
    expect(scan(js, EVAL_PATTERNS)).toEqual([]);
  });

  it('every widget page sets a Content-Security-Policy without unsafe-eval or unsafe-inline scripts', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'plugin-manifest.json'), 'utf8')) as { modules?: { widgets?: { url: string }[] } };
    expect(contentSecurityPolicy(manifest)).not.toContain(CSP_PLACEHOLDER);
    const pages = [...new Set((manifest.modules?.widgets ?? []).map((w) => w.url.replace(/^\//, '')))];
    const pageFiles = pages.map((pg) => join(appDir, pg.replace(/^app\//, '')));
    const htmlFiles = [...new Set([...pageFiles, ...files.filter((f) => /\.html?$/.test(f))])].map((f) => relative(root, f));
    expect(htmlFiles.length).toBeGreaterThanOrEqual(2);
    for (const page of htmlFiles) {
      const html = readFileSync(join(root, page), 'utf8');
      const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(?:"([^"]+)"|'([^']+)')/i.exec(html);
      expect(meta, `${page} has no CSP meta`).not.toBeNull();
      const policy = meta?.[1] ?? meta?.[2] ?? '';
      const directives = new Map(
        policy.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name.toLowerCase(), values] as const;
        }),
      );
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
      expect(scriptSrc, `${page}: no script-src or default-src`).toBeDefined();
      expect(scriptSrc, page).not.toContain("'unsafe-eval'");
      expect(scriptSrc, page).not.toContain("'unsafe-inline'");
      expect(scriptSrc, page).not.toContain('*');
      expect(scriptSrc, page).not.toContain('data:');
      expect(directives.get('object-src'), `${page}: object-src`).toEqual(["'none'"]);
      // The policy is the one scripts/csp.mjs derives from the manifest, nothing hand-edited.
      expect(policy, page).toBe(contentSecurityPolicy(manifest));
      expect(directives.get('base-uri'), `${page}: base-uri`).toEqual(["'none'"]);
      // No inline script body may exist either (it would need 'unsafe-inline').
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') && (body ?? '').trim() !== '');
      expect(inline.map(([tag]) => tag.slice(0, 80)), page).toEqual([]);
      expect(html, `${page}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});

describe('our own sources (src/ minus the sandbox) never write HTML or eval', () => {
  const sources = walk(join(root, 'src')).filter((f) => /\.(?:ts|tsx)$/.test(f) && !relative(root, f).startsWith('src/sandbox'));

  it('has sources to scan', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('no dangerouslySetInnerHTML, innerHTML =, insertAdjacentHTML, document.write, srcdoc or javascript: URLs', () => {
    expect(scan(sources, HTML_WRITE_PATTERNS)).toEqual([]);
  });

  it('no eval( or new Function(', () => {
    expect(scan(sources, EVAL_PATTERNS)).toEqual([]);
  });

  it('no secret in the sources either', () => {
    expect(scan(sources, SECRET_PATTERNS)).toEqual([]);
  });
});

interface AuditReport {
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { code?: string; summary?: string };
}

function npmAudit(): Promise<{ report: AuditReport | null; offline: string | null }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['audit', '--omit=dev', '--json'],
      { cwd: root, timeout: 60_000, maxBuffer: 20 * 1024 * 1024, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
      (error, stdout) => {
        let report: AuditReport | null = null;
        try {
          report = JSON.parse(stdout) as AuditReport;
        } catch {
          report = null;
        }
        const code = report?.error?.code ?? '';
        const reachable = report !== null && report.metadata?.vulnerabilities !== undefined;
        if (!reachable) {
          const why = report?.message || code || (error ? String(error.message).split('\n')[0] : 'no audit report');
          resolve({ report, offline: why ?? 'unknown' });
          return;
        }
        resolve({ report, offline: null });
      },
    );
  });
}

describe('production dependencies', () => {
  it('npm audit --omit=dev reports 0 vulnerabilities (skipped when the registry is unreachable)', async (ctx) => {
    const { report, offline } = await npmAudit();
    if (offline !== null) {
      console.warn(`securityScan: npm audit SKIPPED, the registry is not reachable (${offline}).`);
      ctx.skip();
      return;
    }
    const counts = report?.metadata?.vulnerabilities ?? {};
    const total = Object.entries(counts)
      .filter(([severity]) => severity !== 'total')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(counts, JSON.stringify(counts)).toBeDefined();
    expect(total).toBe(0);
  }, 90_000);
});
