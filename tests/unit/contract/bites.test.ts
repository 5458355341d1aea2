/** The contract checks bite: bodies, parameters and answers broken on purpose leave Zoho's files and fail. */
import { describe, expect, it } from 'vitest';
import { invoiceBody, quoteBody } from '../../../src/billing/documentBodies';
import { checkAnswer, checkRequest } from './contract';

const BASE = 'https://www.zohoapis.com/billing/v1';
const input = { customerId: '2468013000000051001', date: '2026-11-27', referenceNumber: 'DESK-104233', lines: [{ productId: '1', name: 'Setup', price: 10, quantity: 2 }] };
const post = (path: string, body: unknown, query = '') => ({ method: 'POST', url: `${BASE}${path}${query}`, body });
const answer = (method: string, path: string, status: number, body: unknown) => ({ method, url: `${BASE}${path}`, status, answer: body, contentType: 'application/json' });

describe('the contract check fails a request that leaves Zoho\'s files', () => {
  it('passes the bodies the client builds', () => {
    expect(checkRequest(post('/invoices', invoiceBody(input), '?send=false'))).toEqual([]);
    expect(checkRequest(post('/estimates', quoteBody(input)))).toEqual([]);
  });

  it('an undocumented body property, top level or in a line', () => {
    expect(checkRequest(post('/invoices', { ...invoiceBody(input), currency_code: 'USD' }))).toEqual([
      'POST /invoices: body property currency_code is not documented',
    ]);
    const body = quoteBody(input) as { line_items: Record<string, unknown>[] };
    body.line_items[0]!.product_id = '1';
    expect(checkRequest(post('/estimates', body))).toEqual(['POST /estimates: body property line_items[].product_id is not documented']);
  });

  it('the invoice shape posted to /estimates (the quote-body defect of last time)', () => {
    expect(checkRequest(post('/estimates', invoiceBody(input)))).toContain('POST /estimates: body property invoice_items is not documented');
    expect(checkRequest(post('/estimates', invoiceBody(input)))).toContain("POST /estimates: body property line_items is required by Zoho's files and not sent");
  });

  it('a wrong type and a value outside the allowed ones', () => {
    const body = invoiceBody(input) as { invoice_items: Record<string, unknown>[] };
    body.invoice_items[0]!.quantity = '2';
    expect(checkRequest(post('/invoices', body))).toEqual(["POST /invoices: invoice_items[].quantity is string, Zoho's files say integer"]);
    expect(checkRequest({ method: 'GET', url: `${BASE}/invoices?customer_id=1&filter_by=Status.Overdue`, body: undefined })).toEqual([
      'GET /invoices: query filter_by=Status.Overdue is not one of Status.All, Status.Sent, Status.Draft, Status.OverDue, Status.Paid, Status.PartiallyPaid, Status.Void, Status.Unpaid',
    ]);
    expect(checkRequest(post('/invoices', invoiceBody(input), '?send=yes'))).toEqual([
      'POST /invoices: query send=yes is not a boolean',
      'POST /invoices: query send=yes is not one of true, false',
    ]);
  });

  it('an undocumented query parameter or path', () => {
    expect(checkRequest({ method: 'GET', url: `${BASE}/transactions?customer_id=1&currency_code=USD`, body: undefined })).toEqual([
      'GET /transactions: query parameter currency_code is not documented',
    ]);
    expect(checkRequest({ method: 'GET', url: `${BASE}/customers/1/comments`, body: undefined })).toEqual([
      "GET /billing/v1/customers/1/comments: no such operation in Zoho's files",
    ]);
  });
});

describe('the contract check fails an answer that says more than Zoho\'s files', () => {
  const row = { transaction_id: '1', reference_id: '2', date: '2026-11-01', type: 'payment', status: 'success', amount: '10.00' };

  it("a transaction with a currency (this issue's Activity defect)", () => {
    expect(checkAnswer(answer('GET', '/transactions', 200, { code: 0, message: 'success', transactions: [row] }))).toEqual([]);
    expect(checkAnswer(answer('GET', '/transactions', 200, { code: 0, message: 'success', transactions: [{ ...row, currency_code: 'USD' }] }))).toEqual([
      'GET /transactions: answer property transactions[].currency_code is not documented',
    ]);
  });

  it('a nested property, and an undocumented status', () => {
    expect(checkAnswer(answer('GET', '/customers/1', 200, { customer: { customer_id: '1', billing_address: { street: 'x', planet: 'Mars' } } }))).toEqual([
      'GET /customers/{customer_id}: answer property customer.billing_address.planet is not documented',
    ]);
    expect(checkAnswer(answer('POST', '/customers', 200, { customer: { customer_id: '1' } }))).toEqual([
      "POST /customers: answers HTTP 200, Zoho's files document 201",
    ]);
  });
});
