/**
 * What the Billing cache offers (billingCache.ts builds it): typed reads with their age, events for
 * subscribers, and the options. Apart from the implementation so both stay readable.
 */
import type { ReadCall } from '../../billing/callTable';
import type { BillingError } from '../../billing/errors';
import type { BillingApi } from '../../billing/types';
import type { MeterLevel } from '../portal/dailyMeter';
import type { SharedTier } from '../portal/portalShare';
import type { CachePersistence } from './sessionCache';

/** The calls whose answers are kept: the call table's entries with `cache`. */
export type { ReadCall };

export type ReadResult<K extends ReadCall> = Awaited<ReturnType<BillingApi[K]>>;

export interface Fetched<T> {
  value: T;
  /** ms since the answer arrived from Billing (0 for a fresh call). */
  ageMs: number;
  fetchedAt: number;
  /** Set when Billing could not be reached now and this is the last good answer instead. */
  error: BillingError | null;
}

export interface CacheOptions {
  organizationId: string;
  freshMs?: number;
  staleMs?: number;
  /** How long a last good answer may stand in for a failed refresh. */
  keepMs?: number;
  maxConcurrent?: number;
  /** Attempts per call when rate-limited (first try included). */
  maxAttempts?: number;
  /** Longest single back-off we will wait; a longer Retry-After fails at once (the UI shows it). */
  maxBackoffMs?: number;
  /** After giving up on a 429, how long every read waits before calling Billing again. */
  coolDownMs?: number;
  maxEntries?: number;
  /** Where answers outlive this widget (the tab's sessionStorage in Desk); memory only when absent. */
  persist?: CachePersistence;
  /** The portal-shared snapshot, gate, lease and meter (portalShare.ts); this widget alone when absent. */
  shared?: SharedTier;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface LastGood {
  call: ReadCall;
  args: readonly unknown[];
  value: unknown;
  fetchedAt: number;
}

/** What subscribers hear: an answer was kept (a background refresh, another reader), or answers were dropped. */
export type CacheEvent = { type: 'stored'; key: string } | { type: 'invalidated'; keys: ReadonlySet<string> };

/** Reading only: what the read hooks hand to code that combines several reads (resolveCustomer, loadTimeline). */
export interface BillingReader {
  readonly organizationId: string;
  read<K extends ReadCall>(call: K, ...args: Parameters<BillingApi[K]>): Promise<Fetched<ReadResult<K>>>;
}

export interface BillingCache extends BillingReader {
  /** The same reads as a plain BillingApi (writes pass straight through and drop what they change). */
  api: BillingApi;
  /**
   * For the write guard: like `api`, but the reads that check whether a document landed always ask Billing
   * (and keep the answer). Writes invalidate here and nowhere else.
   */
  writer: BillingApi;
  /** The cache key of a read: derived from the organization, the call and its arguments. */
  keyOf<K extends ReadCall>(call: K, ...args: Parameters<BillingApi[K]>): string;
  /** Hear about kept and dropped answers; returns the unsubscribe. */
  subscribe(listener: (event: CacheEvent) => void): () => void;
  /**
   * What is kept for one read, never calling Billing (null: nothing kept, or older than the keep window).
   * For what may show only when the panel already holds it (the problem line's card and failed payments).
   */
  peek<K extends ReadCall>(call: K, ...args: Parameters<BillingApi[K]>): ReadResult<K> | null;
  /** Every answer kept for one customer (its detail, lists), newest first. */
  lastGoodForCustomer(customerId: string): LastGood[];
  /** Drops this customer's answers; every reader of them reads again (Refresh, after a write). */
  invalidateCustomer(customerId: string): void;
  /**
   * After a write outside `api` (an agent action): this customer's answers here and in every agent's shared
   * snapshot, and the kept reads of the subscriptions or invoices it changed (`records`, their ids).
   */
  wrote(customerId: string, records?: readonly string[]): void;
  /** A Retry or a ticket switch: later reads never join a call sent before, and queued calls are dropped. */
  supersede(): void;
  /** The agent asked to try again: end the cool-down after a 429 (their click, their call). */
  resume(): void;
  /** When the 429 cool-down ends (epoch ms), or null. */
  coolDownUntil(): number | null;
  /** Where today's Billing calls stand against the admin's cap (always 'normal' without a portal share). */
  budgetLevel(): MeterLevel;
  clear(): void;
  /** Calls sent to Billing through this cache (diagnostics, tests). */
  readonly sent: number;
}
