#!/usr/bin/env node
/**
 * Derives the Billing contract the tests read (tests/contract/zoho-billing-openapi.json) from Zoho's own OpenAPI
 * files in ../shared/zoho-billing-openapi/*.yml. The project builds and tests without ../shared (a user's clone
 * has none), so the derived file is committed; tests/unit/contract/derived.test.ts checks it is still what this
 * script derives whenever ../shared is present.
 *
 * It also writes src/sandbox/billing/documentedBodies.json: the property names of the invoice and quote bodies, which
 * the sandbox refuses anything outside of at run time (requestShapes.ts).
 *
 * Kept per operation ("METHOD /path"): the file and summary it comes from, its OAuth scopes, its path and query
 * parameters, its request body and its answers, as schemas with every $ref resolved: type, format, properties
 * (nested), items, required, and enum. Zoho's files have no `enum` keyword anywhere: allowed values are written in
 * descriptions ("Allowed values are Status.(<code>All</code>, …)"), so enums are read from those sentences and
 * marked `enumFrom: "description"`. A few operations name query parameters only in their own description
 * ("append a param as <code>customer_id={customer_id}</code>", "The allowed values for <code>filter_by</code> are
 * …"); those are kept with `from: "operation description"`. Descriptions and examples are not kept.
 *
 *   npm run derive-openapi            write the file
 *   npm run derive-openapi -- --check exit 1 when the committed file differs from what would be written
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC_DIR = resolve(root, '../shared/zoho-billing-openapi');
export const CONTRACT_FILE = join(root, 'tests/contract/zoho-billing-openapi.json');
/** What the sandbox refuses at run time (src/sandbox/billing/requestShapes.ts): the document bodies' property names. */
export const SANDBOX_FILE = join(root, 'src/sandbox/billing/documentedBodies.json');
const SANDBOX_BODIES = ['POST /invoices', 'POST /estimates'];

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

// ---------------------------------------------------------------------------------------------
// Allowed values, from the words Zoho wrote them in

const ENUM_PHRASE = /allowed values|possible values(?: for (\w+))?|can either be|can be either|could be either|values can be|value can either be|the values are/i;
const CODE = /<code>\s*([^<]*?)\s*<\/code>/g;

/** The values a description allows, or null when it names none. `Prefix.(<code>A</code>, …)` gives `Prefix.A`. */
export function enumFromDescription(description) {
  if (typeof description !== 'string') return null;
  const phrase = ENUM_PHRASE.exec(description);
  if (!phrase) return null;
  const rest = description.slice(phrase.index + phrase[0].length);
  const values = [];
  const add = (value) => {
    if (value !== '' && !values.includes(value)) values.push(value);
  };
  // "Status.(<code>All</code>, <code>Sent</code>)": every value carries the prefix.
  const grouped = /([A-Za-z]+)\.\(([^)]*)\)/.exec(rest);
  if (grouped) {
    for (const m of grouped[2].matchAll(CODE)) add(`${grouped[1]}.${m[1]}`);
  }
  // "The possible values for SubscriptionStatus are <code>All</code>…": the word names the prefix.
  const prefix = phrase[1] && /^[A-Z]/.test(phrase[1]) ? phrase[1] : null;
  if (!grouped) {
    for (const m of rest.matchAll(CODE)) add(prefix && !m[1].includes('.') ? `${prefix}.${m[1]}` : m[1]);
  }
  return values.length > 0 ? values : null;
}

