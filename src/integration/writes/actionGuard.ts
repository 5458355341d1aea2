/**
 * One confirmed click changes a Billing record exactly once (issue 20: cancel, reactivate, postpone,
 * collect, e-mail), the same promise writeGuard.ts keeps for new documents, for calls that change an
 * existing record instead of creating one.
 *
 * A call whose answer never arrives (network, timeout, 5xx, an unreadable 2xx) may still have taken
 * effect, so it is never repeated blindly. Before sending, a pending record goes to Desk storage (group
 * 'write', key per action and record, so it survives a reload and is found by any later attempt, even one
 * with other arguments); after an ambiguous failure — now, or in a later session that finds the record —
 * the action's own `check` reads the record's state (a subscription already non-renewing is not cancelled
 * twice; an invoice whose balance fell was collected). Only a definite refusal clears the record at once.
 * A second click while the first runs shares its outcome.
 */
import { toBillingError, type BillingError } from '../../billing/errors';
import { listOf, nullable, shape, str, strict, type Checked } from '../../billing/read';
import { fnv1a } from '../../host/storageRules';
import type { DeskStorage, HostError, JsonObject } from '../../host/types';
import { isAmbiguous } from './writeGuard';
import { WRITES } from '../../host/timeWindows';

/** What the record looks like now, compared with what the action meant to do. */
export type ActionState = 'done' | 'not-done' | 'unknown';

export interface GuardedAction<Answer> {
  /** The action's name, e.g. 'cancel' (one pending record per action and record). */
  action: string;
  /** The Billing record it changes (subscription or invoice id). */
  recordId: string;
  /** What this attempt asks for, e.g. 'end' or a renewal date; kept in the pending record for `check`. */
  variant: string;
  /** Small facts from before the call that `check` needs (e.g. the invoice's balance), as strings. */
  before?: string[];
  send(): Promise<Answer>;
  /**
   * Reads the record and says whether an earlier attempt (`variant`, `before` as recorded) took effect.
   * 'unknown': this action cannot be read back (an e-mail); only the agent may decide to send again.
   */
  check(pending: PendingAction): Promise<ActionState>;
}

export type ActionOutcome<Answer> =
  /** `answer` is null when the call's answer was lost but `check` found the change made. */
  | { status: 'done'; answer: Answer | null; found: boolean }
  /** Billing definitely changed nothing; the agent may try again. */
  | { status: 'failed'; error: BillingError }
  /** It may have happened; the pending record stays, so the next attempt reads the record first. */
  | { status: 'unknown'; error: BillingError }
  /** An earlier attempt may have landed and this action cannot be read back: only the agent may decide (force). */
  | { status: 'unverifiable' }
  /** Desk storage refused the pending record: nothing was sent; only the agent may decide (allowUnprotected). */
  | { status: 'unprotected'; error: HostError };

export interface ActionRunOptions {
  force?: boolean;
  allowUnprotected?: boolean;
}

const pendingFields = { startedAt: str, action: str, recordId: str, variant: str, before: nullable(listOf(str)) };
const pendingSchema = strict(shape(pendingFields));
export type PendingAction = Checked<typeof pendingFields>;

/** Storage key of one action on one record: `act:` + a hash (ids may hold characters keys may not). */
export function actionKey(action: string, recordId: string): string {
  const text = `${action}\u0000${recordId}`;
  return `act:${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x5bd1e995)}`;
}

const inFlight = new Map<string, Promise<unknown>>();

export interface ActionGuard {
  run<Answer>(action: GuardedAction<Answer>, options?: ActionRunOptions): Promise<ActionOutcome<Answer>>;
  /** The pending record an earlier attempt left for this action on this record, if any. */
  pending(action: string, recordId: string): Promise<PendingAction | null>;
}

export function createActionGuard(options: { storage: DeskStorage; now?: () => number }): ActionGuard {
  const { storage } = options;
  const now = options.now ?? Date.now;

  async function readPending(action: string, recordId: string): Promise<PendingAction | null> {
    const key = actionKey(action, recordId);
    const read = await storage.get(key);
    if (!read.ok || read.value === null) return null;
    const parsed = pendingSchema.safeParse(read.value.value);
    // A hash collision or a hand-edited record is not this action's.
    if (!parsed.success || parsed.data.action !== action || parsed.data.recordId !== recordId) return null;
    const started = Date.parse(parsed.data.startedAt);
    if (Number.isNaN(started) || now() - started > WRITES.pendingMaxAgeMs) {
      await storage.delete(key);
      return null;
    }
    return parsed.data;
  }

  async function run<Answer>(a: GuardedAction<Answer>, { force = false, allowUnprotected = false }: ActionRunOptions): Promise<ActionOutcome<Answer>> {
    const key = actionKey(a.action, a.recordId);
    // A record that cannot be deleted only costs the next attempt one extra read.
    const clear = async () => void (await storage.delete(key));
    const earlier = await readPending(a.action, a.recordId);
    if (earlier) {
      let state: ActionState;
      try {
        state = await a.check(earlier);
      } catch (e) {
        return { status: 'unknown', error: toBillingError(e) };
      }
      if (state === 'done') {
        await clear();
        return { status: 'done', answer: null, found: true };
      }
      if (state === 'unknown' && !force) return { status: 'unverifiable' };
    }

    const record: PendingAction = {
      startedAt: new Date(now()).toISOString(),
      action: a.action,
      recordId: a.recordId,
      variant: a.variant,
      before: a.before ?? null,
    };
    const stored = await storage.set({ key, group: 'write', value: record as unknown as JsonObject });
    if (!stored.ok && !allowUnprotected) return { status: 'unprotected', error: stored.error };

    let error: BillingError;
    try {
      const answer = await a.send();
      await clear();
      return { status: 'done', answer, found: false };
    } catch (e) {
      error = toBillingError(e);
    }
    if (!isAmbiguous(error)) {
      await clear();
      return { status: 'failed', error };
    }
    try {
      if ((await a.check(record)) === 'done') {
        await clear();
        return { status: 'done', answer: null, found: true };
      }
    } catch {
      // Still unreachable: the record stays and the next attempt reads the record first.
    }
    return { status: 'unknown', error };
  }

  return {
    run<Answer>(a: GuardedAction<Answer>, runOptions: ActionRunOptions = {}): Promise<ActionOutcome<Answer>> {
      const key = actionKey(a.action, a.recordId);
      const running = inFlight.get(key) as Promise<ActionOutcome<Answer>> | undefined;
      if (running) return running;
      const task = run(a, runOptions)
        .catch((e: unknown): ActionOutcome<Answer> => ({ status: 'unknown', error: toBillingError(e) }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, task);
      return task;
    },
    pending: readPending,
  };
}
