#!/usr/bin/env node
// `npm run connection -- <file.json>`: takes the JSON Zoho shows for the connection created in the
// developer console (Sigma → Connections → the connection → "JSON"), checks it is the connection this
// extension needs, and writes it into plugin-manifest.json `zohoAuthorisation`. The placeholders kept
// in the repository (sharedBy "0") cannot authorise anything on a real portal (desk-sdk.md §11).
//
// The code reads the link name from the manifest (src/host/connection.ts), so a different link name
// here is picked up by the next build; nothing else needs editing. See README "Going live".
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** zet 1.0.24 accepts only the Zoho OAuth default service under zohoAuthorisation (desk-sdk.md §4.2). */
export const SERVICE_NAME = 'zlabs_integration';

/**
 * The scopes come from the call table (src/billing/callTable.ts, each call's scope) and src/billing/scopes.ts
 * (why each, which are optional): scopes.json is generated from them and checked against them by
 * tests/unit/billing/callTable.test.ts, so this script needs no TypeScript. README "Permissions" says why each.
 */
const scopeList = JSON.parse(readFileSync(new URL('./scopes.json', import.meta.url), 'utf8'));

/** Without these the panel or the settings page cannot work at all. */
export const REQUIRED_SCOPES = Object.freeze([...scopeList.required]);

/** Each lights up one feature, and the code falls back without it (payment link → invoice page; one catalog list). */
export const OPTIONAL_SCOPES = Object.freeze([...scopeList.optional]);

/** Sigma link names: letters, digits and underscores (the name Desk's request() is called with). */
const LINK_NAME = /^[A-Za-z0-9_]{1,100}$/;
/** zet's rule for connection names (lib/rules/DESK.PluginManifestRule.js). */
const CONNECTION_NAME = /^[a-zA-Z][a-zA-Z0-9-_ ]*$/;

export class ConnectionError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`The connection JSON cannot be used:\n - ${problems.join('\n - ')}`);
    this.name = 'ConnectionError';
    this.problems = problems;
  }
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The connection object inside what was pasted: the object itself, `{zohoAuthorisation: {…}}`, a
 * whole manifest, `{connectors: [one]}`, `{connection: {…}}` or a one-item list.
 */
export function findConnection(json) {
  if (Array.isArray(json)) return json.length === 1 ? findConnection(json[0]) : null;
  if (!isRecord(json)) return null;
  if ('connectionLinkName' in json || 'connection_link_name' in json) return json;
  for (const key of ['zohoAuthorisation', 'connection', 'connectors', 'data']) {
    if (json[key] !== undefined) {
      const found = findConnection(json[key]);
      if (found) return found;
    }
  }
  return null;
}

