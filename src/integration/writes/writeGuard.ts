/**
 * One confirmed click creates exactly one invoice or quote (SPEC B8), even when the answer is lost.
 *
 * A POST whose answer never arrives (network, timeout, 5xx, an unreadable 2xx) may still have created
 * the document, so it is never repeated blindly. Before sending, a pending record goes to Desk storage
 * (group 'write') with the ids of look-alike documents the customer already has; after an ambiguous
 * failure — now, or in a later session that finds the record — the customer's documents are read again
 * and a NEW one with the same reference and date counts as the earlier POST having landed. Only a
 * definite refusal (4xx, code ≠ 0, 429, not authorised) clears the record for a clean retry.
 * The record itself (key, shape, "did it land") is pendingWrite.ts.
 */
import { toBillingError, type BillingError } from '../../billing/errors';
import type { BillingApi, DocumentInput, Page } from '../../billing/types';
import type { DeskStorage, HostError, JsonObject } from '../../host/types';
import { landed, pendingRecord, readPending, writeKey, type DocumentRef, type PendingWrite, type WriteKind } from './pendingWrite';

export type { WriteKind };

/** What the agent is told was created (from the POST answer, or from the list row that proved it landed). */
export interface WrittenDocument {
  kind: WriteKind;
  id: string;
  number: string;
  total: number | null;
  currencyCode: string | null;
  referenceNumber: string | null;
  /** As Billing gave it (a new invoice is usually a draft); null when not known. */
  status: string | null;
  /** Amount still to pay, in `currencyCode` (invoices); null when not known. */
  balance: number | null;
}

export type WriteOutcome =
  /** `found`: the POST's answer was lost but the document was found in Billing afterwards. */
  | { status: 'created'; document: WrittenDocument; found: boolean }
  /** Billing definitely created nothing; the same input may be sent again. */
  | { status: 'failed'; error: BillingError }
  /** It may have been created; the pending record stays, so the next attempt checks before sending. */
  | { status: 'unknown'; error: BillingError }
  /** An earlier attempt may have landed and this kind cannot be looked up: only the agent may decide (force). */
  | { status: 'unverifiable' }
  /**
   * Desk storage refused the pending record, so a lost answer could not be told apart from a failure and
   * a retry might create a second document. Nothing was sent; only the agent may decide (allowUnprotected).
   */
  | { status: 'unprotected'; error: HostError };

export type WriteApi = Pick<BillingApi, 'createInvoice' | 'createQuote' | 'listInvoices' | 'listQuotes'>;

export interface WriteGuardOptions {
  storage: DeskStorage;
  /** Over the panel cache: its `writer`, whose invoice list always asks Billing (a kept list could hide a landed document). */
  api: WriteApi;
  now?: () => number;
}

export interface CreateOptions {
  /** The agent checked Billing and wants it created although an earlier attempt may have landed. */
  force?: boolean;
  /** The agent accepts sending without a pending record (Desk storage is failing). */
  allowUnprotected?: boolean;
}

export interface WriteGuard {
  create(kind: WriteKind, input: DocumentInput, options?: CreateOptions): Promise<WriteOutcome>;
  /** The pending record for this exact write, if an earlier attempt left one. */
  pending(kind: WriteKind, input: DocumentInput): Promise<PendingWrite | null>;
}

/** Pages of the customer's documents read when checking (newest first, so a new one is on the first). */
const CHECK_PAGES = 2;
const CHECK_PER_PAGE = 50;
/** Answers that may come from a POST that did land (the answer, not the request, was lost). */
export function isAmbiguous(error: BillingError): boolean {
  return error.kind === 'network' || error.kind === 'server' || error.kind === 'malformed';
}

/** Billing itself (not a dead connection, which has no HTTP answer) refused the call for want of a permission. */
function refusedByBilling(error: BillingError): boolean {
  const answered = error.status !== undefined || error.code !== undefined;
  return error.kind === 'forbidden' || (error.kind === 'not-authorised' && answered);
}

const inFlight = new Map<string, Promise<WriteOutcome>>();

