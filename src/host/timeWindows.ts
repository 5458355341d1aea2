/**
 * Every time window of the extension (freshness, keep, confirm-keep, lease, back-off, cool-down, poll,
 * timeouts), in one place, so a change to one is a change here and the README, the tests and the code
 * cannot drift apart. It sits in host (the bottom layer) only because every layer reads it; it imports
 * nothing. Modules that take a window as an option default to the value here (tests and the bench pass
 * their own). Left out on purpose: the leaves' display timers (src/ui: the spinner's "still working"
 * after 3 s, the focus release wait), which are how a screen behaves, not when data counts as current.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The widget cache of Billing reads (integration/cache, SPEC C3). */
export const CACHE = {
  /** An answer younger than this is served as it is, with no call. */
  freshMs: 5 * MINUTE,
  /** Up to this age an answer is served at once and refreshed in the background. */
  staleMs: 30 * MINUTE,
  /** A last good answer this young is shown (with its age) when Billing fails or the cap is near. */
  keepMs: HOUR,
  /** After an agent's Refresh, Retry or write, reads go to Billing (cap or not) for this long. */
  askedMs: 15 * SECOND,
} as const;

/** 429 pacing (integration/cache/billingRequests.ts, SPEC C3). */
export const RATE_LIMIT = {
  /** The first back-off without a Retry-After; it doubles per attempt. */
  backoffBaseMs: SECOND,
  /** Longest back-off between attempts; past it the call gives up and the cool-down starts. */
  maxBackoffMs: 20 * SECOND,
  /** After giving up, Billing is not called (Retry aside) for at least this long. */
  coolDownMs: 30 * SECOND,
  /** Random spread added to a back-off so widgets do not retry in step. */
  jitterMs: 500,
} as const;

/** The portal share (integration/portal, SPEC E1). */
export const PORTAL = {
  /**
   * How long a shared snapshot row (and a portal-wide row check) counts as fresh. Its own setting, not
   * the widget cache's: the same value today, but the portal's trade-off (calls saved for every agent)
   * is not one widget's.
   */
  sharedFreshMs: 5 * MINUTE,
  /** A list saved in step with its customer row counts as current for at most this long. */
  listKeepMs: 30 * MINUTE,
  /** How long an email → customer link is trusted. */
  emailLinkKeepMs: 6 * HOUR,
  /** How long a real read of a customer may be carried forward by row checks; then it is read again. */
  confirmKeepMs: 30 * MINUTE,
  /** One widget reuses a storage row it just read for this long (one open reads a row several times). */
  rowReuseMs: 3 * SECOND,
  /** A refresh lease stands this long without its holder: longer than one refresh takes. */
  leaseTtlMs: 30 * SECOND,
  /** Wait before reading a lease claim back: longer than a Desk write takes to be seen. */
  leaseSettleMs: 1500,
  /** A list page is saved with balances read within this much before it. */
  balancesWithinMs: MINUTE,
  /** The daily meter merges its session counter into the day's row at most this often. */
  meterFlushMs: MINUTE,
  /** Desk storage's per-minute limits are counted over this window. */
  storageWindowMs: MINUTE,
  /** After Desk refuses a storage call, optional storage traffic rests this long. */
  storagePauseMs: MINUTE,
} as const;

/** Exactly-once writes (integration/writes). */
export const WRITES = {
  /** A pending write record this old is from an attempt nobody is waiting for any more. */
  pendingMaxAgeMs: 7 * DAY,
} as const;

/** Desk host (src/host). */
export const HOST = {
  /** A Desk request with no answer by then fails as a network error (past Desk's own proxy limits). */
  requestTimeoutMs: 45 * SECOND,
  /** The add-ticket form poll: first pause, doubled while nothing changes, up to the max. */
  formPollMs: 3 * SECOND,
  formPollMaxMs: 30 * SECOND,
} as const;

/** The settings page's diagnostics (src/settings/diagnostics). */
export const DIAGNOSTICS = {
  /** One check with no answer by then is reported as timed out. */
  checkTimeoutMs: 20 * SECOND,
} as const;