function scopesOf(value) {
  if (Array.isArray(value)) return value.filter((s) => typeof s === 'string').map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

function bool(value, fallback) {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

/**
 * Checks the pasted JSON and returns `{ zohoAuthorisation, warnings }`; throws ConnectionError listing
 * every problem at once (an admin fixes them in one go, not one per run).
 */
export function connectionFromJson(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConnectionError([`not valid JSON (${error instanceof Error ? error.message : String(error)}): copy the whole text of the connection's "JSON" tab`]);
  }
  const c = findConnection(json);
  if (!c) throw new ConnectionError(['no connection found: the JSON has no "connectionLinkName" (copy the "JSON" tab of the connection, not its summary page)']);

  const problems = [];
  const warnings = [];
  const linkName = String(c.connectionLinkName ?? c.connection_link_name ?? '').trim();
  const name = String(c.connectionName ?? c.connection_name ?? linkName).trim();
  const service = String(c.serviceName ?? c.service_name ?? '').trim();
  const sharedBy = String(c.sharedBy ?? c.shared_by ?? '').trim();
  const scopes = scopesOf(c.scope ?? c.scopes);

  if (!LINK_NAME.test(linkName)) problems.push(`connectionLinkName "${linkName}" must be letters, digits or _ (it is the name the code calls the connection by)`);
  if (!CONNECTION_NAME.test(name)) problems.push(`connectionName "${name}" must start with a letter and hold only letters, digits, space, - or _ (zet validate rule)`);
  if (service !== SERVICE_NAME) {
    problems.push(
      `serviceName is "${service || '(missing)'}", must be "${SERVICE_NAME}": create the connection from the default service "Zoho OAuth" (zet validate rejects any other service under zohoAuthorisation)`,
    );
  }
  if (!/^\d+$/.test(sharedBy) || /^0+$/.test(sharedBy)) problems.push(`sharedBy "${sharedBy || '(missing)'}" must be the Zoho user id of the connection's owner (digits), as the JSON tab shows it`);
  const missing = REQUIRED_SCOPES.filter((s) => !scopes.some((have) => have.toLowerCase() === s.toLowerCase()));
  if (missing.length > 0) problems.push(`scopes missing: ${missing.join(', ')} (edit the connection in Zoho, add them, and copy its JSON again)`);
  const optionalMissing = OPTIONAL_SCOPES.filter((s) => !scopes.some((have) => have.toLowerCase() === s.toLowerCase()));
  if (optionalMissing.length > 0) warnings.push(`optional scopes missing: ${optionalMissing.join(', ')} (the panel falls back: see README "Permissions")`);
  if (c.userAccess !== undefined && typeof bool(c.userAccess, null) !== 'boolean') problems.push('userAccess must be true or false');
  if (problems.length > 0) throw new ConnectionError(problems);

  return {
    zohoAuthorisation: {
      type: 'connectors',
      connectionLinkName: linkName,
      connectionName: name,
      serviceName: SERVICE_NAME,
      // "Use credentials of login user": each agent authorises for themselves (desk-sdk.md §4.3).
      userAccess: bool(c.userAccess, true),
      isUserDefinedService: bool(c.isUserDefinedService, false),
      sharedBy,
      scope: scopes,
    },
    warnings,
  };
}

/** The `"zohoAuthorisation": {…}` block as the manifest writes it (one scope a line). */
function block(auth, indent = '  ') {
  const lines = Object.entries(auth).map(([key, value]) => {
    if (Array.isArray(value)) {
      return `${indent}${indent}${JSON.stringify(key)}: [\n${value.map((v) => `${indent}${indent}${indent}${JSON.stringify(v)}`).join(',\n')}\n${indent}${indent}]`;
    }
    return `${indent}${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `"zohoAuthorisation": {\n${lines.join(',\n')}\n${indent}}`;
}

/** The manifest text with only its zohoAuthorisation replaced (the rest keeps its hand formatting). */
export function writeIntoManifest(manifestText, auth) {
  const manifest = JSON.parse(manifestText);
  const start = manifestText.indexOf('"zohoAuthorisation"');
  let next;
  if (start < 0) {
    next = JSON.stringify({ ...manifest, zohoAuthorisation: auth }, null, 2) + '\n';
  } else {
    const open = manifestText.indexOf('{', start);
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let i = open; i < manifestText.length; i += 1) {
      const ch = manifestText[i];
      if (inString) {
        if (ch === '\\') i += 1;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth += 1;
      else if (ch === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    next = end < 0 ? JSON.stringify({ ...manifest, zohoAuthorisation: auth }, null, 2) + '\n' : manifestText.slice(0, start) + block(auth) + manifestText.slice(end + 1);
  }
  // Whatever happened above, the result must be the same manifest with the new connection.
  const check = JSON.parse(next);
  if (JSON.stringify(check.zohoAuthorisation) !== JSON.stringify(auth) || JSON.stringify({ ...check, zohoAuthorisation: null }) !== JSON.stringify({ ...manifest, zohoAuthorisation: null })) {
    throw new Error('writing the manifest went wrong; plugin-manifest.json was not changed');
  }
  return next;
}

export function runConnection(file, { root = projectRoot, log = console.log } = {}) {
  if (!file) throw new ConnectionError(['usage: npm run connection -- <file.json> (the JSON of the connection, saved to a file)']);
  let text;
  try {
    text = readFileSync(resolve(process.cwd(), file), 'utf8');
  } catch (error) {
    throw new ConnectionError([`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const { zohoAuthorisation, warnings } = connectionFromJson(text);
  const manifestPath = resolve(root, 'plugin-manifest.json');
  const before = readFileSync(manifestPath, 'utf8');
  const previous = JSON.parse(before).zohoAuthorisation?.connectionLinkName;
  writeFileSync(manifestPath, writeIntoManifest(before, zohoAuthorisation));
  for (const warning of warnings) log(`warning: ${warning}`);
  log(`plugin-manifest.json: zohoAuthorisation is now "${zohoAuthorisation.connectionLinkName}" (owner ${zohoAuthorisation.sharedBy}, ${zohoAuthorisation.scope.length} scopes).`);
  if (previous && previous !== zohoAuthorisation.connectionLinkName) {
    log(`The link name changed from "${previous}": run \`npm run build\` so the widgets call the new one.`);
  }
  return zohoAuthorisation;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    runConnection(process.argv[2]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
