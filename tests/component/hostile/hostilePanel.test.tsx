/**
 * SPEC C5 in the rendered panel: the XSS corpus goes into every text field the panel shows (customer,
 * company, addresses, contact persons, plans, add-ons, subscription notes, activities, invoice numbers,
 * statuses, lines, payments, notes, links) through the sandbox's Billing dataset, and the panel — over the
 * REAL Desk adapter and the REAL Billing client — must show it as text: no element, attribute or link
 * made from data, and every link https.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createI18n } from '../../../src/i18n/i18n';
import { saveSettings } from '../../../src/integration/records/settingsStore';
import { PanelApp } from '../../../src/panel/PanelApp';
import { BILLING_FIXTURES as B } from '../../../src/sandbox/billing/fixtures';
import type { BillingDataset } from '../../../src/sandbox/billing/wire';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { createSandboxHost, type SandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { DANGEROUS_SCHEMES, INJECTED_TAGS, SHORT_XSS_PAYLOADS, XSS_MARKER_ATTRIBUTE, XSS_PAYLOADS } from '../../fixtures/xss';

type Rec = Record<string, unknown>;

/** Hands out payloads in order, starting at an offset, so each round puts different text in each field. */
function payloadSource(offset: number, includeHuge: boolean) {
  const pool = includeHuge ? XSS_PAYLOADS : SHORT_XSS_PAYLOADS;
  let i = offset;
  const used: string[] = [];
  return {
    next(): string {
      const value = pool[i % pool.length]!.value;
      i += 1;
      used.push(value);
      return value;
    },
    used,
  };
}

