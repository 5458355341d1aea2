/**
 * Money in the create-invoice/quote form (issue 11, SPEC B8/B9): a line is in the customer's currency,
 * catalog prices are in the organization's base currency, the quote has Zoho's quote shape, and every
 * bound has a message that names the problem and goes away as soon as the value is right.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CreateDocumentForm } from '../../../src/panel/actions';
import { CUSTOMER_ID, isPost, JAPANESE_CUSTOMER_ID, json, setupActions } from './harness';

const TODAY = '2026-11-27';
// Each test drives a whole form through many user events against the sandbox: on a loaded machine that
// takes longer than vitest's 5 s default without anything being wrong.
vi.setConfig({ testTimeout: 30_000 });
type Body = Record<string, unknown>;

interface OpenOptions {
  customerId?: string;
  kind?: 'invoice' | 'quote';
  locale?: string;
  /** Opened from a contact page: no ticket, no reply editor. */
  location?: 'contact';
  /** The organization is passed, so a created invoice offers its payment link. */
  offersLink?: boolean;
}

async function open(options: OpenOptions = {}) {
  const t = await setupActions({ ...(options.locale ? { locale: options.locale } : {}), ...(options.location ? { location: options.location } : {}) });
  const customer = await t.api.getCustomer(options.customerId ?? CUSTOMER_ID);
  const onTicket = options.location === undefined;
  t.renderUi(
    <CreateDocumentForm
      host={t.host}
      api={t.api}
      kind={options.kind ?? 'invoice'}
      customer={customer}
      baseCurrency={t.org.currency_code}
      {...(options.offersLink ? { organization: { id: t.org.organization_id, dataCenter: 'US' as const }, canInsert: onTicket } : {})}
      ticketNumber={onTicket ? '104233' : null}
      today={TODAY}
    />,
  );
  /** The JSON bodies the form POSTs to `path`, read as Billing receives them. */
  const sent: Body[] = [];
  const capture = (path: string) =>
    t.intercept(isPost(path), async (landed, request) => {
      sent.push((await request.json()) as Body);
      return landed;
    });
  await screen.findByRole('list', { name: /items and plans found|見つかった商品とプラン/i });
  return { ...t, customer, sent, capture, user: userEvent.setup() };
}

describe('a JPY customer in a USD organization', () => {
  it('shows catalog prices in dollars, asks for the yen price, and sends only the yen the agent entered', async () => {
    const t = await open({ customerId: JAPANESE_CUSTOMER_ID });
    expect(t.org.currency_code).toBe('USD');
    expect(t.customer.currencyCode).toBe('JPY');
    // The catalog row says dollars, never "¥500".
    const results = screen.getByRole('list', { name: 'Items and plans found' });
    const row = within(results).getByText('導入支援サービス').closest('li')!;
    expect(row).toHaveTextContent('$500.00');
    expect(results).not.toHaveTextContent('¥');
    expect(screen.getByText(/This customer is billed in JPY\. Catalog prices are in USD/)).toBeInTheDocument();

    await t.user.click(screen.getByRole('button', { name: 'Add 導入支援サービス' }));
    const price = screen.getByLabelText('Price of 導入支援サービス (JPY)');
    // Not pre-filled with the dollar number; the dollar price is a hint in its own currency.
    expect(price).toHaveValue('');
    expect(price).toHaveAccessibleDescription('Catalog price: $500.00 (USD)');
    expect(screen.getByRole('status', { name: 'Total (before tax)' }).textContent).toMatch(/^[¥￥]0$/);

    await t.user.type(price, '75000');
    expect(screen.getByRole('status', { name: 'Total (before tax)' }).textContent).toMatch(/^[¥￥]75,000$/);
    t.capture('/invoices');
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for 株式会社山田商事/);
    expect(t.confirmations[0]!.content).toMatch(/Total \(before tax\): [¥￥]75,000/);

    const body = t.sent[0]!;
    expect(body.invoice_items).toEqual([expect.objectContaining({ rate: 75000, price: 75000, quantity: 1 })]);
    // No rate is known between USD and JPY: none is invented.
    expect(body).not.toHaveProperty('exchange_rate');
    const created = t.sandbox.dataset.invoices.at(-1)!;
    expect(created).toMatchObject({ customer_id: JAPANESE_CUSTOMER_ID, currency_code: 'JPY', total: 75000 });
  });

  it('will not create the invoice until the yen price is entered, and says so in Japanese', async () => {
    const t = await open({ customerId: JAPANESE_CUSTOMER_ID, locale: 'ja' });
    await t.user.click(screen.getByRole('button', { name: '導入支援サービス を追加' }));
    expect(screen.getByLabelText('導入支援サービス の単価（JPY）')).toHaveAccessibleDescription('カタログ価格：$500.00（USD）');
    await t.user.click(screen.getByRole('button', { name: '請求書を作成' }));
    expect(await screen.findByText('単価を JPY で入力してください。')).toBeInTheDocument();
    expect(t.confirmations).toHaveLength(0);
    expect(t.posts('/invoices')).toBe(0);
  });

  it('a USD customer in the USD organization gets the catalog price filled in and exchange_rate 1', async () => {
    const t = await open();
    await t.user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
    const price = screen.getByLabelText('Price of On-site setup (USD)');
    expect(price).toHaveValue('149');
    expect(price).not.toHaveAccessibleDescription(/Catalog price/);
    t.capture('/invoices');
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for/);
    expect(t.sent[0]).toMatchObject({ exchange_rate: 1, invoice_items: [expect.objectContaining({ rate: 149, price: 149 })] });
  });
});