/** Query parameters an operation names only in its own description. */
function queryFromOperationDescription(description) {
  const found = {};
  if (typeof description !== 'string') return found;
  for (const m of description.matchAll(/<code>(\w+)=\{\w+\}<\/code>/g)) found[m[1]] = { type: 'string', from: 'operation description' };
  const allowed = /allowed values for <code>(\w+)<\/code> are (.*)$/i.exec(description);
  if (allowed) {
    const values = enumFromDescription(`allowed values ${allowed[2]}`);
    found[allowed[1]] = { type: 'string', ...(values ? { enum: values, enumFrom: 'description' } : {}), from: 'operation description' };
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Schemas with their $refs resolved

function lookup(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are expected, got ${ref}`);
  let node = doc;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

function simplify(doc, node, stack = []) {
  if (node === null || typeof node !== 'object') return {};
  if (node.$ref) {
    if (stack.includes(node.$ref)) return { $cycle: node.$ref };
    return simplify(doc, lookup(doc, node.$ref), [...stack, node.$ref]);
  }
  const out = {};
  const type = node.type ?? (node.properties ? 'object' : node.items ? 'array' : undefined);
  if (type) out.type = type;
  if (node.format) out.format = node.format;
  const values = Array.isArray(node.enum) ? node.enum.map(String) : enumFromDescription(node.description);
  if (values && (type === undefined || type === 'string' || type === 'boolean')) {
    out.enum = values;
    if (!Array.isArray(node.enum)) out.enumFrom = 'description';
  }
  if (node.properties) {
    out.properties = {};
    for (const key of Object.keys(node.properties).sort()) out.properties[key] = simplify(doc, node.properties[key], stack);
  }
  if (Array.isArray(node.required) && node.required.length > 0) out.required = [...node.required].sort();
  if (node.items) out.items = simplify(doc, node.items, stack);
  for (const combiner of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(node[combiner])) out[combiner] = node[combiner].map((n) => simplify(doc, n, stack));
  }
  return out;
}

function jsonSchemaOf(doc, content) {
  const schema = content?.['application/json']?.schema;
  return schema ? simplify(doc, schema) : null;
}

// ---------------------------------------------------------------------------------------------

function parameterOf(doc, p) {
  return p?.$ref ? lookup(doc, p.$ref) : p;
}

function deriveFile(name, text) {
  const doc = parse(text);
  const operations = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = (item.parameters ?? []).map((p) => parameterOf(doc, p));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = [...shared, ...(op.parameters ?? []).map((p) => parameterOf(doc, p))];
      const query = queryFromOperationDescription(op.description);
      const pathParams = {};
      const headers = [];
      for (const p of params) {
        const schema = simplify(doc, p.schema ?? {});
        const values = enumFromDescription(p.description);
        if (values && !schema.enum) Object.assign(schema, { enum: values, enumFrom: 'description' });
        if (p.required === true) schema.required = true;
        if (p.in === 'query') query[p.name] = schema;
        else if (p.in === 'path') pathParams[p.name] = schema;
        else if (p.in === 'header') headers.push(p.name);
      }
      const answers = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        answers[status] = jsonSchemaOf(doc, response?.content);
      }
      const scopes = (op.security ?? []).flatMap((s) => Object.values(s).flat()).sort();
      operations[`${method.toUpperCase()} ${path}`] = {
        file: name,
        summary: op.summary ?? '',
        scopes,
        headers: [...new Set(headers)].sort(),
        path: sortKeys(pathParams),
        query: sortKeys(query),
        body: jsonSchemaOf(doc, op.requestBody?.content),
        answers,
      };
    }
  }
  return operations;
}

function sortKeys(object) {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}

export function derive(dir = SPEC_DIR) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort();
  const operations = {};
  const sha256 = {};
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    sha256[file] = createHash('sha256').update(text).digest('hex');
    for (const [key, op] of Object.entries(deriveFile(file, text))) {
      if (operations[key]) throw new Error(`${key} is described twice (${operations[key].file}, ${file})`);
      operations[key] = op;
    }
  }
  return {
    $comment:
      'Derived by scripts/derive-openapi.mjs (npm run derive-openapi); do not edit. The Billing API as Zoho describes it, for the contract tests.',
    source: {
      what: "Zoho's own OpenAPI 3.0 files for the Zoho Billing REST API, one per module, as Zoho publishes them (https://www.zoho.com/billing/api/v1/openapi-all.zip)",
      copiedFrom: 'github.com/Letstream/zoho-billing-python-sdk, folder specs/, commit 0397faf',
      derivedFrom: '../shared/zoho-billing-openapi/*.yml',
      sha256,
      notes:
        'No organizations module is included (GET /organizations is not described here). Enums marked enumFrom "description" are read from Zoho\'s prose; query parameters marked from "operation description" are named only in the operation\'s description.',
    },
    operations: sortKeys(operations),
  };
}

export function render(contract) {
  return `${JSON.stringify(contract, null, 1)}\n`;
}

/** Only names: which properties a body and its nested objects may carry, and which they must. */
function namesOf(schema) {
  const out = {};
  if (Array.isArray(schema.required)) out.required = schema.required;
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, namesOf(v)]));
  if (schema.items) out.items = namesOf(schema.items);
  return out;
}

export function renderSandbox(contract) {
  const bodies = Object.fromEntries(SANDBOX_BODIES.map((key) => [key, namesOf(contract.operations[key].body)]));
  return `${JSON.stringify({ $comment: `${contract.$comment} The request bodies the sandbox checks at run time.`, source: contract.source.copiedFrom, bodies }, null, 1)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(SPEC_DIR)) {
    console.error(`derive-openapi: ${SPEC_DIR} is not here; the committed ${CONTRACT_FILE} stays as it is.`);
    process.exit(2);
  }
  const contract = derive();
  const text = render(contract);
  const sandboxText = renderSandbox(contract);
  if (process.argv.includes('--check')) {
    const same =
      existsSync(CONTRACT_FILE) && readFileSync(CONTRACT_FILE, 'utf8') === text && existsSync(SANDBOX_FILE) && readFileSync(SANDBOX_FILE, 'utf8') === sandboxText;
    console.log(same ? 'derive-openapi: the committed contract is what Zoho\'s files say' : 'derive-openapi: the committed contract is out of date; run npm run derive-openapi');
    process.exit(same ? 0 : 1);
  }
  mkdirSync(dirname(CONTRACT_FILE), { recursive: true });
  writeFileSync(CONTRACT_FILE, text);
  writeFileSync(SANDBOX_FILE, sandboxText);
  const count = Object.keys(JSON.parse(text).operations).length;
  console.log(`derive-openapi: ${count} operations written to ${CONTRACT_FILE} (${Math.round(text.length / 1024)} KB)`);
}