const ADDRESS_FIELDS = ['attention', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone', 'fax'];

/** Replaces every text field of the customer's records; returns what a person must be able to read. */
function poison(dataset: BillingDataset, customerId: string, next: () => string): { mustShow: string[] } {
  const mustShow: string[] = [];
  const set = (record: Rec, key: string, visible = false): void => {
    const value = next();
    record[key] = value;
    if (visible) mustShow.push(value);
  };
  const customer = dataset.customers.find((c) => c.customer_id === customerId) as unknown as Rec;
  // The email stays: it is how the ticket's contact finds this customer.
  set(customer, 'display_name', true);
  for (const key of ['company_name', 'first_name', 'last_name', 'phone', 'mobile', 'website', 'payment_terms_label', 'notes', 'department', 'designation']) set(customer, key);
  for (const which of ['billing_address', 'shipping_address']) {
    const address = customer[which] as Rec;
    for (const key of ADDRESS_FIELDS) set(address, key);
  }
  for (const person of (dataset.contactPersons[customerId] ?? []) as unknown as Rec[]) {
    for (const key of ['first_name', 'last_name', 'email', 'phone', 'mobile', 'designation']) set(person, key);
  }
  for (const sub of dataset.subscriptions.filter((s) => s.customer_id === customerId) as unknown as Rec[]) {
    for (const key of ['name', 'plan_name', 'subscription_number', 'interval_unit', 'customer_name', 'salesperson_name', 'payment_terms_label', 'product_name']) set(sub, key);
    set(sub, 'status');
    const plan = sub.plan as Rec;
    for (const key of ['name', 'description', 'plan_code']) set(plan, key);
    for (const addon of sub.addons as Rec[]) for (const key of ['name', 'addon_code', 'description']) set(addon, key);
    const coupon = sub.coupon as Rec;
    set(coupon, 'coupon_code');
    if (sub.card && typeof sub.card === 'object') for (const key of ['payment_gateway', 'last_four_digits']) set(sub.card as Rec, key);
    for (const note of sub.notes as Rec[]) for (const key of ['description', 'commented_by']) set(note, key);
    for (const activity of (dataset.activities[String(sub.subscription_id)] ?? []) as unknown as Rec[]) {
      for (const key of ['description', 'commented_by']) set(activity, key);
    }
  }
  for (const invoice of dataset.invoices.filter((i) => i.customer_id === customerId) as unknown as Rec[]) {
    set(invoice, 'number', true);
    set(invoice, 'status');
    for (const key of ['customer_name', 'notes', 'terms', 'salesperson_name', 'transaction_type']) set(invoice, key);
    invoice.invoice_url = 'javascript:window.__xss=1';
    for (const line of invoice.invoice_items as Rec[]) for (const key of ['name', 'description', 'code']) set(line, key);
    for (const payment of invoice.payments as Rec[]) for (const key of ['payment_mode', 'reference_number', 'description']) set(payment, key);
    for (const comment of invoice.comments as Rec[]) if (comment && typeof comment === 'object') set(comment, 'description');
  }
  for (const tx of dataset.transactions.filter((t) => t.customer_id === customerId) as unknown as Rec[]) {
    for (const key of ['reference_id', 'status', 'type']) set(tx, key);
  }
  return { mustShow };
}

/** Everything that would betray injected markup, as readable lines (empty = safe). */
function injectionProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const tag of INJECTED_TAGS) {
    const found = root.querySelectorAll(tag);
    if (found.length > 0) problems.push(`${found.length} <${tag}> element(s)`);
  }
  if (root.querySelector(`[${XSS_MARKER_ATTRIBUTE}]`)) problems.push(`element with ${XSS_MARKER_ATTRIBUTE}`);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
      if (/^(?:style|srcdoc|formaction|xlink:href)$/i.test(attr.name) && /javascript:|expression\(|url\(/i.test(attr.value)) {
        problems.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
      }
    }
  }
  for (const a of Array.from(root.querySelectorAll('a[href], area[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href.startsWith('https://') || DANGEROUS_SCHEMES.test(href)) problems.push(`link to ${href.slice(0, 60)}`);
  }
  for (const el of Array.from(root.querySelectorAll('[src], [action], [formaction]'))) {
    problems.push(`<${el.tagName.toLowerCase()}> with src/action`);
  }
  if ((window as unknown as { __xss?: unknown }).__xss !== undefined) problems.push('window.__xss was set');
  return problems;
}

async function renderPoisoned(round: number, includeHuge: boolean): Promise<{ world: SandboxHost; mustShow: string[]; container: HTMLElement }> {
  const world = await createSandboxHost({ location: 'ticket', ticketId: D.singleMatchTicketId });
  const saved = await saveSettings(
    world.host,
    {
      version: 0,
      enabled: true,
      organization: { id: B.primaryOrgId, name: 'Zylker', currencyCode: 'USD', dataCenter: 'US' },
      linkedHow: 'auto',
      updatedBy: null,
      updatedAt: null,
    },
    0,
  );
  expect(saved.ok).toBe(true);
  const source = payloadSource(round * 17, includeHuge);
  const { mustShow } = poison(world.sandbox.dataset, B.bowmanCustomerId, source.next);
  const context = world.host.context();
  const { container } = render(
    <PanelApp host={world.host} i18n={createI18n(context.locale, context.user.timeZone)} cacheOptions={{ sleep: async () => undefined, random: () => 0 }} />,
  );
  return { world, mustShow, container };
}

const normalise = (s: string) => s.trim();

describe('hostile Billing text in every panel field', () => {
  beforeEach(() => {
    delete (window as unknown as { __xss?: unknown }).__xss;
  });

  for (const [round, includeHuge] of [
    [0, false],
    [1, true],
  ] as const) {
    it(`round ${round + 1}${includeHuge ? ' (with huge strings)' : ''}: overview, activity, subscriptions, invoices and their details stay text`, async () => {
      const user = userEvent.setup();
      const { mustShow, container } = await renderPoisoned(round, includeHuge);

      // Header: the hostile display name is the customer's heading, as text.
      const name = normalise(mustShow[0]!);
      await waitFor(() => expect(container.textContent).toContain(name), { timeout: 8000 });
      expect(injectionProblems(document.body)).toEqual([]);

      await user.click(await screen.findByRole('tab', { name: 'Overview' }));
      await screen.findByText('Billing address');
      expect(injectionProblems(document.body)).toEqual([]);

      await user.click(screen.getByRole('tab', { name: 'Activity' }));
      await screen.findByRole('group', { name: 'Activity' }, { timeout: 5000 });
      expect(injectionProblems(document.body)).toEqual([]);

      await user.click(screen.getByRole('tab', { name: 'Subscriptions' }));
      const openSubs = await screen.findAllByRole('button', { name: /^Open subscription/ });
      expect(openSubs.length).toBeGreaterThan(0);
      expect(injectionProblems(document.body)).toEqual([]);
      // Markup-looking text is on screen as characters, not swallowed or parsed.
      expect(document.body.textContent).toMatch(/<(?:img|script|svg|iframe|a|details|math)\b/i);
      await user.click(openSubs[0]!);
      // The detail view (plan, add-ons, coupon, card) is open once its way back is offered.
      await screen.findByRole('button', { name: /All subscriptions/ }, { timeout: 5000 });
      await screen.findByText('Plan');
      expect(injectionProblems(document.body)).toEqual([]);

      await user.click(screen.getByRole('tab', { name: 'Invoices' }));
      const list = await screen.findByRole('list', { name: 'Invoices' }, { timeout: 5000 });
      const rows = within(list).getAllByRole('listitem');
      expect(rows.length).toBeGreaterThan(0);
      // Invoice numbers are hostile text too, and must read as such.
      const shownNumbers = mustShow.slice(1).map(normalise).filter((n) => list.textContent?.includes(n));
      expect(shownNumbers.length).toBeGreaterThan(0);
      expect(injectionProblems(document.body)).toEqual([]);
      await user.click(within(rows[0]!).getAllByRole('button')[0]!);
      await screen.findByRole('button', { name: /All invoices/ }, { timeout: 5000 });
      await screen.findByRole('heading', { name: 'Items' }, { timeout: 5000 });
      // The javascript: invoice_url must not become a link (only https links are ever made).
      expect(injectionProblems(document.body)).toEqual([]);
      expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
    }, 60_000);
  }
});

describe('hostile Desk text (ticket subject, contact names) in the panel', () => {
  it("the sandbox's hostile ticket (hostile subject, contact and Billing customer) shows text, injects nothing", async () => {
    const world = await createSandboxHost({ location: 'ticket', ticketId: D.hostileTicketId });
    await saveSettings(
      world.host,
      { version: 0, enabled: true, organization: { id: B.primaryOrgId, name: 'Zylker', currencyCode: 'USD', dataCenter: 'US' }, linkedHow: 'auto', updatedBy: null, updatedAt: null },
      0,
    );
    expect(world.sim.page.ticket).not.toBeNull();
    const context = world.host.context();
    render(<PanelApp host={world.host} i18n={createI18n(context.locale, context.user.timeZone)} cacheOptions={{ sleep: async () => undefined, random: () => 0 }} />);
    await waitFor(() => expect(screen.queryByText('Finding the Billing customer…')).toBeNull(), { timeout: 8000 });
    // Positive signal: the hostile customer is on screen and its tab has finished loading; then nothing may be injected.
    await waitFor(() => expect(document.body.textContent).toContain(B.hostileDisplayName.trim()), { timeout: 8000 });
    await waitFor(() => expect(within(screen.getByRole('tabpanel')).queryByText(/^Loading…$/)).toBeNull(), { timeout: 8000 });
    expect(injectionProblems(document.body)).toEqual([]);
  });
});

/** Wrong types and impossible values where numbers, codes and dates belong. */
function corruptNumbers(dataset: BillingDataset, customerId: string): void {
  const odd = ['12abc', '1e400', 'NaN', '', '-0', '１２３', '9'.repeat(400), null, true, { v: 1 }, [1], -1e21, 1e21];
  let i = 0;
  const next = () => odd[i++ % odd.length];
  const customer = dataset.customers.find((c) => c.customer_id === customerId) as unknown as Rec;
  customer.currency_code = 'QQQ';
  for (const key of ['unused_credits', 'outstanding', 'outstanding_receivable_amount', 'unused_credits_receivable_amount', 'payment_terms']) customer[key] = next();
  customer.created_time = '2026-13-45T99:99:99+9999';
  for (const sub of dataset.subscriptions.filter((s) => s.customer_id === customerId) as unknown as Rec[]) {
    sub.currency_code = ['<b>', 'usd', 'US', 'EURO'][i % 4];
    for (const key of ['amount', 'interval', 'remaining_billing_cycles']) sub[key] = next();
    for (const key of ['next_billing_at', 'current_term_ends_at', 'activated_at']) sub[key] = ['2026-02-30', '0000-00-00', 'tomorrow', 20261127][i++ % 4];
  }
  for (const invoice of dataset.invoices.filter((x) => x.customer_id === customerId) as unknown as Rec[]) {
    invoice.currency_code = 'JPY';
    for (const key of ['total', 'balance', 'sub_total', 'tax_total', 'payment_made']) invoice[key] = next();
    invoice.invoice_date = ['2026-02-29', '', '27/11/2026'][i++ % 3];
    for (const line of invoice.invoice_items as Rec[]) for (const key of ['price', 'quantity', 'item_total']) line[key] = next();
  }
  for (const tx of dataset.transactions.filter((t) => t.customer_id === customerId) as unknown as Rec[]) {
    tx.amount = next();
    tx.date = '2026-11-31';
  }
}

describe('impossible numbers, currencies and dates', () => {
  it('the panel still shows the customer on every tab (no crash, no NaN on screen)', async () => {
    const user = userEvent.setup();
    const world = await createSandboxHost({ location: 'ticket', ticketId: D.singleMatchTicketId });
    await saveSettings(
      world.host,
      { version: 0, enabled: true, organization: { id: B.primaryOrgId, name: 'Zylker', currencyCode: 'USD', dataCenter: 'US' }, linkedHow: 'auto', updatedBy: null, updatedAt: null },
      0,
    );
    corruptNumbers(world.sandbox.dataset, B.bowmanCustomerId);
    const context = world.host.context();
    render(<PanelApp host={world.host} i18n={createI18n(context.locale, context.user.timeZone)} cacheOptions={{ sleep: async () => undefined, random: () => 0 }} />);
    const heading = await screen.findByRole('heading', { name: /Bowman/ }, { timeout: 8000 });
    for (const tab of ['Overview', 'Activity', 'Subscriptions', 'Invoices']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      // Positive signal: the tab's own reads have answered (no loading indicator left in its panel).
      await waitFor(() => {
        const panel = screen.getByRole('tabpanel');
        expect(within(panel).queryByText(/^Loading…$/)).toBeNull();
        expect(panel.querySelector('.skeleton, .spinner')).toBeNull();
      }, { timeout: 8000 });
      expect(heading).toBeInTheDocument();
      expect(document.body.textContent).not.toMatch(/\bNaN\b|Infinity|undefined|\[object Object\]|Invalid Date/);
    }
    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    const list = await screen.findByRole('list', { name: 'Invoices' }, { timeout: 5000 });
    await user.click(within(list).getAllByRole('listitem')[0]!.querySelector('button')!);
    await screen.findByRole('heading', { name: 'Items' }, { timeout: 5000 });
    expect(document.body.textContent).not.toMatch(/\bNaN\b|Infinity|undefined|\[object Object\]|Invalid Date/);
  }, 60_000);
});

describe('the injection detector itself', () => {
  it('finds injected elements, handlers, marker attributes and non-https links', () => {
    const div = document.createElement('div');
    div.appendChild(document.createElement('img'));
    const a = document.createElement('a');
    a.setAttribute('href', 'javascript:void 0');
    a.setAttribute('onclick', 'x');
    div.appendChild(a);
    const span = document.createElement('span');
    span.setAttribute(XSS_MARKER_ATTRIBUTE, '');
    div.appendChild(span);
    const problems = injectionProblems(div);
    expect(problems).toEqual(expect.arrayContaining(['1 <img> element(s)', '<a onclick>', `element with ${XSS_MARKER_ATTRIBUTE}`, 'link to javascript:void 0']));
  });
});