describe('a quote', () => {
  it("is posted in Zoho's quote shape (line_items with item_id and rate), which the sandbox accepts", async () => {
    const t = await open({ kind: 'quote' });
    await t.user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
    t.capture('/estimates');
    await t.user.click(screen.getByRole('button', { name: 'Create quote' }));
    await screen.findByText(/Quote .* was created for Bowman Furniture/);
    const body = t.sent[0]!;
    expect(body).not.toHaveProperty('invoice_items');
    expect(body.line_items).toEqual([expect.objectContaining({ item_id: expect.any(String), rate: 149, quantity: 1 })]);
    expect((body.line_items as Body[])[0]).not.toHaveProperty('product_id');
    expect((body.line_items as Body[])[0]).not.toHaveProperty('price');
    expect(t.sandbox.dataset.estimates.at(-1)).toMatchObject({ customer_id: CUSTOMER_ID, total: 149 });
  });
});

describe('bounds and their messages', () => {
  it('a 20-digit quantity is refused with the limit, and the message goes as soon as the quantity is right', async () => {
    const t = await open();
    await t.user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
    const qty = screen.getByLabelText('Quantity of On-site setup');
    await t.user.clear(qty);
    await t.user.paste('99999999999999999999');
    await t.user.tab();
    expect(qty).toHaveAccessibleDescription('The quantity can be at most 100,000.');
    // No 23-digit total: the line and the document total wait for a valid quantity.
    expect(screen.getByRole('status', { name: 'Total (before tax)' })).toHaveTextContent('$0.00');
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(t.confirmations).toHaveLength(0);

    await t.user.clear(qty);
    await t.user.type(qty, '3');
    expect(qty).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('The quantity can be at most 100,000.')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Total (before tax)' })).toHaveTextContent('$447.00');

    await t.user.clear(qty);
    await t.user.type(qty, '1.255');
    expect(qty).toHaveAccessibleDescription('The quantity can have at most 2 decimal places.');
    await t.user.clear(qty);
    await t.user.type(qty, '0');
    expect(qty).toHaveAccessibleDescription('Enter a quantity greater than 0.');
    await t.user.clear(qty);
    expect(qty).toHaveAccessibleDescription('Enter a quantity.');
    await t.user.type(qty, '1.25');
    expect(qty).not.toHaveAttribute('aria-invalid');
  });

  it('each price problem is named: "1e9", too large, negative, too many decimals; each clears when fixed', async () => {
    const t = await open();
    await t.user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
    const price = screen.getByLabelText('Price of On-site setup (USD)');
    const retype = async (text: string) => {
      await t.user.clear(price);
      if (text) await t.user.type(price, text);
      await t.user.tab();
    };
    await retype('1e9');
    expect(price).toHaveAccessibleDescription('Type the price in digits, for example 1500.50.');
    await retype('1000000000');
    expect(price).toHaveAccessibleDescription('The price can be at most $100,000,000.00.');
    await retype('-5');
    expect(price).toHaveAccessibleDescription('The price cannot be negative.');
    await retype('12.345');
    expect(price).toHaveAccessibleDescription('USD prices can have at most 2 decimal places.');
    await retype('');
    expect(price).toHaveAccessibleDescription('Enter the price in USD.');
    // "1,500" is fifteen hundred, not 1.5.
    await retype('1,500');
    expect(price).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('status', { name: 'Total (before tax)' })).toHaveTextContent('$1,500.00');
    await retype('100000000');
    expect(price).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('status', { name: 'Total (before tax)' })).toHaveTextContent('$100,000,000.00');
  });

  it('yen has no decimals: "1500.5" is refused in words, "1500" is fine', async () => {
    const t = await open({ customerId: JAPANESE_CUSTOMER_ID });
    await t.user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
    const price = screen.getByLabelText('Price of On-site setup (JPY)');
    await t.user.type(price, '1500.5');
    await t.user.tab();
    expect(price).toHaveAccessibleDescription(/JPY prices have no decimal places\./);
    await t.user.type(price, '{Backspace}{Backspace}');
    expect(price).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('status', { name: 'Total (before tax)' }).textContent).toMatch(/^[¥￥]1,500$/);
  });
});

