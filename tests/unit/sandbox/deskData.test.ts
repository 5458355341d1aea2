import { generateBillingDataset } from '../../../src/sandbox/billing/dataset';
import { BILLING_FIXTURES as B, TICKET_NUMBERS } from '../../../src/sandbox/billing/fixtures';
import { createBillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { generateDeskData } from '../../../src/sandbox/desk/deskData';
import { DESK_API_BASE_URLS } from '../../../src/sandbox/desk/deskApiHandlers';

const billing = generateBillingDataset();
const desk = generateDeskData(billing);

const customersForEmail = (email: string | null) =>
  email ? billing.customers.filter((c) => c.email.toLowerCase() === email.toLowerCase()) : [];
const contact = (id: string) => {
  const found = desk.contacts.find((c) => c.id === id);
  if (!found) throw new Error(`no contact ${id}`);
  return found;
};
const ticket = (id: string) => {
  const found = desk.tickets.find((t) => t.id === id);
  if (!found) throw new Error(`no ticket ${id}`);
  return found;
};

describe('generateDeskData', () => {
  it('is deterministic and internally consistent', () => {
    expect(JSON.stringify(generateDeskData(generateBillingDataset()))).toBe(JSON.stringify(desk));
    const contactIds = new Set(desk.contacts.map((c) => c.id));
    const accountIds = new Set(desk.accounts.map((a) => a.id));
    for (const t of desk.tickets) {
      expect(contactIds.has(t.contactId)).toBe(true);
      if (t.accountId) expect(accountIds.has(t.accountId)).toBe(true);
      expect(t.number).toMatch(/^\d{6}$/);
    }
    for (const c of desk.contacts) if (c.accountId) expect(accountIds.has(c.accountId)).toBe(true);
    expect(new Set(desk.tickets.map((t) => t.id)).size).toBe(desk.tickets.length);
  });

  it('names the email-matching cases', () => {
    expect(customersForEmail(contact(D.singleMatchContactId).email)).toHaveLength(1);
    expect(customersForEmail(contact(D.multiMatchContactId).email)).toHaveLength(3);
    expect(customersForEmail(contact(D.noMatchContactId).email)).toHaveLength(0);
    const secondary = contact(D.secondaryEmailContactId);
    expect(customersForEmail(secondary.email)).toHaveLength(0);
    expect(customersForEmail(secondary.secondaryEmail).map((c) => c.customer_id)).toEqual([B.alpenglowCustomerId]);
    expect(contact(D.noEmailContactId).email).toBeNull();
  });

  it('names the account cases', () => {
    const account = desk.accounts.find((a) => a.id === D.accountWithContactsId)!;
    expect(billing.customers.some((c) => c.company_name === account.accountName)).toBe(true);
    const members = desk.contacts.filter((c) => c.accountId === account.id);
    expect(members.length).toBeGreaterThanOrEqual(3);
    expect(members.some((c) => customersForEmail(c.email).length === 1)).toBe(true);
    expect(members.some((c) => customersForEmail(c.email).length === 0)).toBe(true);
    const none = desk.accounts.find((a) => a.id === D.noMatchAccountId)!;
    expect(billing.customers.some((c) => c.company_name === none.accountName)).toBe(false);
  });

  it('ties tickets to Billing customers and invoices', () => {
    const single = ticket(D.singleMatchTicketId);
    expect(single.number).toBe(TICKET_NUMBERS.bowman);
    expect(billing.invoices.some((i) => i.customer_id === B.bowmanCustomerId && i.reference_number === `DESK-${single.number}`)).toBe(true);
    const japanese = ticket(D.japaneseTicketId);
    expect(japanese.subject).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(japanese.contactName).toMatch(/山田/);
    expect(customersForEmail(japanese.email).map((c) => c.customer_id)).toEqual([B.yamadaCustomerId]);
    expect(customersForEmail(contact(D.bigInvoicesContactId).email).map((c) => c.customer_id)).toEqual([B.globexCustomerId]);
    expect(customersForEmail(contact(D.manySubscriptionsContactId).email).map((c) => c.customer_id)).toEqual([B.initechCustomerId]);
    expect(ticket(D.hostileTicketId).subject).toContain('<script>');
    expect(customersForEmail(ticket(D.hostileTicketId).email).map((c) => c.customer_id)).toEqual([B.hostileCustomerId]);
  });

  it('has one admin and one non-admin agent', () => {
    const admin = desk.agents.find((a) => a.id === D.adminAgentId)!;
    const agent = desk.agents.find((a) => a.id === D.agentAgentId)!;
    expect(admin.profile.name).toBe('Administrator');
    expect(agent.profile.name).not.toBe('Administrator');
  });
});

describe('Desk API handlers', () => {
  const sandbox = createBillingSandbox();
  const get = async (path: string, base = DESK_API_BASE_URLS[0]) => {
    const response = await sandbox.handle(new Request(`${base}${path}`, { headers: { orgId: D.portalId } }));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers contacts and accounts on every data center', async () => {
    for (const base of DESK_API_BASE_URLS) {
      const { status, body } = await get(`/contacts/${D.secondaryEmailContactId}`, base);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: D.secondaryEmailContactId, email: 'martina.keller@gmail.example', secondaryEmail: 'M.Keller@alpenglow.example' });
    }
    const account = await get(`/accounts/${D.accountWithContactsId}`);
    expect(account.body).toMatchObject({ id: D.accountWithContactsId, accountName: 'Umbrella Corporation' });
  });

  it('lists an account\'s contacts under data', async () => {
    const { body } = await get(`/accounts/${D.accountWithContactsId}/contacts`);
    const data = body.data as { id: string; email: string }[];
    expect(data.map((c) => c.id)).toEqual(expect.arrayContaining([D.umbrellaAliceContactId, D.umbrellaBobContactId, D.umbrellaCarolContactId]));
    expect((await get(`/accounts/${D.noMatchAccountId}/contacts`)).body).toEqual({ data: [] });
  });

  it('answers agents with their profile only when included', async () => {
    const admin = await get(`/agents/${D.adminAgentId}?include=profile`);
    expect((admin.body.profile as { name: string }).name).toBe('Administrator');
    const agent = await get(`/agents/${D.agentAgentId}?include=profile`);
    expect((agent.body.profile as { name: string }).name).toBe('Agent');
    expect((await get(`/agents/${D.agentAgentId}`)).body.profile).toBeUndefined();
    const me = await get('/myinfo?include=profile');
    expect(me.body.id).toBe(sandbox.desk.currentAgentId);
    sandbox.desk.currentAgentId = D.agentAgentId;
    expect((await get('/myinfo')).body.id).toBe(D.agentAgentId);
  });

  it('answers unknown records with a Desk error body', async () => {
    const missing = await get('/contacts/1892000000099999');
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBeTruthy();
    expect((await get('/accounts/1892000000099999')).status).toBe(404);
    expect((await get('/agents/1892000000099999')).status).toBe(404);
  });

  it('refuses a call without the orgId header', async () => {
    const response = await sandbox.handle(new Request(`${DESK_API_BASE_URLS[0]}/contacts/${D.singleMatchContactId}`));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode?: string }).errorCode).toBeTruthy();
  });

  it('does not record Desk calls as Billing calls', () => {
    expect(sandbox.calls).toHaveLength(0);
  });
});
