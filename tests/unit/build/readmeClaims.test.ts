/**
 * README claims that name numbers and lists must match what the tests use (issue 15): the XSS corpus size,
 * the fault matrix's locations and faults, and the CSP's script host and image rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../../scripts/csp.mjs';
import { projectRoot } from '../../../scripts/builds.mjs';
import { FAULTS, PLACES } from '../../e2e/faultCases';
import { XSS_PAYLOADS } from '../../fixtures/xss';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const reliability = readme.slice(readme.indexOf('## Reliability and security'));
const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];

describe('README claims match the tests', () => {
  it('states the size of the XSS corpus the hostile tests use', () => {
    expect(reliability).toContain(`A corpus of ${XSS_PAYLOADS.length} XSS payloads`);
  });

  it('names every location and counts the faults of the fault matrix', () => {
    const bullet = reliability.slice(reliability.indexOf('**Faults give a plain reason'), reliability.indexOf('**Rate limits.**')).replace(/\s+/g, ' ');
    expect(bullet).toContain(`${words[PLACES.length]} locations (${PLACES.map((p) => p.label).slice(0, -1).join(', ')}, ${PLACES.at(-1)!.label})`);
    expect(bullet).toContain(`${words[FAULTS.length]} faults`);
    expect(bullet).toContain(`${PLACES.length * FAULTS.length} cells`);
  });

  it('says what the CSP allows for scripts and images as the build writes it', () => {
    const csp = contentSecurityPolicy(JSON.parse(readFileSync(join(projectRoot, 'plugin-manifest.json'), 'utf8')));
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toContain('https://js.zohostatic.com');
    expect(reliability).toContain('`js.zohostatic.com` as a whole');
    expect(directive('img-src').split(/\s+/)).toContain('https:');
    expect(reliability.replace(/\s+/g, ' ')).toContain('`img-src` allows any `https:` image');
  });
});