/** A draft invoice for Bowman Furniture, just created, with its payment-link offer on screen. */
async function createdInvoice(options: Pick<OpenOptions, 'location'> = {}) {
  const t = await open({ ...options, offersLink: true });
  await t.user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
  await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
  await screen.findByText(/was created for Bowman Furniture/);
  return t;
}

describe('after creating an invoice', () => {
  it('offers its payment link: the draft is opened at the agent\'s word, then the link goes into the reply', async () => {
    const t = await createdInvoice();
    const user = t.user;
    const invoice = t.sandbox.dataset.invoices.at(-1)!;
    expect(invoice.status).toBe('draft');
    expect(screen.getByText(/The invoice is a draft: the customer cannot pay it yet/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await user.click(await screen.findByRole('button', { name: 'Insert payment link' }));
    expect(await screen.findByText('Payment link inserted into the reply.')).toBeInTheDocument();
    expect(invoice.status).toBe('sent');
    expect(t.posts(`/invoices/${invoice.invoice_id}/converttoopen`)).toBe(1);
    const inserted = t.sim.log.inserted as Array<{ value: string }>;
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.value).toContain(`You can view and pay invoice ${invoice.number} using the link below.`);
    // The new invoice has a page of its own (`invoice_url`), which lasts: no hosted page is made.
    expect(inserted[0]!.value).toContain(`<a href="${invoice.invoice_url.replace(/&/g, '&amp;')}"`);
    expect(t.posts('/hostedpages/invoicepayment')).toBe(0);
  });

  it('a draft Billing will not open stays a draft: the reason is shown and no link is offered', async () => {
    const t = await createdInvoice();
    t.refuse(
      (request) => request.method === 'POST' && new URL(request.url).pathname.endsWith('/converttoopen'),
      () => json(400, { code: 4, message: 'Only draft invoices can be converted to open.' }),
    );
    await t.user.click(await screen.findByRole('button', { name: 'Mark as sent' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only draft invoices can be converted to open.');
    expect(screen.queryByRole('button', { name: 'Insert payment link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark as sent' })).toBeEnabled();
    expect(t.sandbox.dataset.invoices.at(-1)!.status).toBe('draft');
  });

  it('without a reply editor (contact page) the opened invoice offers Copy, not Insert', async () => {
    const t = await createdInvoice({ location: 'contact' });
    await t.user.click(await screen.findByRole('button', { name: 'Mark as sent' }));
    expect(await screen.findByRole('button', { name: 'Copy payment link' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Insert payment link' })).not.toBeInTheDocument();
  });
});
