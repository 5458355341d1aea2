/**
 * The one builder of a Billing invoice's wire row. The generated world, the 5,000-invoice customers and
 * POST /invoices differ only in the parts below; everything else (customer, currency, addresses, the
 * fields Billing always sends empty) is filled here, in the order Billing sends them.
 */
import { currencyOf } from './money';
import type { WireCustomer, WireInvoice } from './wire';

type Decided = Pick<
  WireInvoice,
  | 'invoice_id'
  | 'number'
  | 'status'
  | 'invoice_date'
  | 'due_date'
  | 'transaction_type'
  | 'reference_number'
  | 'invoice_items'
  | 'sub_total'
  | 'tax_total'
  | 'total'
  | 'payment_made'
  | 'balance'
  | 'invoice_url'
  | 'created_time'
>;
type Defaulted = Partial<
  Pick<
    WireInvoice,
    'subscriptions' | 'credits' | 'credits_applied' | 'payments' | 'exchange_rate' | 'custom_fields' | 'notes' | 'terms' | 'updated_time'
  >
>;

export function invoiceRow(customer: WireCustomer, parts: Decided & Defaulted): WireInvoice {
  const info = currencyOf(customer.currency_code);
  return {
    invoice_id: parts.invoice_id,
    number: parts.number,
    status: parts.status,
    invoice_date: parts.invoice_date,
    due_date: parts.due_date,
    payment_expected_date: '',
    ach_payment_initiated: false,
    transaction_type: parts.transaction_type,
    reference_number: parts.reference_number,
    customer_id: customer.customer_id,
    customer_name: customer.display_name,
    email: customer.email,
    invoice_items: parts.invoice_items,
    subscriptions: parts.subscriptions ?? [],
    coupons: [],
    credits: parts.credits ?? [],
    sub_total: parts.sub_total,
    tax_total: parts.tax_total,
    total: parts.total,
    payment_made: parts.payment_made,
    credits_applied: parts.credits_applied ?? 0,
    write_off_amount: 0,
    balance: parts.balance,
    payments: parts.payments ?? [],
    currency_code: info.code,
    currency_symbol: info.symbol,
    exchange_rate: parts.exchange_rate ?? 1,
    price_precision: info.precision,
    salesperson_id: '',
    salesperson_name: '',
    invoice_url: parts.invoice_url,
    billing_address: customer.billing_address,
    shipping_address: customer.shipping_address,
    custom_fields: parts.custom_fields ?? [],
    comments: [],
    notes: parts.notes ?? '',
    terms: parts.terms ?? '',
    can_send_in_mail: true,
    has_attachment: false,
    documents: [],
    created_time: parts.created_time,
    updated_time: parts.updated_time ?? parts.created_time,
  };
}
