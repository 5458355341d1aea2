/**
 * The sandbox's answers to the agent actions (issue 20), each as Zoho's files document it and with the
 * state rules they state or imply: cancel (`cancel_at_end` true → non_renewing, false → cancelled),
 * reactivate only a non-renewing subscription (subscription.yml), postpone only forward ("can only be
 * postponed and not preponed"), collect only an invoice with a balance, with a card (a declined card
 * answers the payment with `status: failure` and the gateway's message, changing nothing), notes, and the
 * organization's churn-reason settings. Bodies are checked against the files: an undocumented key is refused.
 * Billing's exact refusal codes for these rules are not documented; the sandbox answers 400 with code 4
 * and a sentence, as Zoho Finance does for invalid values.
 */
import { HttpResponse } from 'msw';
import type { BillingFaults } from './handlers';
import type { BillingDataset, WireInvoice, WireSubscription } from './wire';

type Json = Record<string, unknown>;

export interface ActionRoute {
  method: string;
  segments: string[];
  query: URLSearchParams;
  request: Request;
  dataset: BillingDataset;
}

/** Simulator switches for the actions: a declining card and the organization's churn-reason setting. */
export interface ActionFaults {
  /** Every collect is declined by the gateway (`payment.status: failure`). */
  cardDeclines: boolean;
  /** 'required': is_reason_mandatory; 'optional': reasons offered; 'off': none set up. */
  churnReasons: 'required' | 'optional' | 'off';
}

export const DEFAULT_ACTION_FAULTS: ActionFaults = { cardDeclines: false, churnReasons: 'optional' };

export const DECLINE_MESSAGE = 'Your card has insufficient funds.';

export const CHURN_REASONS = [
  { churn_message_id: '2468013000000209001', label: 'Too expensive', index: '0' },
  { churn_message_id: '2468013000000209003', label: 'Missing features I need', index: '1' },
  { churn_message_id: '2468013000000209005', label: 'Switching to another product', index: '2' },
  { churn_message_id: '2468013000000209007', label: 'No longer needed', index: '3' },
];

const json = (body: Json, status = 200): Response =>
  HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' } });
const refuse = (message: string, code = 4, status = 400): Response => json({ code, message }, status);

async function bodyOf(request: Request): Promise<Json | null> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : null;
  } catch {
    return null;
  }
}

/** Only the keys the file defines; `required` must be there. */
function shapeProblem(body: Json, allowed: readonly string[], required: readonly string[]): string | null {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) return `Invalid value passed for ${key}`;
  for (const key of required) if (body[key] === undefined || body[key] === '') return `${key} is required`;
  return null;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

const CANCELLABLE = new Set(['live', 'trial', 'future', 'dunning', 'unpaid', 'non_renewing']);
const COLLECTABLE = new Set(['sent', 'overdue', 'partially_paid', 'unpaid']);

function subscriptionOf(dataset: BillingDataset, id: string): WireSubscription | undefined {
  return dataset.subscriptions.find((s) => s.subscription_id === id);
}

function cancel(r: ActionRoute, s: WireSubscription): Response {
  for (const key of r.query.keys()) if (key !== 'cancel_at_end') return refuse(`Invalid value passed for ${key}`);
  const atEnd = r.query.get('cancel_at_end');
  if (atEnd !== 'true' && atEnd !== 'false') return refuse('Invalid value passed for cancel_at_end');
  if (!CANCELLABLE.has(s.status)) return refuse(`A subscription in the status ${s.status} cannot be cancelled.`);
  if (atEnd === 'true') {
    if (s.status === 'non_renewing') return refuse('The subscription is already set to cancel at the end of the term.');
    s.status = 'non_renewing';
    s.end_of_term = true;
    s.scheduled_cancellation_date = s.current_term_ends_at;
    return json({ code: 0, message: 'Your subscription will be canceled at the end of this term.', subscription: s });
  }
  s.status = 'cancelled';
  s.cancelled_at = r.dataset.today;
  s.next_billing_at = '';
  return json({ code: 0, message: 'Your subscription has been canceled.', subscription: s });
}

function reactivate(s: WireSubscription): Response {
  // subscription.yml: "You can reactivate a subscription only if the status of the subscription is non-renewing."
  if (s.status !== 'non_renewing') return refuse('Only a non-renewing subscription can be reactivated.');
  s.status = 'live';
  s.end_of_term = false;
  s.scheduled_cancellation_date = '';
  return json({ code: 0, message: 'Subscription has been reactivated successfully.', subscription: s });
}

function postpone(s: WireSubscription, body: Json): Response {
  const problem = shapeProblem(body, ['renewal_at'], ['renewal_at']);
  if (problem) return refuse(problem);
  if (!isDate(body.renewal_at)) return refuse('Invalid value passed for renewal_at');
  if (s.next_billing_at === '' || !['live', 'trial', 'non_renewing', 'future'].includes(s.status)) {
    return refuse('This subscription has no renewal to postpone.');
  }
  // "can only be postponed and not preponed"
  if (body.renewal_at <= s.next_billing_at) return refuse('The renewal date can only be postponed, not preponed.');
  s.next_billing_at = body.renewal_at;
  s.current_term_ends_at = body.renewal_at;
  if (s.status === 'trial') s.trial_ends_at = body.renewal_at;
  return json({ code: 0, message: 'Billing date of the subscription has been changed.', subscription: s });
}

