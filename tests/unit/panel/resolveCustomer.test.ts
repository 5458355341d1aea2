import { describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../../../src/billing/types';
import type { BillingCache } from '../../../src/integration/cache/billingCache';
import { saveCustomerLink } from '../../../src/integration/records/customerLinks';
import { resolveCustomer } from '../../../src/panel/resolveCustomer';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';

const customer = { id: 'c1', displayName: 'Bowman' } as CustomerSummary;

describe('a saved link', () => {
  it('asks for the tabs\' first pages in the same round trip as the customer', async () => {
    const { host } = await createSandboxHost({ location: 'contact' });
    await saveCustomerLink(host, {
      deskEntity: 'contact', deskId: 'd1', customerId: 'c1', organizationId: 'org1', method: 'manual', linkedAt: '2026-11-27T00:00:00Z', linkedBy: null,
    });
    const asked: string[] = [];
    let answerCustomer: (v: unknown) => void = () => undefined;
    const billing = {
      organizationId: 'org1',
      read: (call: string, ...args: unknown[]) => {
        asked.push(`${call} ${JSON.stringify(args)}`);
        if (call === 'getCustomer') return new Promise((resolve) => (answerCustomer = resolve));
        return Promise.resolve({ value: { items: [], page: 1, hasMore: false }, ageMs: 0, fetchedAt: 0, error: null });
      },
    } as unknown as BillingCache;

    const resolution = resolveCustomer({ entity: { kind: 'contact', id: 'd1' }, emails: [], companyNames: [], label: 'x' }, billing, host);
    await new Promise((r) => setTimeout(r, 0));
    // Nothing has answered yet, and all three are already on their way.
    expect(asked).toEqual([
      'listSubscriptions ["c1",1]',
      'listInvoices [{"customerId":"c1","page":1}]',
      'getCustomer ["c1"]',
    ]);
    answerCustomer({ value: customer, ageMs: 0, fetchedAt: 0, error: null });
    expect(await resolution).toEqual({ kind: 'found', customer, method: 'saved' });
  });
});
