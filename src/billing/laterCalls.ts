/**
 * What the call table's 'later' entries (callTable.ts) need that the panel's first screen does not: the
 * detail schemas they name, the named request bodies (documentBodies.ts), and the runners of the few
 * calls that are more than one request (the PDF, the payment link with its fallback, the catalog).
 * billingClient.ts loads this module the first time a later call is made, so all of it stays out of the
 * panel's first script (issue 12). Every request goes through the same transport (transport.ts).
 */
import {
  activitySchema,
  catalogItemSchema,
  catalogPlanSchema,
  hostedPageSchema,
  invoiceDetailSchema,
  quoteSchema,
  subscriptionDetailSchema,
  transactionSchema,
} from './detailSchemas';
import { bodies } from './documentBodies';
import { BillingError } from './errors';
import { pdfOf } from './pdf';
import type { Call, Transport } from './transport';
import type { CatalogEntry, InvoiceDetail } from './types';

/** The schemas later entries name (`answer.schema: 'invoiceDetail'`). */
export const schemas = {
  subscriptionDetail: subscriptionDetailSchema,
  activity: activitySchema,
  transaction: transactionSchema,
  invoiceDetail: invoiceDetailSchema,
  quote: quoteSchema,
};
export type LaterSchemas = typeof schemas;

export interface RunnerContext {
  transport: Transport;
  /** The entry's own request, built from its path and `request()`. */
  call: Call;
  /** The entry's `also` requests, built with the same query. */
  also: Call[];
  args: readonly unknown[];
  /** Another call of the table (the payment link falls back to the invoice's own page). */
  getInvoice(id: string): Promise<InvoiceDetail>;
}

function normalizeForSearch(s: string): string {
  // NFKC folds full-width Latin and half-width kana, which Japanese catalogs mix freely.
  return s.normalize('NFKC').toLowerCase().trim();
}

export const runners = {
  async pdf({ transport, call }: RunnerContext): Promise<Blob> {
    const res = await transport.send({ ...call, responseType: 'blob' });
    return pdfOf(res, transport.now());
  },

  async paymentLink({ transport, call, args, getInvoice }: RunnerContext): Promise<string> {
    let hostedError: BillingError;
    try {
      const body = await transport.json(call);
      const page = hostedPageSchema.safeParse(body.hostedpage);
      if (page.success && page.data.url !== null) return page.data.url;
      hostedError = transport.malformed('hostedpage url');
    } catch (e) {
      if (!(e instanceof BillingError)) throw e;
      // Transient failures and an unauthorised Desk connection (no HTTP answer at all) are not helped
      // by spending another call; Billing's own 401/code 57 may just be the missing optional scope.
      const connectionDown = e.kind === 'not-authorised' && e.status === undefined && e.code === undefined;
      if (e.transient || e.kind === 'not-configured' || connectionDown) throw e;
      hostedError = e;
    }
    // Hosted pages need an optional scope (hostedpages.CREATE); the invoice's own page also takes payment.
    let invoice: InvoiceDetail;
    try {
      invoice = await getInvoice(String(args[0]));
    } catch {
      throw hostedError;
    }
    if (invoice.invoiceUrl === null) throw hostedError;
    return invoice.invoiceUrl;
  },

  async catalog({ transport, call, also, args }: RunnerContext): Promise<CatalogEntry[]> {
    const { json, rowsOf } = transport;
    const [items, plans] = await Promise.allSettled([
      json(call).then((b) => rowsOf(b, 'items', catalogItemSchema)),
      json(also[0] ?? call).then((b) => rowsOf(b, 'plans', catalogPlanSchema)),
    ]);
    // Items and plans need separate optional scopes: one list is better than none, both failing is an error.
    if (items.status === 'rejected' && plans.status === 'rejected') throw items.reason;
    const all = [
      ...(items.status === 'fulfilled' ? items.value : []),
      ...(plans.status === 'fulfilled' ? plans.value : []),
    ].filter((entry) => entry.active);
    const wanted = normalizeForSearch(typeof args[0] === 'string' ? args[0] : '');
    return all
      .filter(
        (entry) =>
          wanted === '' ||
          normalizeForSearch(entry.name).includes(wanted) ||
          normalizeForSearch(entry.description).includes(wanted) ||
          normalizeForSearch(entry.id).includes(wanted),
      )
      .map(({ active: _active, ...entry }): CatalogEntry => entry);
  },
};
export type Runners = typeof runners;

/** What billingClient.ts takes from this chunk. */
export const laterParts = { schemas, bodies, runners };
export type LaterParts = typeof laterParts;
