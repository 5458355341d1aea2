/**
 * The Billing calls behind the agent's actions (issue 20), over the one transport: cancel, reactivate,
 * postpone, a note on the subscription, the organization's churn reasons, and collecting an invoice with
 * the card on file; plus fresh reads of a subscription and an invoice for the exactly-once checks (never
 * from a cache: a kept answer could hide that an earlier attempt landed). Bodies are actionBodies.ts.
 *
 * Loaded with the action UI only (the panel imports it lazily), never on the first screen.
 */
import { isRecord } from '../host/guards';
import { cancelQuery, collectBody, noteBody, postponeBody } from './actionBodies';
import { toBool, toId, toNumber, toText } from './coerce';
import { invoiceDetailSchema, subscriptionDetailSchema } from './detailSchemas';
import type { Transport } from './transport';
import type { InvoiceDetail, SubscriptionDetail } from './types';

export interface ChurnReason {
  id: string;
  label: string;
}

/** `GET /settings/preferences/churnmessages` (settings.yml "Retrieve Churn Message preferences"). */
export interface ChurnSettings {
  /** The organization asks for a reason when a subscription is cancelled. */
  required: boolean;
  reasons: ChurnReason[];
}

/** What `POST /invoices/{id}/collect` answered: the payment, or the gateway's refusal. */
export interface CollectResult {
  /** 'success', or 'failure' for a declined card (Billing's `payment.status`). */
  status: string;
  amount: number | null;
  currencyCode: string | null;
  date: string | null;
  /** The gateway's words for a decline (`autotransaction.gateway_error_message`), as Billing gave them. */
  gatewayMessage: string | null;
}

export interface ActionCalls {
  cancelSubscription(id: string, atEnd: boolean): Promise<SubscriptionDetail>;
  reactivateSubscription(id: string): Promise<SubscriptionDetail>;
  postponeRenewal(id: string, renewalAt: string, bounds: { min: string; max: string } | null): Promise<SubscriptionDetail>;
  addSubscriptionNote(id: string, text: string): Promise<void>;
  getChurnSettings(): Promise<ChurnSettings>;
  collectInvoice(invoiceId: string, cardId: string): Promise<CollectResult>;
  /** Straight from Billing (the checks after a lost answer). */
  readSubscription(id: string): Promise<SubscriptionDetail>;
  readInvoice(id: string): Promise<InvoiceDetail>;
}

export function churnSettingsOf(body: Record<string, unknown>): ChurnSettings {
  const settings = isRecord(body.churn_messages_settings) ? body.churn_messages_settings : {};
  const reasons: ChurnReason[] = [];
  for (const row of Array.isArray(settings.churn_messages) ? settings.churn_messages : []) {
    if (!isRecord(row)) continue;
    const id = toId(row.churn_message_id);
    const label = toText(row.label).trim();
    if (id !== null && label !== '' && !reasons.some((r) => r.id === id)) reasons.push({ id, label });
  }
  return { required: toBool(settings.is_reason_mandatory) === true, reasons };
}

export function collectResultOf(body: Record<string, unknown>): CollectResult {
  const payment = isRecord(body.payment) ? body.payment : {};
  const auto = isRecord(payment.autotransaction) ? payment.autotransaction : {};
  const gateway = toText(auto.gateway_error_message).trim();
  return {
    status: toText(payment.status).trim().toLowerCase() || 'success',
    amount: toNumber(payment.amount),
    currencyCode: toText(payment.currency_code) || null,
    date: toText(payment.date) || null,
    gatewayMessage: gateway === '' ? null : gateway,
  };
}

export function actionCalls(transport: Transport): ActionCalls {
  const { json, oneOf } = transport;
  const subscriptionAnswer = async (call: Parameters<Transport['json']>[0]) =>
    oneOf(await json(call), 'subscription', subscriptionDetailSchema);
  return {
    cancelSubscription: (id, atEnd) =>
      subscriptionAnswer({ method: 'POST', path: ['subscriptions', id, 'cancel'], query: cancelQuery(atEnd) }),
    reactivateSubscription: (id) => subscriptionAnswer({ method: 'POST', path: ['subscriptions', id, 'reactivate'] }),
    postponeRenewal: async (id, renewalAt, bounds) =>
      subscriptionAnswer({ method: 'POST', path: ['subscriptions', id, 'postpone'], body: postponeBody(renewalAt, bounds) }),
    async addSubscriptionNote(id, text) {
      await json({ method: 'POST', path: ['subscriptions', id, 'notes'], body: noteBody(text) });
    },
    async getChurnSettings() {
      return churnSettingsOf(await json({ method: 'GET', path: ['settings', 'preferences', 'churnmessages'] }));
    },
    async collectInvoice(invoiceId, cardId) {
      return collectResultOf(await json({ method: 'POST', path: ['invoices', invoiceId, 'collect'], body: collectBody(cardId) }));
    },
    readSubscription: (id) => subscriptionAnswer({ method: 'GET', path: ['subscriptions', id] }),
    async readInvoice(id) {
      return oneOf(await json({ method: 'GET', path: ['invoices', id] }), 'invoice', invoiceDetailSchema);
    },
  };
}
