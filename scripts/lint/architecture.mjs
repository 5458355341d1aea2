/**
 * The two ESLint rules that keep the design of DESIGN.md / README "Architecture" true:
 *  - `architecture/layers`: imports point one way, entries → panel/settings → integration → billing → host,
 *    with ui and i18n as leaves, src/sandbox reachable only from itself (tests, scripts and the simulator
 *    import it from outside src), and the folders of src/integration in the order their README.md gives.
 *  - `architecture/no-cycle`: no import cycle among the imports that survive the build, dynamic ones included
 *    (a lazy chunk that imports its importer is one chunk). Type-only imports and re-exports are erased by the
 *    build and are not counted (as in eslint-plugin-import-x's no-cycle): src/billing's types.ts re-exports the
 *    call table's BillingApi type, and the table types its entries with the model of types.ts.
 * Local rules rather than a plugin: the layer table is ours, and resolution is the project's own (relative
 * specifiers to .ts/.tsx/.mjs/.js files).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, '../../src');

/** Each importer's layer and the layers it may import (its own always included). */
const INTEGRATION = ['integration', 'integration/records', 'integration/writes', 'integration/portal', 'integration/cache', 'integration/actions'];
const MAY_IMPORT = {
  host: [],
  billing: ['host'],
  'integration/records': ['billing', 'host'],
  'integration/writes': ['billing', 'host'],
  'integration/portal': ['billing', 'host'],
  'integration/cache': ['integration/portal', 'billing', 'host'],
  'integration/actions': ['integration/records', 'integration/writes', 'billing', 'host'],
  integration: ['integration/records', 'integration/writes', 'integration/portal', 'integration/cache', 'integration/actions', 'billing', 'host'],
  panel: [...INTEGRATION, 'billing', 'host', 'ui', 'i18n'],
  settings: [...INTEGRATION, 'billing', 'host', 'ui', 'i18n'],
  entries: ['panel', 'settings', ...INTEGRATION, 'billing', 'host', 'ui', 'i18n'],
  ui: ['i18n'],
  i18n: [],
  sandbox: null, // the simulator and fakes drive every layer
};

/** The layer of a file under src/, or null outside src (tests, scripts, translations, package.json). */
export function layerOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith('..') || rel === '') return null;
  const parts = rel.split(sep);
  if (parts.length === 1) return 'entries';
  if (parts[0] === 'integration') return parts.length > 2 ? `integration/${parts[1]}` : 'integration';
  return parts[0];
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];
const resolved = new Map();
/** A relative specifier to the project file it names, or null (packages, assets, JSON). */
export function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  if (resolved.has(base)) return resolved.get(base);
  let found = null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (/\.(tsx?|mjs|js)$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) {
      found = candidate;
      break;
    }
  }
  resolved.set(base, found);
  return found;
}

/** True for `import type …`, `import { type a, type b }`, `export type … from`: erased by the build. */
function typeOnly(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  }
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const named = node.exportClause;
    return named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  }
  return false;
}

/** The imports, re-exports and dynamic imports of a file that remain after the build (not type-only). */
const edges = new Map();
function importsOf(file) {
  if (edges.has(file)) return edges.get(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!typeOnly(node)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const out = specifiers.map((spec) => resolveImport(file, spec)).filter((f) => f !== null);
  edges.set(file, out);
  return out;
}

/** The same test on ESLint's AST (typescript-eslint marks importKind / exportKind). */
function typeOnlyNode(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  if (node.type === 'ImportDeclaration') {
    return specifiers.length > 0 && specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
  }
  if (node.type === 'ExportNamedDeclaration') return specifiers.length > 0 && specifiers.every((s) => s.exportKind === 'type');
  return false;
}

/** A path target → … → goal, or null. */
function pathBetween(target, goal) {
  const seen = new Set([target]);
  const stack = [[target, [target]]];
  while (stack.length > 0) {
    const [file, path] = stack.pop();
    for (const next of importsOf(file)) {
      if (next === goal) return path;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, [...path, next]]);
      }
    }
  }
  return null;
}

/** Calls back with (node, specifier) for every import-like node of the file. */
function onImports(report) {
  const check = (node) => {
    if (node.source && node.source.type === 'Literal' && typeof node.source.value === 'string') report(node, node.source.value);
  };
  return {
    ImportDeclaration: check,
    ExportNamedDeclaration: check,
    ExportAllDeclaration: check,
    ImportExpression: check,
  };
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer order of README "Architecture" and src/integration/README.md.' },
    schema: [],
    messages: {
      against: '{{from}} may not import {{to}} ({{spec}}): imports point entries → panel/settings → integration → billing → host; ui and i18n are leaves.',
      unknown: 'src/{{layer}} is in no layer: add it to MAY_IMPORT in scripts/lint/architecture.mjs (and to its README table).',
      sandbox: '{{from}} may not import src/sandbox ({{spec}}): the sandbox is for tests, scripts and the simulator only.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from === null) return {};
    if (!(from in MAY_IMPORT)) {
      return { Program: (node) => context.report({ node, messageId: 'unknown', data: { layer: from } }) };
    }
    const allowed = MAY_IMPORT[from];
    if (allowed === null) return {};
    return onImports((node, spec) => {
      if (!spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      if (to === null || to === from) return;
      if (!(to in MAY_IMPORT)) return context.report({ node, messageId: 'unknown', data: { layer: to } });
      if (to === 'sandbox') context.report({ node, messageId: 'sandbox', data: { from, spec } });
      else if (!allowed.includes(to)) context.report({ node, messageId: 'against', data: { from, to, spec } });
    });
  },
};

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles among the imports the build keeps (dynamic ones included).' },
    schema: [],
    messages: { cycle: 'Import cycle: {{path}}' },
  },
  create(context) {
    const file = context.filename;
    const root = resolve(import.meta.dirname, '../..');
    // This file's own imports are read from the text being linted (its AST), never from the cache: a walk
    // that reaches this file has found the cycle and stops there.
    return onImports((node, spec) => {
      if (typeOnlyNode(node)) return;
      const target = resolveImport(file, spec);
      if (target === null) return;
      const path = target === file ? [] : pathBetween(target, file);
      if (path === null) return;
      const names = [file, ...path, file].map((f) => relative(root, f));
      context.report({ node, messageId: 'cycle', data: { path: names.join(' → ') } });
    });
  },
};

export default { meta: { name: 'architecture' }, rules: { layers, 'no-cycle': noCycle } };
