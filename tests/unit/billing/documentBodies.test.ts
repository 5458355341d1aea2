/**
 * The invoice and quote bodies the panel POSTs (src/billing/documentBodies.ts): every field Zoho's OpenAPI
 * files name, with the amounts exactly as entered, and a document Billing would get wrong refused before any call.
 */
import { describe, expect, it } from 'vitest';
import { bodies, customerAddressesBody, customerBody, invoiceBody, invoiceEmailBody, invoicePaymentBody, quoteBody } from '../../../src/billing/documentBodies';
import { BillingError } from '../../../src/billing/errors';
import type { Customer, CustomerInput, DocumentInput, DocumentLineInput } from '../../../src/billing/types';

const line = (over: Partial<DocumentLineInput> = {}): DocumentLineInput => ({ productId: 'p1', name: 'Support hours', price: 120.5, quantity: 3, ...over });
const input = (over: Partial<DocumentInput> = {}): DocumentInput => ({
  customerId: 'c1',
  date: '2026-11-27',
  referenceNumber: 'Ticket #104233',
  lines: [line()],
  ...over,
});

/** What the agent is told when a document is refused before sending: Billing's kind and the problems named. */
function refusal(build: () => unknown): { kind: string; message: string; detail: string | undefined } {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(BillingError);
    const error = e as BillingError;
    return { kind: error.kind, message: error.message, detail: error.detail };
  }
  throw new Error('the document was not refused');
}

describe('the invoice Billing receives', () => {
  it('carries the customer, date, reference and each line with its product, price as rate and price, and quantity', () => {
    expect(invoiceBody(input({ lines: [line(), line({ productId: 'p2', name: 'Setup', price: 0, quantity: 1.5 })] }))).toEqual({
      customer_id: 'c1',
      date: '2026-11-27',
      reference_number: 'Ticket #104233',
      invoice_items: [
        { product_id: 'p1', name: 'Support hours', rate: 120.5, price: 120.5, quantity: 3 },
        { product_id: 'p2', name: 'Setup', rate: 0, price: 0, quantity: 1.5 },
      ],
    });
  });

  it('sends a line description and notes only when there are some', () => {
    const body = invoiceBody(input({ notes: 'Thank you', lines: [line({ description: 'November' }), line({ description: '' })] }));
    expect(body.notes).toBe('Thank you');
    expect(body.invoice_items).toEqual([
      { product_id: 'p1', name: 'Support hours', description: 'November', rate: 120.5, price: 120.5, quantity: 3 },
      { product_id: 'p1', name: 'Support hours', rate: 120.5, price: 120.5, quantity: 3 },
    ]);
    expect(invoiceBody(input({ notes: '' }))).not.toHaveProperty('notes');
    // Not even as an undefined key: the body is exactly the fields Billing documents.
    const plain = invoiceBody(input());
    expect(Object.keys(plain)).toEqual(['customer_id', 'date', 'reference_number', 'invoice_items']);
    expect(Object.keys((plain.invoice_items as object[])[0]!)).toEqual(['product_id', 'name', 'rate', 'price', 'quantity']);
  });

  it('sends the exchange rate only when it is known', () => {
    expect(invoiceBody(input({ exchangeRate: 1 })).exchange_rate).toBe(1);
    expect(invoiceBody(input({ exchangeRate: 0.0067 })).exchange_rate).toBe(0.0067);
    expect(invoiceBody(input())).not.toHaveProperty('exchange_rate');
  });
});

describe('the quote Billing receives', () => {
  it("has Zoho's quote shape: line_items with item_id, rate and quantity (no price)", () => {
    expect(quoteBody(input({ notes: 'Valid 30 days', exchangeRate: 1, lines: [line({ description: 'Q1' })] }))).toEqual({
      customer_id: 'c1',
      date: '2026-11-27',
      reference_number: 'Ticket #104233',
      exchange_rate: 1,
      notes: 'Valid 30 days',
      line_items: [{ item_id: 'p1', name: 'Support hours', description: 'Q1', rate: 120.5, quantity: 3 }],
    });
  });
});

