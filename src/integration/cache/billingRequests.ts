/**
 * How the cache's calls reach Billing: a few at once, a 429 backs off for every call of the organization
 * (Retry-After when given, else exponential, with jitter), and after giving up a cool-down answers
 * "busy, retry at …" without calling, for its whole length (SPEC C3). The cool-down is kept where a
 * re-created widget finds it (the tab's session storage), so reopening a panel cannot spend the budget
 * again; only the agent's Retry ends it early.
 *
 * Supersede (a Retry, a ticket switch): calls still waiting for a slot are dropped (their readers get a
 * Superseded and read again), and calls already sent no longer hold a slot or get joined by new reads —
 * a Desk request that hangs until its 45 s timeout cannot make the agent's Retry wait for it (SPEC B12).
 * A rate-limited call superseded while backing off is not attempted again (its reader gets a Superseded).
 */
import { BillingError, toBillingError } from '../../billing/errors';
import type { BillingApi } from '../../billing/types';
import { RATE_LIMIT } from '../../host/timeWindows';

/** Thrown to readers whose call was dropped before it was sent; read again to get an answer. */
export class Superseded extends Error {
  constructor() {
    super('Superseded by a newer request.');
    this.name = 'Superseded';
  }
}

export const isSuperseded = (e: unknown): e is Superseded => e instanceof Superseded;

/** Where the end of a cool-down is kept (epoch ms); null clears it. */
export interface CoolDownStore {
  load(): number | null;
  save(until: number | null): void;
}

export interface SchedulerOptions {
  maxConcurrent: number;
  maxAttempts: number;
  maxBackoffMs: number;
  coolDownMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  coolDown?: CoolDownStore | undefined;
}

export interface Scheduler {
  /** One call to Billing, with back-off; rejects at once while cooling down. */
  send(call: keyof BillingApi, args: readonly unknown[]): Promise<unknown>;
  /** Changes whenever supersede() runs: a read joins only a call of the same epoch. */
  readonly epoch: number;
  supersede(): void;
  /** The agent asked to try again: the cool-down ends now. */
  resume(): void;
  /** When the cool-down ends (epoch ms), or null when Billing may be called. */
  coolDownUntil(): number | null;
  readonly sent: number;
}

function rateLimited(until: number, now: number, from?: BillingError): BillingError {
  return new BillingError('rate-limited', from?.message ?? 'Waiting for Zoho Billing to accept calls again.', {
    ...(from?.status === undefined ? {} : { status: from.status }),
    ...(from?.code === undefined ? {} : { code: from.code }),
    ...(from?.detail === undefined ? {} : { detail: from.detail }),
    retryAfterMs: Math.max(0, until - now),
    retryAt: until,
    ...(from ? { cause: from } : {}),
  });
}

export function createScheduler(api: BillingApi, options: SchedulerOptions): Scheduler {
  const { maxConcurrent, maxAttempts, maxBackoffMs, coolDownMs, now, sleep, random } = options;
  let epoch = 0;
  let running = 0;
  let waiting: Array<{ go: () => void; drop: () => void }> = [];
  /** Between attempts of a rate-limited call: everyone here waits this long (short, ≤ maxBackoffMs). */
  let backoffUntil = 0;
  /** After giving up on a 429: nobody calls before this instant (also kept in the tab). */
  let coolUntil = options.coolDown?.load() ?? 0;
  let sent = 0;

  function currentCoolDown(): number {
    // Another widget in this tab may have started (or the agent ended) a cool-down since.
    const kept = options.coolDown?.load();
    if (kept !== undefined) coolUntil = kept ?? 0;
    return coolUntil > now() ? coolUntil : 0;
  }

  function setCoolDown(until: number) {
    coolUntil = Math.max(coolUntil, until);
    options.coolDown?.save(coolUntil);
  }

  async function slot<T>(task: () => Promise<T>): Promise<T> {
    const mine = epoch;
    if (running >= maxConcurrent) {
      await new Promise<void>((go, drop) => waiting.push({ go, drop: () => drop(new Superseded()) }));
    }
    running += 1;
    try {
      return await task();
    } finally {
      // A call from before supersede() no longer counts: its slot was given back then.
      if (mine === epoch) {
        running -= 1;
        waiting.shift()?.go();
      }
    }
  }

  async function send(call: keyof BillingApi, args: readonly unknown[]): Promise<unknown> {
    const fn = api[call] as (...a: unknown[]) => Promise<unknown>;
    const mine = epoch;
    for (let attempt = 1; ; attempt += 1) {
      const until = currentCoolDown();
      // Still cooling down after Billing said "too many": answer at once, without spending a call.
      if (until) throw rateLimited(until, now());
      const wait = backoffUntil - now();
      if (wait > 0) await sleep(wait);
      // Superseded while backing off (ticket switch, Retry): the reader has moved on or reads again itself,
      // so another attempt would only spend the organization's budget on an answer nobody waits for.
      if (attempt > 1 && mine !== epoch) throw new Superseded();
      try {
        return await slot(() => {
          sent += 1;
          return fn.apply(api, [...args]);
        });
      } catch (e) {
        if (e instanceof Superseded) throw e;
        const error = toBillingError(e);
        if (error.kind !== 'rate-limited') throw error;
        const base = error.retryAfterMs ?? RATE_LIMIT.backoffBaseMs * 2 ** (attempt - 1);
        if (attempt >= maxAttempts || base > maxBackoffMs) {
          // Given up: every read holds off, so Retry clicks and re-created widgets cannot burn the org's budget.
          setCoolDown(now() + Math.max(base, coolDownMs));
          throw rateLimited(coolUntil, now(), error);
        }
        backoffUntil = Math.max(backoffUntil, now() + Math.min(maxBackoffMs, base + Math.floor(random() * RATE_LIMIT.jitterMs)));
      }
    }
  }

  return {
    send,
    get epoch() {
      return epoch;
    },
    supersede() {
      epoch += 1;
      running = 0;
      const dropped = waiting;
      waiting = [];
      dropped.forEach((w) => w.drop());
    },
    resume() {
      backoffUntil = Math.min(backoffUntil, now());
      coolUntil = 0;
      options.coolDown?.save(null);
    },
    coolDownUntil() {
      return currentCoolDown() || null;
    },
    get sent() {
      return sent;
    },
  };
}
