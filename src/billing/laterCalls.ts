/**
 * What the call table's 'later' entries (callTable.ts) need that the panel's first screen does not: the
 * detail schemas they name, the named request bodies (documentBodies.ts), and the runners of the few
 * calls that are more than one request (the PDF, the catalog).
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
import { pdfOf } from './pdf';
import type { Call, Transport } from './transport';
import type { CatalogEntry } from './types';

/** The schemas later entries name (`answer.schema: 'invoiceDetail'`). */
export const schemas = {
  subscriptionDetail: subscriptionDetailSchema,
  activity: activitySchema,
  transaction: transactionSchema,
  invoiceDetail: invoiceDetailSchema,
  quote: quoteSchema,
  hostedPage: hostedPageSchema,
};
export type LaterSchemas = typeof schemas;

export interface RunnerContext {
  transport: Transport;
  /** The entry's own request, built from its path and `request()`. */
  call: Call;
  /** The entry's `also` requests, built with the same query. */
  also: Call[];
  args: readonly unknown[];
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
