import { beforeEach, describe, expect, it } from 'vitest';
import { describeViolation, originOnly, watchCspViolations } from '../../../src/host/cspWatch';
import { observed, recordCspViolation, resetObservations } from '../../../src/host/observations';
import { connectDeskHost } from '../../../src/host/deskHost';
import { createDeskSimulation } from '../../../src/sandbox/desk/simulation';
import { createFakeZohoDesk } from '../../../src/sandbox/desk/fakeZohoDesk';

beforeEach(() => resetObservations());

describe('CSP violations', () => {
  it('keeps only origins and keywords, never paths or queries', () => {
    expect(originOnly('https://static.zohocdn.com/desk/x.css?portal=acme')).toBe('https://static.zohocdn.com');
    expect(originOnly('inline')).toBe('inline');
    expect(originOnly('data:image/png;base64,AAAA')).toBe('data');
    expect(describeViolation({ effectiveDirective: 'style-src-attr', blockedURI: 'inline', sourceFile: 'https://js.zohostatic.com/sdk.js?v=1' })).toEqual({
      directive: 'style-src-attr',
      blocked: 'inline',
      source: 'https://js.zohostatic.com',
      disposition: 'enforce',
    });
  });

  it('every securitypolicyviolation event on the page is recorded, repeats counted', () => {
    const page = new EventTarget();
    watchCspViolations(page);
    watchCspViolations(page);
    const fire = (blockedURI: string) => {
      const event = Object.assign(new Event('securitypolicyviolation'), { effectiveDirective: 'connect-src', blockedURI, sourceFile: '' });
      page.dispatchEvent(event);
    };
    fire('https://example.zohoapis.com/x');
    fire('https://example.zohoapis.com/y');
    fire('https://other.example/');
    expect(observed().csp.map((v) => [v.directive, v.blocked, v.count])).toEqual([
      ['connect-src', 'https://example.zohoapis.com', 2],
      ['connect-src', 'https://other.example', 1],
    ]);
  });

  it('a flood is capped at 50 distinct entries', () => {
    for (let i = 0; i < 80; i += 1) recordCspViolation({ directive: 'img-src', blocked: `https://h${i}.example`, source: '', disposition: 'enforce' });
    expect(observed().csp).toHaveLength(50);
  });
});

describe('the adapter records what it saw at start and every event', () => {
  it('App shape (types only), data center and its source, registrations and arrivals', async () => {
    const sim = createDeskSimulation({ app: { dcType: 'EU' } });
    const host = await connectDeskHost(createFakeZohoDesk(sim));
    const off = host.on('ticketChanged', () => undefined);
    sim.emit('ticket_Shift', { ticket_shifted: true });
    sim.emit('ticket_Shift', { ticket_shifted: true });
    const o = observed();
    expect(o.start).toMatchObject({ dataCenter: 'EU', dataCenterSource: 'dcType', dcType: 'EU', locale: 'en', appearanceSetting: 'light' });
    expect(o.start?.app.meta).toMatchObject({ dcType: 'string', userPreferences: 'object', deskDomainUrls: 'object' });
    expect(JSON.stringify(o.start?.app)).not.toContain('desk.zoho.eu');
    expect(o.registered).toEqual(expect.arrayContaining(['user_preference.changed', 'ticket_Shift']));
    expect(o.events).toEqual({ ticket_Shift: 2 });
    off();
  });
});
