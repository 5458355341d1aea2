/**
 * Issue 11: "No internal id is visible anywhere in the sandbox's panels." Every sandbox Billing customer is
 * shown in a contact panel (through a saved link), and every tab plus a subscription's and an invoice's
 * detail is read as a person would: no 15+ digit run (Billing and Desk ids are 16–19 digits) in any text,
 * label or tooltip.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { saveCustomerLink } from '../../../src/integration/records/customerLinks';
import { PanelApp } from '../../../src/panel/PanelApp';
import { BILLING_FIXTURES } from '../../../src/sandbox/billing/fixtures';
import { createBillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { connect } from './sandboxHarness';

const sandbox = createBillingSandbox();
const customers = sandbox.dataset.customers.map((c) => ({ id: c.customer_id, name: c.display_name }));

function expectNoIdShown(where: string) {
  const texts = [document.body.textContent ?? ''];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(el.getAttribute(name) ?? '');
  }
  for (const text of texts) {
    const id = /\d{15,}/.exec(text);
    expect(id ? `${where}: "${text.slice(Math.max(0, id.index - 40), id.index + 30)}"` : null).toBeNull();
  }
}

async function showCustomer(customerId: string) {
  sandbox.faults.mode = 'none';
  const world = await createSandboxHost({ location: 'contact', contactId: D.singleMatchContactId, sandbox });
  await connect(world.host);
  const saved = await saveCustomerLink(world.host, {
    deskEntity: 'contact',
    deskId: D.singleMatchContactId,
    customerId,
    organizationId: BILLING_FIXTURES.primaryOrgId,
    method: 'manual',
    linkedAt: '2026-11-27T09:00:00Z',
    linkedBy: null,
  });
  if (!saved.ok) throw new Error('could not save the link');
  const context = world.host.context();
  render(<PanelApp host={world.host} i18n={createI18n(context.locale, context.user.timeZone)} cacheOptions={{ sleep: async () => undefined, random: () => 0 }} />);
}

const settled = () => waitFor(() => expect(document.querySelector('[role="status"]')).toBeNull(), { timeout: 20_000 });

afterEach(cleanup);

describe('no internal id anywhere in the panel', () => {
  it.each(customers)('$name', async ({ id, name }) => {
    const user = userEvent.setup();
    await showCustomer(id);
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(name.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeInTheDocument();
    await settled();
    expectNoIdShown(`${name} · Overview`);

    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    await settled();
    expectNoIdShown(`${name} · Activity`);

    await user.click(screen.getByRole('tab', { name: 'Subscriptions' }));
    await settled();
    expectNoIdShown(`${name} · Subscriptions`);
    const subscription = screen.queryAllByRole('button', { name: /^Open subscription/ })[0];
    if (subscription) {
      await user.click(subscription);
      await settled();
      expectNoIdShown(`${name} · a subscription`);
    }

    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    await settled();
    expectNoIdShown(`${name} · Invoices`);
    const list = screen.queryByRole('list', { name: 'Invoices' });
    const invoice = list ? within(list).queryAllByRole('button')[0] : undefined;
    if (invoice) {
      await user.click(invoice);
      await settled();
      expectNoIdShown(`${name} · an invoice`);
    }
  }, 60_000);
});
