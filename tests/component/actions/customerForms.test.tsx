import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../../src/billing/types';
import type { DeskAccount } from '../../../src/host/types';
import { CreateCustomerForm, EditAddressesForm } from '../../../src/panel/actions';
import { DESK_FIXTURES } from '../../../src/sandbox/desk/deskFixtures';
import { CUSTOMER_ID, isPost, json, setupActions } from './harness';

async function setupCreate(locale = 'en') {
  const t = await setupActions({ location: 'contact', contactId: DESK_FIXTURES.noMatchContactId, locale });
  const contact = await t.host.contact();
  if (!contact.ok) throw new Error('no contact');
  let account: DeskAccount | null = null;
  if (contact.value.accountId) {
    const a = await t.host.account(contact.value.accountId);
    if (a.ok) account = a.value;
  }
  const onCreated = vi.fn<(c: Customer) => void>();
  t.renderUi(<CreateCustomerForm host={t.host} api={t.api} contact={contact.value} account={account} onCreated={onCreated} />);
  const email = contact.value.emails[0]!;
  const customersWith = (mail: string) => t.sandbox.dataset.customers.filter((c) => c.email === mail);
  return { ...t, contact: contact.value, account, onCreated, email, customersWith, user: userEvent.setup() };
}

describe('CreateCustomerForm', () => {
  it('is prefilled from the Desk contact and creates exactly one Billing customer after asking', async () => {
    const t = await setupCreate();
    expect(t.customersWith(t.email)).toHaveLength(0);
    expect(screen.getByLabelText(/Display name/)).toHaveValue(t.contact.name);
    expect(screen.getByLabelText(/Email/)).toHaveValue(t.email);
    expect(screen.getByLabelText('First name')).toHaveValue(t.contact.firstName);
    if (t.account) expect(screen.getByLabelText('Company')).toHaveValue(t.account.name);
    const billing = screen.getByRole('group', { name: 'Billing address' });
    await t.user.clear(within(billing).getByLabelText('City'));
    await t.user.type(within(billing).getByLabelText('City'), 'Osaka');
    expect(screen.getByRole('checkbox', { name: /same as the billing address/ })).toBeChecked();

    await t.user.click(screen.getByRole('button', { name: 'Create customer' }));

    await waitFor(() => expect(t.onCreated).toHaveBeenCalledTimes(1));
    expect(t.confirmations).toHaveLength(1);
    expect(t.confirmations[0]!.content).toContain(t.email);
    const created = t.customersWith(t.email);
    expect(created).toHaveLength(1);
    expect(created[0]!.display_name).toBe(t.contact.name);
    expect(created[0]!.billing_address.city).toBe('Osaka');
    expect(created[0]!.shipping_address.city).toBe('Osaka');
    expect(t.onCreated.mock.calls[0]![0]).toMatchObject({ id: created[0]!.customer_id, email: t.email });
    expect(t.notifications().at(-1)).toMatchObject({ icon: 'success' });
  });

  it('separate shipping address when "same as billing" is unticked', async () => {
    const t = await setupCreate();
    await t.user.click(screen.getByRole('checkbox', { name: /same as the billing address/ }));
    const shipping = screen.getByRole('group', { name: 'Shipping address' });
    await t.user.clear(within(shipping).getByLabelText('Street'));
    await t.user.type(within(shipping).getByLabelText('Street'), '9 Dock Rd');
    await t.user.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(t.onCreated).toHaveBeenCalled());
    expect(t.customersWith(t.email)[0]!.shipping_address.street).toBe('9 Dock Rd');
  });

  it('explains missing or invalid fields next to them and sends nothing', async () => {
    const t = await setupCreate();
    await t.user.clear(screen.getByLabelText(/Display name/));
    await t.user.clear(screen.getByLabelText(/Email/));
    await t.user.type(screen.getByLabelText(/Email/), 'not-an-email');
    await t.user.click(screen.getByRole('button', { name: 'Create customer' }));
    expect(await screen.findByText('Enter a display name.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toHaveAccessibleDescription('Enter a valid email address, such as name@example.com.');
    expect(screen.getByLabelText(/Display name/)).toHaveFocus();
    expect(t.confirmations).toHaveLength(0);
    expect(t.posts('/customers')).toBe(0);
  });

  it('a refusal shows Billing\'s reason, keeps what the agent typed, and the corrected retry creates one', async () => {
    const t = await setupCreate();
    const name = screen.getByLabelText(/Display name/);
    await t.user.clear(name);
    // The sandbox refuses a display name that already exists (HTTP 400, code 3062).
    await t.user.type(name, 'Bowman Furniture');
    await t.user.type(screen.getByLabelText('Phone'), '9');
    const phone = (screen.getByLabelText('Phone') as HTMLInputElement).value;
    await t.user.click(screen.getByRole('button', { name: 'Create customer' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Zoho Billing refused the request.');
    expect(alert).toHaveTextContent('already exists');
    expect(alert).toHaveTextContent('Your entries are kept');
    expect(screen.getByLabelText(/Display name/)).toHaveValue('Bowman Furniture');
    expect(screen.getByLabelText('Phone')).toHaveValue(phone);
    expect(t.customersWith(t.email)).toHaveLength(0);
    expect(t.onCreated).not.toHaveBeenCalled();

    await t.user.clear(screen.getByLabelText(/Display name/));
    await t.user.type(screen.getByLabelText(/Display name/), 'Bowman Furniture (Osaka)');
    await t.user.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(t.onCreated).toHaveBeenCalledTimes(1));
    expect(t.customersWith(t.email)).toHaveLength(1);
  });

  it('an unreachable Billing is said in plain words', async () => {
    const t = await setupCreate();
    t.refuse(isPost('/customers'), () => new Response('<html>502</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    await t.user.click(screen.getByRole('button', { name: 'Create customer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Zoho Billing ran into a problem.');
    expect(t.customersWith(t.email)).toHaveLength(0);
  });

  it('speaks Japanese', async () => {
    await setupCreate('ja');
    expect(screen.getByRole('group', { name: '請求先住所' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '顧客を作成' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '納品先住所は請求先住所と同じ' })).toBeInTheDocument();
  });

  it('asks in Japanese order for a Japanese agent: 姓 before 名, 郵便番号 → 都道府県 → 市区町村 → 町名・番地 → 建物名', async () => {
    await setupCreate('ja');
    const labels = screen.getAllByRole('textbox').map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const at = (label: string) => labels.indexOf(label);
    expect(at('姓')).toBeGreaterThanOrEqual(0);
    expect(at('姓')).toBeLessThan(at('名'));
    const address = within(screen.getByRole('group', { name: '請求先住所' }))
      .getAllByRole('textbox')
      .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const order = ['郵便番号', '都道府県・州', '市区町村', '町名・番地', '建物名・部屋番号'].map((l) => address.indexOf(l));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('asks in English order for an English agent: first name, then last name; street first, postal code last', async () => {
    await setupCreate('en');
    const labels = screen.getAllByRole('textbox').map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(labels.indexOf('First name')).toBeLessThan(labels.indexOf('Last name'));
    const address = within(screen.getByRole('group', { name: 'Billing address' }))
      .getAllByRole('textbox')
      .map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(address.indexOf('Street')).toBeLessThan(address.indexOf('Postal code'));
  });
});

describe('EditAddressesForm', () => {
  async function setupEdit() {
    const t = await setupActions({ location: 'ticket' });
    const customer = await t.api.getCustomer(CUSTOMER_ID);
    const onSaved = vi.fn<(c: Customer) => void>();
    t.renderUi(<EditAddressesForm host={t.host} api={t.api} customer={customer} onSaved={onSaved} />);
    const wire = () => t.sandbox.dataset.customers.find((c) => c.customer_id === CUSTOMER_ID)!;
    return { ...t, customer, onSaved, wire, user: userEvent.setup() };
  }

  it('changes the shipping address only, after asking, and keeps name and email', async () => {
    const t = await setupEdit();
    const billingBefore = structuredClone(t.wire().billing_address);
    const shipping = screen.getByRole('group', { name: 'Shipping address' });
    expect(within(shipping).getByLabelText('Street')).toHaveValue(t.customer.shippingAddress?.street ?? '');
    await t.user.clear(within(shipping).getByLabelText('Street'));
    await t.user.type(within(shipping).getByLabelText('Street'), '77 Harbour Way');
    await t.user.click(screen.getByRole('button', { name: 'Save addresses' }));
    await waitFor(() => expect(t.onSaved).toHaveBeenCalledTimes(1));
    expect(t.confirmations).toHaveLength(1);
    expect(t.wire().shipping_address.street).toBe('77 Harbour Way');
    expect(t.wire().billing_address).toEqual(billingBefore);
    expect(t.wire().display_name).toBe(t.customer.displayName);
    expect(t.wire().email).toBe(t.customer.email);
    expect(t.onSaved.mock.calls[0]![0].shippingAddress?.street).toBe('77 Harbour Way');
  });

  it('says when nothing changed and sends nothing', async () => {
    const t = await setupEdit();
    await t.user.click(screen.getByRole('button', { name: 'Save addresses' }));
    expect(await screen.findByText('Nothing has changed yet.')).toBeInTheDocument();
    expect(t.confirmations).toHaveLength(0);
    expect(t.sandbox.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('a failure keeps the edits and shows why', async () => {
    const t = await setupEdit();
    t.refuse(
      (r) => r.method === 'PUT',
      () => json(400, { code: 4, message: 'Invalid value passed for zip' }),
    );
    const billing = screen.getByRole('group', { name: 'Billing address' });
    await t.user.clear(within(billing).getByLabelText('Postal code'));
    await t.user.type(within(billing).getByLabelText('Postal code'), '??');
    await t.user.click(screen.getByRole('button', { name: 'Save addresses' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid value passed for zip');
    expect(within(billing).getByLabelText('Postal code')).toHaveValue('??');
    expect(t.onSaved).not.toHaveBeenCalled();
  });
});
