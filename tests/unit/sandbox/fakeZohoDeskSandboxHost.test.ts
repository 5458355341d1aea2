import { describe, expect, it } from 'vitest';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import type { HostResult } from '../../../src/host/types';

function value<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const ORGS = 'https://www.zohoapis.com/billing/v1/organizations';

describe('createSandboxHost: the real adapter over the fake SDK and the Billing sandbox', () => {
  for (const answerStyle of ['string', 'json'] as const) {
    it(`answers Billing requests and records them (${answerStyle} answers)`, async () => {
      const { host, sandbox } = await createSandboxHost({ faults: { answerStyle } });
      const result = value(await host.request({ method: 'GET', url: ORGS }));
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ code: 0 });
      expect(Array.isArray((result.body as { organizations: unknown[] }).organizations)).toBe(true);
      expect(sandbox.calls).toHaveLength(1);
      expect(sandbox.calls[0]).toMatchObject({ method: 'GET', status: 200 });
    });
  }

  it('opens on a ticket with exactly one Billing customer by default', async () => {
    const { host } = await createSandboxHost();
    expect(host.context()).toMatchObject({ kind: 'ticket', dataCenter: 'US', portalId: D.portalId, user: { id: D.adminAgentId } });
    const ticket = value(await host.ticket());
    expect(ticket.id).toBe(D.singleMatchTicketId);
    expect(ticket.contactId).toBe(D.singleMatchContactId);
    const contact = value(await host.contact(ticket.contactId ?? undefined));
    expect(contact.emails.length).toBeGreaterThan(0);
  });

  it('gathers the secondary email of a contact page', async () => {
    const { host } = await createSandboxHost({ location: 'contact', contactId: D.secondaryEmailContactId });
    expect(value(await host.contact()).emails).toEqual(['martina.keller@gmail.example', 'm.keller@alpenglow.example']);
  });

  it('lists an account’s contacts and reads the ticket form', async () => {
    const account = await createSandboxHost({ location: 'account' });
    const id = value(await account.host.account()).id;
    expect(id).toBe(D.accountWithContactsId);
    expect(value(await account.host.accountContacts(id)).map((c) => c.id)).toEqual(
      expect.arrayContaining([D.umbrellaAliceContactId, D.umbrellaBobContactId, D.umbrellaCarolContactId]),
    );
    expect(value(await account.host.accountContacts(D.noMatchAccountId))).toEqual([]);
    const form = await createSandboxHost({ location: 'ticketForm' });
    expect(value(await form.host.ticketForm()).contactId).toBe(D.singleMatchContactId);
  });

  it('isAdmin follows sim.app.isAdmin', async () => {
    const { host, sim } = await createSandboxHost({ isAdmin: false });
    expect(value(await host.isAdmin())).toBe(false);
    sim.app.isAdmin = true;
    expect(value(await host.isAdmin())).toBe(true);
  });

  it('passes Billing faults and the not-authorised connection through', async () => {
    const { host, sandbox, sim } = await createSandboxHost();
    sandbox.faults.mode = 'rate-limited';
    sandbox.faults.retryAfterSeconds = 12;
    const limited = value(await host.request({ method: 'GET', url: ORGS }));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('12');
    sim.faults.notAuthorised = true;
    const denied = await host.request({ method: 'GET', url: ORGS });
    expect(denied.ok ? null : denied.error.kind).toBe('not-authorised');
  });

  it('records https URLs instead of opening tabs', async () => {
    const { host, sim } = await createSandboxHost();
    host.openUrl('https://billing.zoho.com/app/1');
    host.openUrl('javascript:alert(1)');
    expect(sim.log.opened).toEqual(['https://billing.zoho.com/app/1']);
  });
});