describe('a document Billing would get wrong is refused before any call', () => {
  it.each([
    ['an invoice', invoiceBody],
    ['a quote', quoteBody],
  ] as const)('%s with a free line (price exactly 0) is accepted', (_, build) => {
    expect(() => build(input({ lines: [line({ price: 0 })] }))).not.toThrow();
  });

  it.each([
    ['an invoice', invoiceBody],
    ['a quote', quoteBody],
  ] as const)('%s line without a product is refused, naming the line', (_, build) => {
    expect(refusal(() => build(input({ lines: [line(), line({ productId: '  ' })] })))).toEqual({
      kind: 'rejected',
      message: 'The document is incomplete',
      detail: 'line 2 has no product',
    });
  });

  it('names every problem at once, line by line', () => {
    const bad = input({
      customerId: ' ',
      date: '27/11/2026',
      lines: [line({ price: -5 }), line({ price: Number.NaN, quantity: 0 }), line({ quantity: Number.POSITIVE_INFINITY }), line({ quantity: -1 })],
      exchangeRate: 0,
    });
    expect(refusal(() => invoiceBody(bad)).detail).toBe(
      [
        'no customer',
        'date "27/11/2026" is not YYYY-MM-DD',
        'line 1 has no valid price',
        'line 2 has no valid price',
        'line 2 has no valid quantity',
        'line 3 has no valid quantity',
        'line 4 has no valid quantity',
        'the exchange rate is not a positive number',
      ].join('; '),
    );
  });

  it('refuses a document without lines, an infinite price and an exchange rate that is not a number', () => {
    expect(refusal(() => quoteBody(input({ lines: [] }))).detail).toBe('no lines');
    expect(refusal(() => quoteBody(input({ lines: [line({ price: Number.POSITIVE_INFINITY })] }))).detail).toBe('line 1 has no valid price');
    expect(refusal(() => quoteBody(input({ exchangeRate: Number.NaN }))).detail).toBe('the exchange rate is not a positive number');
    expect(refusal(() => quoteBody(input({ exchangeRate: -1 }))).detail).toBe('the exchange rate is not a positive number');
    expect(refusal(() => quoteBody(input({ exchangeRate: Number.POSITIVE_INFINITY }))).detail).toBe('the exchange rate is not a positive number');
  });
});

const person = (over: Partial<CustomerInput> = {}): CustomerInput => ({
  displayName: '', firstName: '', lastName: '', email: ' hana@example.jp ', companyName: '', phone: '', billingAddress: null, shippingAddress: null, ...over,
});

