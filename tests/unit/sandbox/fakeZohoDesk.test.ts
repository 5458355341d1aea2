import { describe, expect, it } from 'vitest';
import { createDeskSimulation, type DeskSimulationOptions } from '../../../src/sandbox/desk/simulation';
import { createFakeZohoDesk, disposeFakeZohoDesk, SIM_RESUME_URL } from '../../../src/sandbox/desk/fakeZohoDesk';
import type { SdkRequestOptions } from '../../../src/host/sdkTypes';

function fake(options: DeskSimulationOptions = {}) {
  const sim = createDeskSimulation(options);
  return { sim, zd: createFakeZohoDesk(sim) };
}

const echo = async (request: Request): Promise<Response> => {
  const url = new URL(request.url);
  if (url.pathname.endsWith('/list')) return Response.json([{ id: 1 }, { id: 2 }]);
  if (url.pathname.endsWith('/html')) return new Response('<html>oops</html>', { status: 502 });
  return Response.json(
    {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: request.headers.get('authorization'),
      org: request.headers.get('orgId'),
      body: request.method === 'GET' ? null : await request.json(),
    },
    { status: url.pathname.endsWith('/missing') ? 404 : 200, headers: { 'Retry-After': '7' } },
  );
};

const get = (url: string, extra: Partial<SdkRequestOptions> = {}): SdkRequestOptions => ({
  url,
  type: 'GET',
  headers: { orgId: '1' },
  postBody: {},
  connectionLinkName: 'zohobillingfordesk',
  ...extra,
});

describe('fake ZOHODESK: onload and get', () => {
  it('resolves the App object from the simulation', async () => {
    const { zd } = fake({ app: { location: 'desk.account.detail.rightpanel', locale: 'ja', dcType: 'JP', appearance: 'pureDark' } });
    const app = (await zd.extension.onload()) as Record<string, unknown>;
    expect(app).toMatchObject({
      location: 'desk.account.detail.rightpanel',
      locale: 'ja',
      meta: { dcType: 'JP', userPreferences: { appearance: 'pureDark' } },
    });
    expect(typeof (app.instance as { on: unknown }).on).toBe('function');
  });

  it('answers objects nested under their name and dotted keys flat, as strings', async () => {
    const { zd } = fake({ page: { ticket: { id: '1', number: 104233, isSpam: false } } });
    await expect(zd.get('ticket')).resolves.toEqual({ status: 'success', ticket: { id: '1', number: 104233, isSpam: false } });
    await expect(zd.get('ticket.number')).resolves.toEqual({ status: 'success', 'ticket.number': '104233' });
    await expect(zd.get('ticket.isSpam')).resolves.toEqual({ status: 'success', 'ticket.isSpam': 'false' });
    await expect(zd.get('portal.id')).resolves.toEqual({ status: 'success', 'portal.id': '700000001' });
    await expect(zd.get('user')).resolves.toMatchObject({ user: { id: '4000000000001', fullName: 'Aiko Tanaka' } });
  });

  it('rejects off-context keys with {errMsg}', async () => {
    const { zd } = fake();
    await expect(zd.get('ticket')).rejects.toHaveProperty('errMsg');
    await expect(zd.get('contact.email')).rejects.toHaveProperty('errMsg');
  });
});

