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

describe('the shape of a blob answer (never seen in public code) is recorded', () => {
  const pdf = () => new Blob(['%PDF-1.4 x'], { type: 'application/pdf' });
  it.each([
    ['a bare Blob', () => pdf(), 'Blob(application/pdf)', true],
    ['axios-style {data: Blob, status}', () => ({ data: pdf(), status: 200 }), 'object {data, status}, data: Blob(application/pdf)', true],
    ['an ArrayBuffer', () => new TextEncoder().encode('%PDF-1.4').buffer, 'ArrayBuffer', true],
    ['a JSON envelope holding an error body', () => JSON.stringify({ statusCode: 404, response: JSON.stringify({ code: 1002, message: 'x' }) }), 'JSON string of object', false],
    ['a Blob of JSON', () => new Blob(['{"code":1}'], { type: 'application/json' }), 'Blob(application/json)', false],
  ])('%s', async (_name, make, shape, usable) => {
    const { parseRequestAnswer } = await import('../../../src/host/parse');
    const { describeBinaryAnswer } = await import('../../../src/host/binaryShape');
    const raw = make();
    expect(describeBinaryAnswer(raw, parseRequestAnswer(raw))).toMatchObject({ shape, usable });
  });

  it('through the adapter: the simulated portal answers a Blob, and the record says so', async () => {
    const transport = async () => new Response(new Blob(['%PDF-1.4 sim'], { type: 'application/pdf' }), { status: 200, headers: { 'content-type': 'application/pdf' } });
    const host = await connectDeskHost(createFakeZohoDesk(createDeskSimulation({ transport })));
    await host.request({ method: 'GET', url: 'https://www.zohoapis.com/billing/v1/invoices/1', query: { accept: 'pdf' }, responseType: 'blob' });
    expect(observed().binary).toMatchObject({ shape: 'Blob(application/pdf)', mimeType: 'application/pdf', bytes: 12, usable: true });
  });
});