describe('the customer Billing receives', () => {
  it('is named by its display name, else the company, else the full name, else the email, all trimmed', () => {
    expect(customerBody(person({ displayName: ' Yamada Trading ', companyName: 'ACME' })).display_name).toBe('Yamada Trading');
    expect(customerBody(person({ displayName: ' ', companyName: ' 株式会社山田商事 ', firstName: 'Hana' })).display_name).toBe('株式会社山田商事');
    expect(customerBody(person({ firstName: ' Hana ', lastName: ' Yamada ' })).display_name).toBe('Hana Yamada');
    expect(customerBody(person({ lastName: 'Yamada' })).display_name).toBe('Yamada');
    expect(customerBody(person()).display_name).toBe('hana@example.jp');
  });

  it('sends the two required fields, and the optional ones only when given, trimmed', () => {
    expect(customerBody(person({ displayName: 'Hana' }))).toEqual({ display_name: 'Hana', email: 'hana@example.jp' });
    expect(customerBody(person({ firstName: ' Hana ', lastName: 'Yamada ', companyName: ' ACME', phone: ' +81 3 1234 5678 ' }))).toEqual({
      display_name: 'ACME', email: 'hana@example.jp', first_name: 'Hana', last_name: 'Yamada', company_name: 'ACME', phone: '+81 3 1234 5678',
    });
  });

  it('sends each address with only the fields that were filled in', () => {
    const body = customerBody(person({
      displayName: 'Hana',
      billingAddress: { attention: 'Accounts', street: '1-2-3 Ginza', street2: '', city: 'Chuo-ku', state: 'Tokyo', zip: '104-0061', country: 'Japan', phone: '03', fax: '04' },
      shippingAddress: { city: 'Osaka' },
    }));
    expect(body.billing_address).toEqual({ attention: 'Accounts', street: '1-2-3 Ginza', street2: '', city: 'Chuo-ku', state: 'Tokyo', zip: '104-0061', country: 'Japan', phone: '03', fax: '04' });
    expect(body.shipping_address).toEqual({ city: 'Osaka' });
    expect(customerBody(person({ billingAddress: { city: undefined as unknown as string } })).billing_address).toEqual({});
  });

  it('a new address is sent with the display name and email Billing requires, unchanged', () => {
    const customer = { displayName: 'Yamada Trading', email: 'ap@yamada.jp' } as Customer;
    expect(customerAddressesBody({ customer, billing: { city: 'Tokyo' }, shipping: null })).toEqual({ display_name: 'Yamada Trading', email: 'ap@yamada.jp', billing_address: { city: 'Tokyo' } });
    expect(customerAddressesBody({ customer, billing: null, shipping: { zip: '530-0001' } })).toEqual({ display_name: 'Yamada Trading', email: 'ap@yamada.jp', shipping_address: { zip: '530-0001' } });
  });

  it('a payment link is asked for by the invoice id', () => {
    expect(invoicePaymentBody('2468013000000079426')).toEqual({ invoice_id: '2468013000000079426' });
  });

  it('the call table finds every builder by its name', () => {
    expect(bodies).toMatchObject({ customer: customerBody, customerAddresses: customerAddressesBody, invoice: invoiceBody, quote: quoteBody, invoicePayment: invoicePaymentBody, invoiceEmail: invoiceEmailBody });
  });
});

describe('the invoice e-mail Billing receives', () => {
  it('sends the trimmed recipients, copies only when there are some, the subject trimmed and the text as written', () => {
    expect(invoiceEmailBody({ to: [' ap@yamada.jp ', ''], subject: ' Invoice INV-000241 ', body: ' Dear Hana,\n' })).toEqual({
      to_mail_ids: ['ap@yamada.jp'], subject: 'Invoice INV-000241', body: ' Dear Hana,\n',
    });
    expect(invoiceEmailBody({ to: ['ap@yamada.jp'], cc: [' boss@yamada.jp', ' '], subject: 'S', body: 'B' })).toEqual({
      to_mail_ids: ['ap@yamada.jp'], cc_mail_ids: ['boss@yamada.jp'], subject: 'S', body: 'B',
    });
    expect(invoiceEmailBody({ to: ['ap@yamada.jp'], cc: [], subject: 'S', body: 'B' })).not.toHaveProperty('cc_mail_ids');
  });

  it('an e-mail Billing could not send is refused before any call, naming every problem', () => {
    expect(refusal(() => invoiceEmailBody({ to: [' '], cc: ['not-an-address', 'a b@c.d'], subject: ' ', body: '  ' }))).toEqual({
      kind: 'rejected',
      message: 'The e-mail is incomplete',
      detail: 'no recipient; "not-an-address" is not an e-mail address; "a b@c.d" is not an e-mail address; no subject; no text',
    });
    expect(refusal(() => invoiceEmailBody({ to: ['@yamada.jp', 'ap@'], subject: 'S', body: 'B' })).detail).toBe('"@yamada.jp" is not an e-mail address; "ap@" is not an e-mail address');
    expect(refusal(() => invoiceEmailBody({ to: ['x ap@yamada.jp'], subject: 'S', body: 'B' })).detail).toBe('"x ap@yamada.jp" is not an e-mail address');
  });
});
