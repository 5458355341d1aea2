/**
 * `npm run connection -- <file.json>` (issue 14, SPEC E3): the JSON of the connection created in
 * Zoho's developer console becomes the manifest's zohoAuthorisation, or a clear list of what is wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectionFromJson,
  ConnectionError,
  OPTIONAL_SCOPES,
  projectRoot,
  REQUIRED_SCOPES,
  runConnection,
  writeIntoManifest,
} from '../../../scripts/connection.mjs';
import { CONNECTION_LINK_NAME } from '../../../src/host/connection';

const real = {
  connectionLinkName: 'billing_for_desk',
  connectionName: 'Billing for Desk',
  serviceName: 'zlabs_integration',
  userAccess: true,
  isUserDefinedService: false,
  sharedBy: '665784067',
  scope: [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES],
};

function problems(text: string): string[] {
  try {
    connectionFromJson(text);
  } catch (e) {
    if (e instanceof ConnectionError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConnectionError');
}

describe('what Zoho shows, in each plausible wrapping', () => {
  it.each([
    ['the connection object', real],
    ['under zohoAuthorisation', { zohoAuthorisation: real }],
    ['as a one-item connectors list', { connectors: [real] }],
    ['a one-item array', [real]],
    ['scopes as one comma-separated string', { ...real, scope: real.scope.join(',') }],
  ])('%s', (_name, json) => {
    const { zohoAuthorisation } = connectionFromJson(JSON.stringify(json));
    expect(zohoAuthorisation).toEqual({ type: 'connectors', ...real });
  });

  it('optional scopes missing: accepted, with a warning naming them', () => {
    const { warnings } = connectionFromJson(JSON.stringify({ ...real, scope: [...REQUIRED_SCOPES] }));
    expect(warnings.join()).toContain('ZohoSubscriptions.hostedpages.CREATE');
  });
});

describe('bad input gets a clear message', () => {
  it('not JSON / no connection in it', () => {
    expect(problems('{"connectionLinkName": ')[0]).toMatch(/not valid JSON/);
    expect(problems('{"name": "x"}')[0]).toMatch(/no connection found/);
  });

  it('wrong service, placeholder owner, bad link name and missing scopes are all listed at once', () => {
    const list = problems(
      JSON.stringify({ ...real, serviceName: 'zohosubscriptions', sharedBy: '0', connectionLinkName: 'billing.desk', scope: ['Desk.basic.READ'] }),
    );
    expect(list).toHaveLength(4);
    expect(list.join('\n')).toMatch(/serviceName is "zohosubscriptions", must be "zlabs_integration"/);
    expect(list.join('\n')).toMatch(/sharedBy "0" must be the Zoho user id/);
    expect(list.join('\n')).toMatch(/connectionLinkName "billing.desk"/);
    expect(list.join('\n')).toMatch(/scopes missing: Desk.contacts.READ, .*ZohoSubscriptions.quotes.CREATE/);
  });
});

describe('writing the manifest', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('replaces only zohoAuthorisation and keeps the rest byte for byte', () => {
    const before = readFileSync(join(projectRoot, 'plugin-manifest.json'), 'utf8');
    const after = writeIntoManifest(before, { type: 'connectors', ...real });
    expect(JSON.parse(after).zohoAuthorisation).toEqual({ type: 'connectors', ...real });
    const cut = (text: string) => [text.slice(0, text.indexOf('"zohoAuthorisation"')), text.slice(text.indexOf('"connectors": []'))];
    expect(cut(after)).toEqual(cut(before));
  });

  it('npm run connection writes the file; a bad file changes nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'connection-'));
    const manifest = readFileSync(join(projectRoot, 'plugin-manifest.json'), 'utf8');
    writeFileSync(join(dir, 'plugin-manifest.json'), manifest);
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ zohoAuthorisation: real }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...real, sharedBy: '0' }));
    const log: string[] = [];
    expect(() => runConnection(join(dir, 'bad.json'), { root: dir, log: (l) => log.push(l) })).toThrow(ConnectionError);
    expect(readFileSync(join(dir, 'plugin-manifest.json'), 'utf8')).toBe(manifest);
    runConnection(join(dir, 'good.json'), { root: dir, log: (l) => log.push(l) });
    expect(JSON.parse(readFileSync(join(dir, 'plugin-manifest.json'), 'utf8')).zohoAuthorisation.sharedBy).toBe('665784067');
    expect(log.join('\n')).toMatch(/link name changed .* run `npm run build`/);
    expect(() => runConnection(undefined, { root: dir })).toThrow(/usage: npm run connection/);
  });
});

describe('the code reads the link name from the manifest only', () => {
  it('CONNECTION_LINK_NAME is the manifest\'s, and the committed manifest asks for every scope the script requires', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'plugin-manifest.json'), 'utf8'));
    expect(CONNECTION_LINK_NAME).toBe(manifest.zohoAuthorisation.connectionLinkName);
    expect(manifest.zohoAuthorisation.scope).toEqual(expect.arrayContaining([...REQUIRED_SCOPES, ...OPTIONAL_SCOPES]));
  });
});

describe('npm run pack warns while the placeholder connection is in the manifest', () => {
  it('warns for sharedBy "0", not for a real owner', async () => {
    const { connectionWarning } = await import('../../../scripts/pack.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'pack-warn-'));
    try {
      const manifest = JSON.parse(readFileSync(join(projectRoot, 'plugin-manifest.json'), 'utf8'));
      writeFileSync(join(dir, 'plugin-manifest.json'), JSON.stringify({ ...manifest, zohoAuthorisation: { ...manifest.zohoAuthorisation, sharedBy: '0' } }));
      expect(connectionWarning(dir)).toMatch(/placeholder connection.*npm run connection/);
      writeFileSync(join(dir, 'plugin-manifest.json'), JSON.stringify({ ...manifest, zohoAuthorisation: { ...manifest.zohoAuthorisation, sharedBy: '665784067' } }));
      expect(connectionWarning(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
