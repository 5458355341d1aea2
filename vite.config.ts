import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyCsp } from './scripts/csp.mjs';

const root = import.meta.dirname;

/** Desk loads `app/translations/<locale>.json`; translations/ is the source of truth. */
function copyTranslations(outDir: string): Plugin {
  return {
    name: 'copy-translations',
    apply: 'build',
    closeBundle() {
      mkdirSync(resolve(outDir, 'translations'), { recursive: true });
      cpSync(resolve(root, 'translations'), resolve(outDir, 'translations'), { recursive: true });
    },
  };
}

/** Each widget page's meta CSP, from plugin-manifest.json (scripts/csp.mjs explains every source). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    transformIndexHtml(html) {
      return applyCsp(html, JSON.parse(readFileSync(resolve(root, 'plugin-manifest.json'), 'utf8')));
    },
  };
}

// Two builds share this file:
//  - default: the extension itself (panel + settings) into app/, what Desk serves and zet packs;
//  - `--mode simulator`: the local Desk simulator shell into sim-dist/ (never shipped).
export default defineConfig(({ mode }) => {
  const simulator = mode === 'simulator';
  const outDir = resolve(root, simulator ? 'sim-dist' : 'app');
  const input: Record<string, string> = simulator
    ? { simulator: resolve(root, 'pages/simulator.html') }
    : { panel: resolve(root, 'pages/panel.html'), settings: resolve(root, 'pages/settings.html') };
  return {
    root: resolve(root, 'pages'),
    base: './',
    publicDir: simulator ? false : resolve(root, 'static'),
    plugins: [react(), ...(simulator ? [] : [copyTranslations(outDir), contentSecurityPolicy()])],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      rollupOptions: { input },
    },
  };
});
