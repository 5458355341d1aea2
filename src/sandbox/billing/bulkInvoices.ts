/**
 * The very large customer's invoices, computed from their index instead of stored: a real org can
 * hold thousands of invoices for one customer, and the sandbox must stay cheap to create.
 * Ids encode the index, so a detail request can be answered without any table.
 */
import { invoiceRow } from './invoiceRow';
import { addDays, dateTime } from './calendar';
import { convertPrice, currencyOf, idFromNumber, roundMoney } from './money';
import { mulberry32 } from './random';
import type { BillingDataset, BulkInvoiceSpec, WireCustomer, WireInvoice } from './wire';

/** Ids are 2468013 + block (000900 + spec index) + 6-digit index: far from generated ids (2468013000000…). */
const BULK_BLOCK = 900;

export function bulkInvoiceId(specIndex: number, index: number): string {
  return `2468013${String(BULK_BLOCK + specIndex).padStart(6, '0')}${String(index).padStart(6, '0')}`;
}

export function parseBulkInvoiceId(dataset: BillingDataset, id: string): { spec: BulkInvoiceSpec; index: number } | null {
  if (!/^2468013\d{12}$/.test(id)) return null;
  const block = Number(id.slice(7, 13)) - BULK_BLOCK;
  const index = Number(id.slice(13));
  const spec = block >= 0 ? dataset.bulkInvoices[block] : undefined;
  if (!spec || index >= spec.count) return null;
  return { spec, index };
}

/** Older bulk invoices are all paid or void; only this many recent ones can carry a balance. */
export const BULK_UNPAID_WINDOW = 40;

const STATUSES_RECENT = ['sent', 'viewed', 'overdue', 'paid', 'paid', 'partially_paid'];

export function bulkInvoice(dataset: BillingDataset, specIndex: number, spec: BulkInvoiceSpec, customer: WireCustomer, index: number): WireInvoice {
  const random = mulberry32((dataset.seed ^ Math.imul(index + 1, 2654435761)) >>> 0);
  const info = currencyOf(customer.currency_code);
  const spanDays = 1800;
  const date = addDays(dataset.today, -Math.floor(((spec.count - 1 - index) * spanDays) / spec.count));
  const age = spec.count - 1 - index;
  let status = age < BULK_UNPAID_WINDOW ? STATUSES_RECENT[Math.floor(random() * STATUSES_RECENT.length)]! : 'paid';
  if (index % 97 === 13) status = 'void';
  const dueDate = addDays(date, customer.payment_terms);
  if ((status === 'sent' || status === 'viewed') && dueDate < dataset.today) status = 'overdue';
  if (status === 'overdue' && dueDate >= dataset.today) status = 'sent';
  const quantity = 1 + Math.floor(random() * 20);
  const price = convertPrice(25 + Math.floor(random() * 40) * 5, info.code);
  const total = roundMoney(price * quantity, info.precision);
  const paid = status === 'paid' ? total : status === 'partially_paid' ? roundMoney(total / 2, info.precision) : 0;
  const balance = status === 'void' ? 0 : roundMoney(total - paid, info.precision);
  const id = bulkInvoiceId(specIndex, index);
  const subscriptionId = spec.subscriptionIds.length > 0 ? spec.subscriptionIds[index % spec.subscriptionIds.length]! : '';
  const created = dateTime(date, 3600 + (index % 3600));
  return invoiceRow(customer, {
    invoice_id: id,
    number: `INV-${100000 + index}`,
    status,
    invoice_date: date,
    due_date: dueDate,
    transaction_type: subscriptionId ? 'renewal' : 'one_time',
    reference_number: index === spec.referencedIndex ? spec.referenceNumber : index % 10 === 0 ? `PO-${40000 + index}` : '',
    invoice_items: [
      {
        item_id: `${id.slice(0, 12)}7${id.slice(13)}`,
        product_id: idFromNumber(45_021),
        name: 'Usage charges',
        description: `Metered usage for ${date.slice(0, 7)}`,
        code: 'usage',
        price,
        quantity,
        discount_amount: 0,
        item_total: total,
        tax_id: '',
        tax_name: '',
        tax_percentage: 0,
      },
    ],
    subscriptions: subscriptionId ? [{ subscription_id: subscriptionId }] : [],
    sub_total: total,
    tax_total: 0,
    total,
    payment_made: paid,
    balance,
    payments:
      paid > 0
        ? [{ payment_id: `${id.slice(0, 12)}8${id.slice(13)}`, invoice_payment_id: `${id.slice(0, 12)}9${id.slice(13)}`, payment_mode: 'autotransaction', amount_refunded: 0, gateway_transaction_id: `ch_bulk${index}`, description: '', date, reference_number: '', amount: paid, bank_charges: 0, exchange_rate: 1 }]
        : [],
    invoice_url: `https://zohosecurepay.com/billing/zylkercloud/secure?CInvoiceID=2-bulk${index.toString(16).padStart(8, '0')}`,
    created_time: created,
  });
}

/** All bulk invoices of a customer (memoised per dataset: a page request must not rebuild 5,000 rows). */
const cache = new WeakMap<BillingDataset, Map<string, WireInvoice[]>>();

export function bulkInvoicesFor(dataset: BillingDataset, customerId: string): WireInvoice[] {
  const specIndex = dataset.bulkInvoices.findIndex((spec) => spec.customerId === customerId);
  const spec = dataset.bulkInvoices[specIndex];
  if (!spec) return [];
  let perDataset = cache.get(dataset);
  if (!perDataset) {
    perDataset = new Map();
    cache.set(dataset, perDataset);
  }
  const cached = perDataset.get(customerId);
  if (cached) return cached;
  const customer = dataset.customers.find((c) => c.customer_id === customerId);
  if (!customer) return [];
  const rows: WireInvoice[] = [];
  for (let index = 0; index < spec.count; index += 1) rows.push(bulkInvoice(dataset, specIndex, spec, customer, index));
  perDataset.set(customerId, rows);
  return rows;
}

export function findBulkInvoice(dataset: BillingDataset, id: string): WireInvoice | null {
  const parsed = parseBulkInvoiceId(dataset, id);
  if (!parsed) return null;
  const customer = dataset.customers.find((c) => c.customer_id === parsed.spec.customerId);
  if (!customer) return null;
  return bulkInvoice(dataset, dataset.bulkInvoices.indexOf(parsed.spec), parsed.spec, customer, parsed.index);
}