describe('fake ZOHODESK: storage rules', () => {
  it('set/get/delete in the documented shapes', async () => {
    const { zd } = fake();
    await expect(zd.set('database', { key: 'k1', queriableValue: 'cache', value: { a: 1 } })).resolves.toEqual({
      'database.set': { key: 'k1', queriableValue: 'cache', value: { a: 1 } },
    });
    await expect(zd.get('database', { key: 'k1' })).resolves.toEqual({
      'database.get': { data: [{ key: 'k1', queriableValue: 'cache', value: { a: 1 } }] },
    });
    await expect(zd.delete('database', { key: 'k1' })).resolves.toEqual({ 'database.delete': { delete: 'success' } });
    await expect(zd.get('database', { key: 'k1' })).resolves.toEqual({ 'database.get': { data: [] } });
  });

  it('refuses bad keys, big values, non-objects and more than 10 items with Invalid Payload', async () => {
    const { zd, sim } = fake();
    const invalid = { errMsg: 'Invalid Payload' };
    await expect(zd.set('database', { key: 'a@b.c', queriableValue: 'cache', value: {} })).rejects.toEqual(invalid);
    await expect(zd.set('database', { key: 'k'.repeat(51), queriableValue: 'cache', value: {} })).rejects.toEqual(invalid);
    await expect(zd.set('database', { key: 'k', queriableValue: 'a b', value: {} })).rejects.toEqual(invalid);
    await expect(zd.set('database', { key: 'k', queriableValue: 'cache', value: 'text' })).rejects.toEqual(invalid);
    await expect(zd.set('database', { key: 'k', queriableValue: 'cache', value: { x: 'x'.repeat(5100) } })).rejects.toEqual(invalid);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, queriableValue: 'cache', value: {} }));
    await expect(zd.set('database', eleven)).rejects.toEqual(invalid);
    await expect(zd.get('database', { key: 'a.b' })).rejects.toEqual(invalid);
    expect(sim.storage.size).toBe(0);
    await expect(zd.set('database', eleven.slice(0, 10))).resolves.toHaveProperty('database.set');
    expect(sim.storage.size).toBe(10);
  });

  it('pages reads by 20 and deletes by queriableValue', async () => {
    const { zd, sim } = fake();
    for (let i = 0; i < 25; i += 1) sim.storage.set(`k${i}`, { key: `k${i}`, queriableValue: 'link', value: { i } });
    const first = (await zd.get('database', { queriableValue: 'link' })) as { 'database.get': { data: unknown[] } };
    expect(first['database.get'].data).toHaveLength(20);
    const second = (await zd.get('database', { queriableValue: 'link', from: 20, limit: 20 })) as { 'database.get': { data: unknown[] } };
    expect(second['database.get'].data).toHaveLength(5);
    await zd.delete('database', { queriableValue: 'link' });
    expect(sim.storage.size).toBe(0);
  });

  it('storageFails makes reads, set and delete reject (storage is down)', async () => {
    const { zd, sim } = fake({ faults: { storageFails: true } });
    sim.storage.set('k', { key: 'k', queriableValue: 'cache', value: { a: 1 } });
    await expect(zd.get('database', { key: 'k' })).rejects.toHaveProperty('errMsg');
    await expect(zd.get('database', { queriableValue: 'cache' })).rejects.toHaveProperty('errMsg');
    await expect(zd.set('database', { key: 'k', queriableValue: 'cache', value: {} })).rejects.toHaveProperty('errMsg');
    await expect(zd.delete('database', { key: 'k' })).rejects.toHaveProperty('errMsg');
  });

  it('storageWritesFail rejects set and delete but still answers reads', async () => {
    const { zd, sim } = fake({ faults: { storageWritesFail: true } });
    sim.storage.set('k', { key: 'k', queriableValue: 'cache', value: { a: 1 } });
    const read = (await zd.get('database', { key: 'k' })) as { 'database.get': { data: unknown[] } };
    expect(read['database.get'].data).toHaveLength(1);
    await expect(zd.set('database', { key: 'k', queriableValue: 'cache', value: {} })).rejects.toHaveProperty('errMsg');
    await expect(zd.delete('database', { key: 'k' })).rejects.toHaveProperty('errMsg');
    expect(sim.storage.get('k')?.value).toEqual({ a: 1 });
  });
});

