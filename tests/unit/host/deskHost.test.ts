import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectDeskHost, CONNECTION_LINK_NAME, deskApiBase } from '../../../src/host/deskHost';
import type { SdkRequestOptions, ZohoDeskGlobal } from '../../../src/host/sdkTypes';
import type { HostResult } from '../../../src/host/types';
import { createDeskSimulation, type DeskSimulationOptions } from '../../../src/sandbox/desk/simulation';
import { createFakeZohoDesk, SIM_RESUME_URL } from '../../../src/sandbox/desk/fakeZohoDesk';

function value<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}
function errorOf<T>(result: HostResult<T>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const ticket = {
  id: '1892000000143237',
  number: '104233',
  subject: 'Invoice question',
  email: 'Ken@Example.jp',
  contactId: '1892000000050001',
  contactName: 'Ken Sato',
  accountName: 'Example KK',
  departmentId: '1',
  status: 'Open',
};
const apiContact = {
  id: '1892000000050001',
  firstName: 'Ken',
  lastName: 'Sato',
  email: 'Ken@Example.jp',
  secondaryEmail: 'billing@example.jp',
  phone: '03-0000-0000',
  accountId: '1892000000060001',
  account: { id: '1892000000060001', accountName: 'Example KK' },
  cf: { cf_invoice_email: 'AP@example.jp; ken@example.jp' },
  city: 'Tokyo',
};

/** A tiny Desk REST API; the requests it saw are kept for assertions. */
function deskApi(agentProfile: unknown = { name: 'Administrator', type: 'Administrator' }) {
  const seen: Request[] = [];
  const transport = async (request: Request): Promise<Response> => {
    seen.push(request.clone());
    const url = new URL(request.url);
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
    if (url.pathname === '/api/v1/contacts/1892000000050001') return json(apiContact);
    if (url.pathname === '/api/v1/accounts/1892000000060001') return json({ id: '1892000000060001', accountName: 'Example KK', website: 'example.jp' });
    if (url.pathname === '/api/v1/accounts/1892000000060001/contacts') return json({ data: [apiContact, { id: 'c2', email: 'x@example.jp' }] });
    if (url.pathname.startsWith('/api/v1/agents/')) {
      return agentProfile === 404 ? json({ errorCode: 'URL_NOT_FOUND' }, 404) : json({ id: '1', profile: agentProfile });
    }
    if (url.hostname === 'www.zohoapis.com') {
      return json({ code: 0, message: 'success', echo: { method: request.method, query: url.search, body: request.method === 'GET' ? null : await request.text() } }, 200, { 'X-Rate-Limit-Remaining': '99' });
    }
    return json({ message: 'nope' }, 404);
  };
  return { seen, transport };
}

async function setup(options: DeskSimulationOptions = {}) {
  const sim = createDeskSimulation(options);
  const zohodesk = createFakeZohoDesk(sim);
  const host = await connectDeskHost(zohodesk);
  return { sim, zohodesk, host };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('connectDeskHost', () => {
  it('rejects with a clear Error when ZOHODESK is missing', async () => {
    await expect(connectDeskHost()).rejects.toThrow(/ZOHODESK is not available/);
    await expect(connectDeskHost({} as ZohoDeskGlobal)).rejects.toThrow(Error);
  });

  it('rejects with an Error when onload rejects, and waits for onload only once', async () => {
    const sim = createDeskSimulation();
    const zd = createFakeZohoDesk(sim);
    const onload = vi.spyOn(zd.extension, 'onload');
    const [a, b] = await Promise.all([connectDeskHost(zd), connectDeskHost(zd)]);
    expect(a).toBe(b);
    expect(onload).toHaveBeenCalledTimes(1);

    const broken = createFakeZohoDesk(sim);
    broken.extension.onload = () => Promise.reject({ errMsg: 'boom' });
    await expect(connectDeskHost(broken)).rejects.toThrow(/boom/);
  });

  it('defaults to window.ZOHODESK', async () => {
    const zd = createFakeZohoDesk(createDeskSimulation());
    vi.stubGlobal('window', { ZOHODESK: zd });
    const host = await connectDeskHost();
    expect(host.context().kind).toBe('ticket');
  });
});

describe('context()', () => {
  it('reads location, locale, data center, user and portal', async () => {
    const { host } = await setup({
      app: { location: 'desk.contact.detail.rightpanel', locale: 'ja', dcType: 'JP', portalId: '4242' },
    });
    expect(host.context()).toEqual({
      location: 'desk.contact.detail.rightpanel',
      kind: 'contact',
      locale: 'ja',
      dataCenter: 'JP',
      dataCenterSource: 'dcType',
      appearance: 'light',
      // The simulated Desk's userPreferences: blue theme, Puvi.
      look: { appearance: 'light', pureDark: false, theme: 'blue', fontFamily: 'Puvi' },
      user: { id: '4000000000001', name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com', timeZone: 'Asia/Tokyo' },
      portalId: '4242',
    });
  });

  it('accepts lower-case data centers and falls back to US for unknown ones; unknown locations have no kind', async () => {
    expect((await setup({ app: { dcType: 'eu' } })).host.context().dataCenter).toBe('EU');
    expect((await setup({ app: { dcType: 'com.au' } })).host.context().dataCenter).toBe('AU');
    expect((await setup({ app: { dcType: 'XX' } })).host.context().dataCenter).toBe('US');
    expect((await setup({ app: { location: 'desk.topband' } })).host.context().kind).toBeNull();
  });

  it('maps dark and pureDark to dark, and auto to the browser preference', async () => {
    expect((await setup({ app: { appearance: 'dark' } })).host.context().appearance).toBe('dark');
    expect((await setup({ app: { appearance: 'pureDark' } })).host.context().appearance).toBe('dark');
    expect((await setup({ app: { appearance: 'auto' } })).host.context().appearance).toBe('light');
    vi.stubGlobal('window', { matchMedia: () => ({ matches: true }) });
    expect((await setup({ app: { appearance: 'auto' } })).host.context().appearance).toBe('dark');
  });

  it("follows the browser's color scheme while Desk says auto", async () => {
    let dark = false;
    let onChange: (() => void) | undefined;
    vi.stubGlobal('window', {
      matchMedia: () => ({
        get matches() {
          return dark;
        },
        addEventListener: (_: string, cb: () => void) => {
          onChange = cb;
        },
      }),
    });
    const { host } = await setup({ app: { appearance: 'auto' } });
    const seen: unknown[] = [];
    host.on('preferencesChanged', (p) => seen.push(p));
    expect(host.context().appearance).toBe('light');
    dark = true;
    onChange?.();
    expect(host.context().appearance).toBe('dark');
    expect(seen).toHaveLength(1);
  });

  it('survives an App object with nothing in it', async () => {
    const zd = createFakeZohoDesk(createDeskSimulation());
    zd.extension.onload = () => Promise.resolve(undefined);
    zd.get = () => Promise.reject({ errMsg: 'Invalid Payload' });
    const host = await connectDeskHost(zd);
    expect(host.context()).toMatchObject({ location: '', kind: null, locale: 'en', dataCenter: 'US', portalId: null });
  });

  it('follows user_preference.changed', async () => {
    const { sim, host } = await setup();
    const seen: unknown[] = [];
    host.on('preferencesChanged', (p) => seen.push(p));
    sim.emit('user_preference.changed', { appearance: 'pureDark', theme: 'blue' });
    expect(host.context().appearance).toBe('dark');
    expect(seen).toEqual([{ appearance: 'pureDark', theme: 'blue' }]);
  });

  it("reads the rest of the agent's look at start and follows it (theme colour, font, pure dark)", async () => {
    const { sim, host } = await setup({ app: { appearance: 'dark', theme: 'green', fontFamily: 'Lato' } });
    expect(host.context().look).toEqual({ appearance: 'dark', pureDark: false, theme: 'green', fontFamily: 'Lato' });
    sim.emit('user_preference.changed', JSON.stringify({ appearance: 'pureDark', theme: 'Orange', fontFamily: 'Roboto' }));
    expect(host.context().look).toEqual({ appearance: 'dark', pureDark: true, theme: 'orange', fontFamily: 'Roboto' });
    sim.emit('user_preference.changed', { appearance: 'light' });
    expect(host.context().look).toEqual({ appearance: 'light', pureDark: false, theme: null, fontFamily: null });
  });
});

describe('page records', () => {
  it('ticket() reads get("ticket"), and is not-in-context elsewhere', async () => {
    const { host, sim } = await setup({ page: { ticket } });
    expect(value(await host.ticket())).toEqual({
      id: ticket.id,
      number: '104233',
      subject: 'Invoice question',
      email: 'Ken@Example.jp',
      contactId: ticket.contactId,
      contactName: 'Ken Sato',
      accountId: null,
      accountName: 'Example KK',
    });
    sim.page.ticket = null;
    expect(errorOf(await host.ticket()).kind).toBe('not-in-context');
  });

  it('contact() on a contact page completes the emails through the Desk API', async () => {
    const api = deskApi();
    const { host } = await setup({
      app: { location: 'desk.contact.detail.rightpanel', dcType: 'EU' },
      page: { contact: { id: apiContact.id, firstName: 'Ken', lastName: 'Sato', email: 'ken@example.jp', email2: 'Old@Example.jp' } },
      transport: api.transport,
    });
    // EU portal: the Desk API call goes to desk.zoho.eu — this tiny API answers by path only.
    const contact = value(await host.contact());
    expect(contact.emails).toEqual(['ken@example.jp', 'billing@example.jp', 'ap@example.jp', 'old@example.jp']);
    expect(contact).toMatchObject({ name: 'Ken Sato', accountId: '1892000000060001', accountName: 'Example KK', phone: '03-0000-0000' });
    expect(api.seen[0]?.url).toBe(`${deskApiBase('EU')}/contacts/1892000000050001`);
    expect(api.seen[0]?.headers.get('orgId')).toBe('700000001');
  });

  it('contact() keeps the page record when the Desk API cannot be reached', async () => {
    const { host } = await setup({
      page: { contact: { id: '77', firstName: '', lastName: '', email: 'Solo@Example.com' } },
      faults: { hostReject: true },
    });
    expect(value(await host.contact())).toMatchObject({ id: '77', name: 'solo@example.com', emails: ['solo@example.com'] });
  });

  it('contact(id), account(id) and accountContacts(id) go through the Desk API', async () => {
    const api = deskApi();
    const { host } = await setup({ transport: api.transport });
    expect(value(await host.contact(apiContact.id)).emails).toEqual(['ken@example.jp', 'billing@example.jp', 'ap@example.jp']);
    expect(value(await host.account('1892000000060001'))).toEqual({
      id: '1892000000060001',
      name: 'Example KK',
      website: 'example.jp',
      phone: null,
      address: null,
    });
    const contacts = value(await host.accountContacts('1892000000060001'));
    expect(contacts.map((c) => c.id)).toEqual([apiContact.id, 'c2']);
    expect(errorOf(await host.contact('missing')).kind).toBe('not-in-context');
  });

  it('account() reads the account page', async () => {
    const { host } = await setup({ page: { account: { id: '9', accountName: '株式会社サンプル', website: 'sample.jp', street: '1-1', city: '東京' } } });
    expect(value(await host.account())).toMatchObject({ id: '9', name: '株式会社サンプル', address: { street: '1-1', city: '東京' } });
  });

  it('ticketForm() reads the form keys, tolerating a contact object and an email only', async () => {
    const { host, sim } = await setup({
      app: { location: 'desk.ticket.form.rightpanel' },
      page: { ticketForm: { contactId: '55', accountId: null, email: 'New@Example.com', contactName: null, accountName: null } },
    });
    expect(value(await host.ticketForm())).toEqual({ contactId: '55', accountId: null, email: 'new@example.com', contactName: null, accountName: null });
    // An unconfirmed shape: the contact as an object and no contactId key at all.
    sim.page.ticketForm = { contact: JSON.stringify({ id: '56', name: 'Ken Sato' }), email: null };
    expect(value(await host.ticketForm())).toMatchObject({ contactId: '56', contactName: 'Ken Sato', email: null });
    sim.page.ticketForm = null;
    expect(errorOf(await host.ticketForm()).kind).toBe('not-in-context');
  });
});

describe('isAdmin()', () => {
  it('asks the Desk API for the agent profile', async () => {
    const api = deskApi();
    const { host } = await setup({ transport: api.transport });
    expect(value(await host.isAdmin())).toBe(true);
    const url = new URL(api.seen[0]!.url);
    expect(url.pathname).toBe('/api/v1/agents/4000000000001');
    expect(url.searchParams.get('include')).toBe('profile');
  });

  it('is false for another profile and null when it cannot tell', async () => {
    expect(value(await (await setup({ transport: deskApi({ name: 'Agent', type: 'Agent' }).transport })).host.isAdmin())).toBe(false);
    expect(value(await (await setup({ transport: deskApi({ name: 'administrator' }).transport })).host.isAdmin())).toBe(true);
    expect(value(await (await setup({ transport: deskApi(null).transport })).host.isAdmin())).toBeNull();
    expect(value(await (await setup({ transport: deskApi(404).transport })).host.isAdmin())).toBeNull();
  });
});

describe('request()', () => {
  for (const answerStyle of ['string', 'json'] as const) {
    it(`round-trips status, body and headers over the fake SDK (${answerStyle} answers)`, async () => {
      const api = deskApi();
      const { host, sim } = await setup({ transport: api.transport, faults: { answerStyle } });
      const result = value(
        await host.request({
          method: 'POST',
          url: 'https://www.zohoapis.com/billing/v1/customers',
          headers: { 'X-com-zoho-subscriptions-organizationid': '10234695' },
          query: { page: 2, filter_by: undefined, active: true },
          body: { display_name: 'Acme <b>' },
        }),
      );
      expect(result.status).toBe(200);
      expect(result.headers['x-rate-limit-remaining']).toBe('99');
      expect(result.body).toEqual({
        code: 0,
        message: 'success',
        echo: { method: 'POST', query: '?page=2&active=true', body: JSON.stringify({ display_name: 'Acme <b>' }) },
      });
      expect(api.seen[0]?.headers.get('X-com-zoho-subscriptions-organizationid')).toBe('10234695');
      const sent = sim.log.requests[0] as SdkRequestOptions;
      expect(sent).toMatchObject({ type: 'POST', connectionLinkName: CONNECTION_LINK_NAME, data: { page: '2', active: 'true' } });
      expect(sent).not.toHaveProperty('responseType');
    });
  }

  it('sends postBody {} on GET and never a responseType on POST/PUT', async () => {
    const { host, sim } = await setup({ transport: deskApi().transport });
    await host.request({ method: 'GET', url: 'https://www.zohoapis.com/billing/v1/invoices/1', responseType: 'json' });
    await host.request({ method: 'PUT', url: 'https://www.zohoapis.com/billing/v1/customers/1', body: { a: 1 }, responseType: 'json' });
    const [get, put] = sim.log.requests as SdkRequestOptions[];
    expect(get).toMatchObject({ type: 'GET', postBody: {}, responseType: 'json' });
    expect(put).toMatchObject({ type: 'PUT', postBody: { a: 1 } });
    expect(put).not.toHaveProperty('responseType');
  });

  it("returns a Blob for responseType 'blob' (invoice PDF)", async () => {
    const transport = async () => new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { 'content-type': 'application/pdf' } });
    const { host, sim } = await setup({ transport });
    const result = value(await host.request({ method: 'GET', url: 'https://www.zohoapis.com/billing/v1/invoices/1', query: { accept: 'pdf' }, responseType: 'blob' }));
    expect(result.body).toBeInstanceOf(Blob);
    expect(await (result.body as Blob).text()).toBe('%PDF');
    expect(sim.log.requests[0]).toMatchObject({ responseType: 'blob', data: { accept: 'pdf' } });
  });

  it('passes remote errors through as answers, whether they resolve or reject', async () => {
    const transport = async () => new Response(JSON.stringify({ code: 1002, message: 'Customer does not exist.' }), { status: 404 });
    for (const remoteErrorsReject of [false, true]) {
      const { host } = await setup({ transport, faults: { remoteErrorsReject } });
      const result = value(await host.request({ method: 'GET', url: 'https://www.zohoapis.com/billing/v1/customers/1' }));
      expect(result).toMatchObject({ status: 404, body: { code: 1002, message: 'Customer does not exist.' } });
    }
  });

  it('reports not-authorised with the resume URL in both answer styles', async () => {
    for (const answerStyle of ['string', 'json'] as const) {
      const { host } = await setup({ transport: deskApi().transport, faults: { notAuthorised: true, answerStyle } });
      const error = errorOf(await host.request({ method: 'GET', url: 'https://www.zohoapis.com/billing/v1/organizations' }));
      expect(error).toMatchObject({ kind: 'not-authorised', authUrl: SIM_RESUME_URL });
    }
  });

  it('turns {errMsg} rejections, synchronous throws and transport failures into errors', async () => {
    const rejecting = await setup({ faults: { hostReject: true } });
    expect(errorOf(await rejecting.host.request({ method: 'GET', url: 'https://www.zohoapis.com/x' })).kind).toBe('rejected');

    const { host, zohodesk } = await setup();
    zohodesk.request = () => {
      throw new TypeError('SDK exploded');
    };
    expect(errorOf(await host.request({ method: 'GET', url: 'https://www.zohoapis.com/x' })).kind).toBe('network');

    const offline = await setup({ transport: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(errorOf(await offline.host.request({ method: 'GET', url: 'https://www.zohoapis.com/x' }))).toMatchObject({
      kind: 'rejected',
      message: 'Failed to fetch',
    });
  });
});

describe('events', () => {
  it('registers each SDK name once, fans out, and unsubscribes', async () => {
    const { host, sim } = await setup();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = host.on('ticketChanged', (p) => a.push(p));
    host.on('ticketChanged', (p) => b.push(p));
    host.on('pageChanged', () => undefined);
    host.on('replyEditorOpened', () => undefined);
    expect(sim.log.registered.filter((n) => n === 'ticket_Shift')).toHaveLength(1);
    expect(sim.log.registered).toEqual(
      expect.arrayContaining(['ticket_Shift', 'pageChange', 'ticket_replyEditor.opened', 'user_preference.changed']),
    );
    sim.emit('ticket_Shift', { ticket_shifted: true });
    offA();
    sim.emit('ticket_Shift', { ticket_shifted: 2 });
    expect(a).toEqual([{ ticket_shifted: true }]);
    expect(b).toEqual([{ ticket_shifted: true }, { ticket_shifted: 2 }]);
  });

  it('formChanged registers no unverified SDK name, and a throwing subscriber does not stop others', async () => {
    const { host, sim } = await setup();
    const before = sim.log.registered.length;
    host.on('formChanged', () => undefined);
    expect(sim.log.registered.length).toBe(before);
    const seen: unknown[] = [];
    host.on('pageChanged', () => {
      throw new Error('bad subscriber');
    });
    host.on('pageChanged', (p) => seen.push(p));
    sim.emit('pageChange', { currentView: { module: 'contact', page: 'detail' } });
    expect(seen).toHaveLength(1);
  });
});

describe('UI actions', () => {
  const hostile = `<img src=x onerror="alert('x')"> & "quotes"\nline two`;

  it('insertIntoReply escapes the text and links only https URLs', async () => {
    const { host, sim } = await setup({ page: { ticket } });
    value(await host.insertIntoReply({ text: hostile, url: 'https://billing.zoho.com/pay?a=1&b="2"' }));
    value(await host.insertIntoReply({ text: 'pay here', url: 'javascript:alert(1)' }));
    const [first, second] = sim.log.inserted as { value: string }[];
    expect(first?.value).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &quot;quotes&quot;<br>line two<br>' +
        '<a href="https://billing.zoho.com/pay?a=1&amp;b=%222%22" target="_blank" rel="noopener noreferrer">https://billing.zoho.com/pay?a=1&amp;b=%222%22</a>',
    );
    expect(second?.value).toBe('pay here<br>javascript:alert(1)');
    expect(second?.value).not.toContain('<a');
  });

  it('insertIntoReply reports when there is no reply editor', async () => {
    const { host } = await setup();
    expect(errorOf(await host.insertIntoReply({ text: 'x' })).kind).toBe('rejected');
  });

  it('confirm shows an escaped confirmation popup and returns the answer', async () => {
    const shown: unknown[] = [];
    let answer = true;
    const { host } = await setup({ confirmAnswer: async (o) => (shown.push(o), answer) });
    const options = { title: 'Remove <all>', message: hostile, okText: 'Remove', cancelText: 'Cancel', danger: true };
    expect(await host.confirm(options)).toBe(true);
    answer = false;
    expect(await host.confirm(options)).toBe(false);
    expect(shown[0]).toMatchObject({ type: 'confirmation', color: 'red', title: 'Remove &lt;all&gt;', okText: 'Remove' });
    expect(JSON.stringify(shown[0])).not.toContain('<img');
  });

  it('confirm is false when the popup fails', async () => {
    const { host, zohodesk } = await setup();
    zohodesk.showpopup = () => Promise.reject({ errMsg: 'no popup' });
    expect(await host.confirm({ title: 't', message: 'm', okText: 'o', cancelText: 'c' })).toBe(false);
  });

  it('notify passes the toast on, escaped', async () => {
    const { host, sim } = await setup();
    host.notify('Saved <ok>', 'success');
    expect(sim.log.notifications).toEqual([{ content: 'Saved &lt;ok&gt;', icon: 'success' }]);
  });

  it('openUrl opens https URLs only', async () => {
    const open = vi.fn();
    vi.stubGlobal('window', { open });
    const { host } = await setup();
    host.openUrl('https://billing.zoho.com/app/1#/customers/2');
    host.openUrl('javascript:alert(1)');
    host.openUrl('http://billing.zoho.com');
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://billing.zoho.com/app/1#/customers/2', '_blank', 'noopener');
  });
});