export function createWriteGuard(options: WriteGuardOptions): WriteGuard {
  const { storage, api } = options;
  const now = options.now ?? Date.now;

  /**
   * The connection asks for `quotes.CREATE` but not for reading quotes (plugin-manifest.json), so Billing
   * may refuse to list them (403, or its own 401/code 57 for a missing scope). A lost quote then cannot be
   * verified and is left to the agent; the refusal is remembered so later attempts on this guard do not
   * spend a call to hear it again.
   */
  let quotesRefused = false;

  /** The customer's recent documents of this kind; null when Billing will not list them. Other failures throw. */
  async function refsOf(kind: WriteKind, customerId: string): Promise<DocumentRef[] | null> {
    if (kind === 'quote' && quotesRefused) return null;
    const refs: DocumentRef[] = [];
    for (let page = 1; page <= CHECK_PAGES; page += 1) {
      let result: Page<DocumentRef>;
      try {
        result =
          kind === 'invoice'
            ? await api.listInvoices({ customerId, page, perPage: CHECK_PER_PAGE })
            : await api.listQuotes({ customerId, page });
      } catch (e) {
        if (kind === 'invoice' || !refusedByBilling(toBillingError(e))) throw e;
        quotesRefused = true;
        return null;
      }
      refs.push(...result.items);
      if (!result.hasMore) break;
    }
    return refs;
  }

  async function clear(key: string): Promise<void> {
    // A record that cannot be deleted only costs the next attempt one extra read.
    await storage.delete(key);
  }

  const fromRef = (kind: WriteKind, ref: DocumentRef): WrittenDocument => ({
    kind,
    id: ref.id,
    number: ref.number,
    total: ref.total,
    currencyCode: ref.currencyCode,
    referenceNumber: ref.referenceNumber,
    status: ref.status ?? null,
    balance: ref.balance ?? null,
  });

  async function send(kind: WriteKind, input: DocumentInput): Promise<WrittenDocument> {
    const doc = kind === 'invoice' ? await api.createInvoice(input) : await api.createQuote(input);
    return fromRef(kind, doc);
  }

  async function run(key: string, kind: WriteKind, input: DocumentInput, { force = false, allowUnprotected = false }: CreateOptions): Promise<WriteOutcome> {
    const pending = await readPending(storage, key, kind, input, now);
    let before: DocumentRef[] | null = null;
    if (pending) {
      try {
        before = await refsOf(kind, input.customerId);
      } catch (e) {
        return { status: 'unknown', error: toBillingError(e) };
      }
      if (before === null) {
        if (!force) return { status: 'unverifiable' };
      } else {
        const found = landed(before, pending);
        if (found) {
          await clear(key);
          return { status: 'created', document: fromRef(kind, found), found: true };
        }
      }
    } else {
      try {
        before = await refsOf(kind, input.customerId);
      } catch (e) {
        // Nothing was sent: a clean failure the agent can simply retry.
        return { status: 'failed', error: toBillingError(e) };
      }
    }

    const record = pendingRecord(kind, input, before, now());
    // Without the record a lost answer could become a second document on retry: the agent decides.
    const stored = await storage.set({ key, group: 'write', value: record as unknown as JsonObject });
    if (!stored.ok && !allowUnprotected) return { status: 'unprotected', error: stored.error };

    let error: BillingError;
    try {
      const document = await send(kind, input);
      await clear(key);
      return { status: 'created', document, found: false };
    } catch (e) {
      error = toBillingError(e);
    }
    if (!isAmbiguous(error)) {
      await clear(key);
      return { status: 'failed', error };
    }
    try {
      const after = await refsOf(kind, input.customerId);
      const found = after === null ? null : landed(after, record);
      if (found) {
        await clear(key);
        return { status: 'created', document: fromRef(kind, found), found: true };
      }
    } catch {
      // Still unreachable: the record stays and the next attempt checks first.
    }
    return { status: 'unknown', error };
  }

  return {
    create(kind, input, createOptions = {}) {
      const key = writeKey(kind, input);
      // A second click (or a second mounted form) while the first is running shares its outcome.
      const running = inFlight.get(key);
      if (running) return running;
      const task = run(key, kind, input, createOptions)
        .catch((e: unknown): WriteOutcome => ({ status: 'unknown', error: toBillingError(e) }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, task);
      return task;
    },
    pending(kind, input) {
      return readPending(storage, writeKey(kind, input), kind, input, now);
    },
  };
}

/** Desk-style YYYY-MM-DD of "today" in the agent's time zone (the invoice date Billing expects). */
export function todayIn(timeZone: string | null | undefined, at: number = Date.now()): string {
  const format = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).format(at);
  try {
    return format(timeZone ?? undefined);
  } catch {
    return format(undefined);
  }
}