function addNote(r: ActionRoute, s: WireSubscription, body: Json): Response {
  const problem = shapeProblem(body, ['description'], ['description']);
  if (problem || typeof body.description !== 'string') return refuse(problem ?? 'Invalid value passed for description');
  const notes = (r.dataset.subscriptionNotes ??= {});
  const list = (notes[s.subscription_id] ??= []);
  list.push({ note_id: String(2468013000000300001 + list.length), description: body.description, commented_time: r.dataset.today });
  return json({ code: 0, message: 'Notes added.', notes: list.at(-1) });
}

function collect(r: ActionRoute, invoice: WireInvoice, body: Json, faults: ActionFaults): Response {
  // oneOf {account_id} | {card_id}: exactly one of them.
  const keys = Object.keys(body);
  if (keys.length !== 1 || (keys[0] !== 'card_id' && keys[0] !== 'account_id') || typeof body[keys[0]] !== 'string') {
    return refuse('Send either card_id or account_id.');
  }
  if (!COLLECTABLE.has(invoice.status) || invoice.balance <= 0) return refuse('This invoice has no balance to collect.');
  const cards = r.dataset.subscriptions.filter((s) => s.customer_id === invoice.customer_id && s.card).map((s) => s.card!.card_id);
  if (keys[0] === 'account_id' || !cards.includes(body.card_id as string)) return refuse('The card does not belong to this customer.', 4, 400);
  const card = r.dataset.subscriptions.find((s) => s.card?.card_id === body.card_id)!.card!;
  const declined = faults.cardDeclines;
  const paymentId = String(2468013000000400001 + r.dataset.nextId++);
  const amount = invoice.balance;
  const payment = {
    payment_id: paymentId,
    payment_mode: 'autotransaction',
    amount: declined ? 0 : amount,
    amount_refunded: 0,
    bank_charges: 0,
    date: r.dataset.today,
    status: declined ? 'failure' : 'success',
    reference_number: '',
    description: '',
    customer_id: invoice.customer_id,
    customer_name: invoice.customer_name,
    email: invoice.email,
    autotransaction: {
      autotransaction_id: `${paymentId}1`,
      payment_gateway: card.payment_gateway,
      gateway_transaction_id: declined ? '' : `ch_${paymentId}`,
      gateway_error_message: declined ? DECLINE_MESSAGE : '',
      card_id: card.card_id,
      last_four_digits: card.last_four_digits,
      expiry_month: card.expiry_month,
      expiry_year: card.expiry_year,
    },
    invoices: [
      { invoice_id: invoice.invoice_id, invoice_number: invoice.number, date: invoice.invoice_date, invoice_amount: invoice.total, amount_applied: declined ? 0 : amount, balance_amount: declined ? invoice.balance : 0 },
    ],
    currency_code: invoice.currency_code,
    currency_symbol: invoice.currency_symbol,
  };
  if (!declined) {
    invoice.payments.push({
      payment_id: paymentId,
      invoice_payment_id: `${paymentId}2`,
      payment_mode: 'autotransaction',
      amount_refunded: 0,
      gateway_transaction_id: `ch_${paymentId}`,
      description: '',
      date: r.dataset.today,
      reference_number: '',
      amount,
      bank_charges: 0,
      exchange_rate: 1,
    });
    invoice.payment_made += amount;
    invoice.balance = 0;
    invoice.status = 'paid';
  }
  return json({ code: 0, message: 'The customer payment has been recorded.', payment });
}

/** The answer to an action call, or null when the request is not one (the main router takes it). */
export async function routeAction(r: ActionRoute, faults: BillingFaults): Promise<Response | null> {
  const [resource, id, sub, ...rest] = r.segments;
  const f: ActionFaults = { ...DEFAULT_ACTION_FAULTS, ...faults.actions };
  if (rest.length > 0) return null;
  if (resource === 'settings' && id === 'preferences' && sub === 'churnmessages' && r.method === 'GET') {
    return json({
      code: 0,
      message: 'success',
      churn_messages_settings: {
        is_advanced_version: f.churnReasons !== 'off',
        is_reason_mandatory: f.churnReasons === 'required',
        churn_messages: f.churnReasons === 'off' ? [] : CHURN_REASONS,
      },
    });
  }
  if (r.method !== 'POST' || id === undefined) return null;
  if (resource === 'subscriptions' && (sub === 'cancel' || sub === 'reactivate' || sub === 'postpone' || sub === 'notes')) {
    const s = subscriptionOf(r.dataset, id);
    if (!s) return refuse('Subscription ID does not exist.', 1002, 404);
    const body = await bodyOf(r.request);
    if (body === null) return refuse('Invalid value passed for JSONString');
    // cancel and reactivate have no request body in the file.
    if ((sub === 'cancel' || sub === 'reactivate') && Object.keys(body).length > 0) return refuse(`Invalid value passed for ${Object.keys(body)[0]}`);
    if (sub === 'reactivate' && [...r.query.keys()].length > 0) return refuse(`Invalid value passed for ${[...r.query.keys()][0]}`);
    if (sub === 'cancel') return cancel(r, s);
    if (sub === 'reactivate') return reactivate(s);
    if (sub === 'postpone') return postpone(s, body);
    return addNote(r, s, body);
  }
  if (resource === 'invoices' && sub === 'collect') {
    const invoice = r.dataset.invoices.find((i) => i.invoice_id === id);
    if (!invoice) return refuse('The invoice does not exist.', 1002, 404);
    const body = await bodyOf(r.request);
    if (body === null) return refuse('Invalid value passed for JSONString');
    return collect(r, invoice, body, f);
  }
  return null;
}