describe('fake ZOHODESK: request envelopes', () => {
  it('default mode: a JSON string around a JSON string around {status:"true", statusMessage}', async () => {
    const { zd, sim } = fake({ transport: echo });
    const raw = await zd.request(get('https://www.zohoapis.com/billing/v1/customers', { data: { page: '2' } }));
    expect(typeof raw).toBe('string');
    const outer = JSON.parse(raw as string) as { statusCode: number; response: string; headers: Record<string, string> };
    expect(outer.statusCode).toBe(200);
    expect(outer.headers['retry-after']).toBe('7');
    const inner = JSON.parse(outer.response) as { status: string; statusMessage: Record<string, unknown> };
    expect(inner.status).toBe('true');
    expect(inner.statusMessage).toEqual({
      method: 'GET',
      path: '/billing/v1/customers',
      query: { page: '2' },
      auth: 'Zoho-oauthtoken sim-connection-token',
      org: '1',
      body: null,
    });
    expect(sim.log.requests).toHaveLength(1);
  });

  it('default mode: an array body stays a string (third parse); HTML stays text; 404 keeps its status', async () => {
    const { zd } = fake({ transport: echo });
    const list = JSON.parse(JSON.parse((await zd.request(get('https://www.zohoapis.com/x/list'))) as string).response);
    expect(list.statusMessage).toBe('[{"id":1},{"id":2}]');
    const html = JSON.parse((await zd.request(get('https://www.zohoapis.com/x/html'))) as string);
    expect(html.statusCode).toBe(502);
    expect(JSON.parse(html.response).statusMessage).toBe('<html>oops</html>');
    const missing = JSON.parse((await zd.request(get('https://www.zohoapis.com/x/missing'))) as string);
    expect(missing.statusCode).toBe(404);
  });

  it('json answer style: already-parsed {data:{statusMessage}}', async () => {
    const { zd } = fake({ transport: echo, faults: { answerStyle: 'json' } });
    const raw = (await zd.request(get('https://desk.zoho.eu/api/v1/contacts/1'))) as { status: number; data: { statusMessage: { path: string } } };
    expect(raw.status).toBe(200);
    expect(raw.data.statusMessage.path).toBe('/api/v1/contacts/1');
  });

  it('without a connection the response is the raw body', async () => {
    const { zd } = fake({ transport: echo });
    const raw = await zd.request({ url: 'https://www.zohoapis.com/a', type: 'GET', headers: {}, postBody: {} });
    const outer = JSON.parse(raw as string);
    expect(JSON.parse(outer.response)).toMatchObject({ path: '/a', auth: null });
  });

  it('POST sends postBody as a JSON body', async () => {
    const { zd } = fake({ transport: echo });
    const raw = await zd.request({ ...get('https://www.zohoapis.com/b'), type: 'POST', postBody: { name: '山田' } });
    expect(JSON.parse(JSON.parse(raw as string).response).statusMessage).toMatchObject({ method: 'POST', body: { name: '山田' } });
  });

  it('faults: hostReject, notAuthorised, remoteErrorsReject, domains outside the whitelist', async () => {
    await expect(fake({ transport: echo, faults: { hostReject: true } }).zd.request(get('https://www.zohoapis.com/a'))).rejects.toHaveProperty('errMsg');

    const unauthorised = fake({ transport: echo, faults: { notAuthorised: true } }).zd;
    const raw = JSON.parse((await unauthorised.request(get('https://www.zohoapis.eu/billing/v1/organizations'))) as string);
    expect(JSON.parse(raw.response).data).toMatchObject({ error_code: '1000', resumeUrl: SIM_RESUME_URL });
    // The Desk API is not a Billing request.
    const desk = JSON.parse((await unauthorised.request(get('https://desk.zoho.com/api/v1/myinfo'))) as string);
    expect(desk.statusCode).toBe(200);

    const rejecting = fake({ transport: echo, faults: { remoteErrorsReject: true } }).zd;
    const err = await rejecting.request(get('https://www.zohoapis.com/x/missing')).catch((e: unknown) => e);
    expect(JSON.parse(JSON.parse(err as string).statusMessage)).toMatchObject({ path: '/x/missing' });

    await expect(fake({ transport: echo }).zd.request(get('https://evil.example.com/'))).rejects.toHaveProperty('errMsg');
  });
});

describe('fake ZOHODESK: UI and events', () => {
  it('emit reaches every instance.on handler; confirm uses sim.confirmAnswer', async () => {
    const { zd, sim } = fake({ confirmAnswer: async () => false });
    const seen: unknown[] = [];
    zd.instance?.on('ticket_Shift', (p) => seen.push(p));
    sim.emit('ticket_Shift', { ticket_shifted: true });
    expect(seen).toEqual([{ ticket_shifted: true }]);
    await expect(zd.showpopup({ title: 't', content: 'c', type: 'confirmation', contentType: 'html' })).resolves.toEqual({ result: false });
  });

  it("disposing a fake drops only that frame's handlers", async () => {
    const { zd, sim } = fake();
    const other = createFakeZohoDesk(sim);
    const seen: string[] = [];
    zd.instance?.on('pageChange', () => seen.push('old'));
    other.instance?.on('pageChange', () => seen.push('new'));
    disposeFakeZohoDesk(zd);
    sim.emit('pageChange', {});
    expect(seen).toEqual(['new']);
  });

  it('INSERT into the reply editor needs a ticket page', async () => {
    const { zd, sim } = fake();
    await expect(zd.invoke('INSERT', 'ticket.replyEditor', { value: 'x' })).rejects.toHaveProperty('errMsg');
    sim.page.ticket = { id: '1' };
    await zd.invoke('INSERT', 'ticket.replyEditor', { value: '<p>x</p>' });
    expect(sim.log.inserted).toEqual([{ value: '<p>x</p>' }]);
  });
});
