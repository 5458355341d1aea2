/**
 * One confirmed click changes a Billing record exactly once (src/integration/writes/actionGuard.ts): the
 * pending record it keeps, when an earlier attempt counts as done, and what the agent is told otherwise.
 */
import { describe, expect, it } from 'vitest';
import { BillingError } from '../../../src/billing/errors';
import type { DeskStorage, HostResult, StorageGroup, StoredItem } from '../../../src/host/types';
import { actionKey, createActionGuard, type ActionState, type GuardedAction, type PendingAction } from '../../../src/integration/writes/actionGuard';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

class Storage implements DeskStorage {
  items = new Map<string, StoredItem>();
  refuseSet = false;
  deletes: string[] = [];
  async get(key: string): Promise<HostResult<StoredItem | null>> {
    return { ok: true, value: this.items.get(key) ?? null };
  }
  async set(item: StoredItem): Promise<HostResult<void>> {
    if (this.refuseSet) return { ok: false, error: { kind: 'storage', message: 'full' } };
    this.items.set(item.key, JSON.parse(JSON.stringify(item)) as StoredItem);
    return { ok: true, value: undefined };
  }
  async delete(key: string): Promise<HostResult<void>> {
    this.deletes.push(key);
    this.items.delete(key);
    return { ok: true, value: undefined };
  }
  async list(group: StorageGroup): Promise<HostResult<StoredItem[]>> {
    return { ok: true, value: [...this.items.values()].filter((i) => i.group === group) };
  }
  async deleteGroup(): Promise<HostResult<void>> {
    return { ok: true, value: undefined };
  }
}

/** A cancel on subscription sub-1: `outcomes` are what each send does, `states` what each check reads. */
function world() {
  const storage = new Storage();
  const guard = createActionGuard({ storage, now: () => NOW });
  const log = { sends: 0, checks: [] as PendingAction[] };
  const sends: (() => Promise<string>)[] = [];
  const states: (ActionState | Error)[] = [];
  const action = (over: Partial<GuardedAction<string>> = {}): GuardedAction<string> => ({
    action: 'cancel',
    recordId: 'sub-1',
    variant: 'end',
    before: ['107.00'],
    send: async () => {
      log.sends += 1;
      const next = sends.shift();
      return next ? next() : 'non_renewing';
    },
    check: async (pending) => {
      log.checks.push(pending);
      const state = states.shift() ?? 'not-done';
      if (state instanceof Error) throw state;
      return state;
    },
    ...over,
  });
  const key = actionKey('cancel', 'sub-1');
  const leave = (value: Record<string, unknown>) =>
    storage.items.set(key, { key, group: 'write', value: { startedAt: new Date(NOW - 60_000).toISOString(), action: 'cancel', recordId: 'sub-1', variant: 'end', before: null, ...value } as StoredItem['value'] });
  const lost = () => Promise.reject(new BillingError('network', 'The answer was lost'));
  return { storage, guard, log, sends, states, action, key, leave, lost };
}

describe('the key of an action', () => {
  it('is one per action and record, a storage-safe hash of both', () => {
    expect(actionKey('cancel', 'sub-1')).toMatch(/^act:[0-9a-z]+$/);
    expect(actionKey('cancel', 'sub-1')).toBe(actionKey('cancel', 'sub-1'));
    expect(actionKey('cancel', 'sub-2')).not.toBe(actionKey('cancel', 'sub-1'));
    expect(actionKey('postpone', 'sub-1')).not.toBe(actionKey('cancel', 'sub-1'));
    expect(actionKey('cancel', 'sub-1')).not.toBe(actionKey('cancelsub-1', ''));
  });
});

describe('a first attempt', () => {
  it('keeps a pending record while the call is out, then clears it and gives the answer', async () => {
    const { guard, storage, action, key } = world();
    let seen: StoredItem | undefined;
    const outcome = await guard.run(action({ send: async () => ((seen = storage.items.get(key)), 'non_renewing') }));
    expect(seen).toEqual({ key, group: 'write', value: { startedAt: '2026-12-07T10:00:00.000Z', action: 'cancel', recordId: 'sub-1', variant: 'end', before: ['107.00'] } });
    expect(outcome).toEqual({ status: 'done', answer: 'non_renewing', found: false });
    expect(storage.items.size).toBe(0);
  });

  it('an action without facts from before records none', async () => {
    const { guard, storage, action, key } = world();
    let seen: StoredItem | undefined;
    await guard.run(action({ before: undefined, send: async () => ((seen = storage.items.get(key)), 'ok') }));
    expect(seen?.value.before).toBeNull();
  });

  it('a definite refusal clears the record: the agent may simply try again', async () => {
    const { guard, storage, action, sends } = world();
    sends.push(() => Promise.reject(new BillingError('rejected', 'cannot be cancelled', { status: 400 })));
    expect(await guard.run(action())).toMatchObject({ status: 'failed', error: { kind: 'rejected', message: 'cannot be cancelled' } });
    expect(storage.items.size).toBe(0);
  });

  it('a lost answer is read back: done when the record shows the change, nothing sent again', async () => {
    const { guard, storage, action, sends, states, log, lost } = world();
    sends.push(lost);
    states.push('done');
    expect(await guard.run(action())).toEqual({ status: 'done', answer: null, found: true });
    expect(log.sends).toBe(1);
    expect(log.checks[0]).toMatchObject({ action: 'cancel', recordId: 'sub-1', variant: 'end', before: ['107.00'] });
    expect(storage.items.size).toBe(0);
  });

  it('a lost answer the record does not show, or that cannot be read back, stays unknown and keeps the record', async () => {
    const notYet = world();
    notYet.sends.push(notYet.lost);
    notYet.states.push('not-done');
    expect(await notYet.guard.run(notYet.action())).toMatchObject({ status: 'unknown', error: { kind: 'network' } });
    expect(notYet.storage.items.has(notYet.key)).toBe(true);

    const unreadable = world();
    unreadable.sends.push(unreadable.lost);
    unreadable.states.push(new BillingError('network', 'still down'));
    expect(await unreadable.guard.run(unreadable.action())).toMatchObject({ status: 'unknown', error: { message: 'The answer was lost' } });
    expect(unreadable.storage.items.has(unreadable.key)).toBe(true);
  });

  it('when Desk storage refuses the record nothing is sent, unless the agent accepts it', async () => {
    const { guard, storage, action, log } = world();
    storage.refuseSet = true;
    expect(await guard.run(action())).toEqual({ status: 'unprotected', error: { kind: 'storage', message: 'full' } });
    expect(log.sends).toBe(0);
    expect(await guard.run(action(), { allowUnprotected: true })).toMatchObject({ status: 'done', answer: 'non_renewing' });
    expect(log.sends).toBe(1);
  });

  it('a double click shares one call and its outcome', async () => {
    const { guard, action, log } = world();
    const [a, b] = await Promise.all([guard.run(action()), guard.run(action())]);
    expect(log.sends).toBe(1);
    expect(b).toBe(a);
    await guard.run(action());
    expect(log.sends).toBe(2);
  });

  it('storage that throws gives an unknown outcome, not a crash', async () => {
    const { guard, storage, action, log } = world();
    storage.get = async () => {
      throw new Error('storage exploded');
    };
    expect(await guard.run(action())).toMatchObject({ status: 'unknown', error: { kind: 'malformed', message: 'storage exploded' } });
    expect(log.sends).toBe(0);
  });
});

describe('an attempt that finds an earlier one pending', () => {
  it('done already: the agent is told so, nothing is sent, the record is cleared', async () => {
    const { guard, storage, action, leave, states, log } = world();
    leave({ variant: 'end', before: ['107.00'] });
    states.push('done');
    expect(await guard.run(action())).toEqual({ status: 'done', answer: null, found: true });
    expect(log.sends).toBe(0);
    expect(log.checks[0]).toMatchObject({ variant: 'end', before: ['107.00'] });
    expect(storage.items.size).toBe(0);
  });

  it('not done: this attempt is sent', async () => {
    const { guard, action, leave, log } = world();
    leave({});
    expect(await guard.run(action())).toMatchObject({ status: 'done', found: false });
    expect(log.sends).toBe(1);
  });

  it('an action that cannot be read back needs the agent: unverifiable, then sent when forced', async () => {
    const { guard, action, leave, states, log } = world();
    leave({});
    states.push('unknown', 'unknown');
    expect(await guard.run(action())).toEqual({ status: 'unverifiable' });
    expect(log.sends).toBe(0);
    expect(await guard.run(action(), { force: true })).toMatchObject({ status: 'done', found: false });
    expect(log.sends).toBe(1);
  });

  it('the record cannot be read: unknown, nothing sent', async () => {
    const { guard, action, leave, states, log, storage, key } = world();
    leave({});
    states.push(new BillingError('server', 'HTTP 503', { status: 503 }));
    expect(await guard.run(action())).toMatchObject({ status: 'unknown', error: { kind: 'server' } });
    expect(log.sends).toBe(0);
    expect(storage.items.has(key)).toBe(true);
  });

  it.each([
    ['another action', { action: 'postpone' }],
    ['another record', { recordId: 'sub-2' }],
    ['a broken shape', { variant: 5 }],
  ])('a stored record of %s is not this one: no check, the action is sent', async (_, value) => {
    const { guard, action, leave, log } = world();
    leave(value);
    expect(await guard.run(action())).toMatchObject({ status: 'done', found: false });
    expect(log.checks).toEqual([]);
    expect(log.sends).toBe(1);
  });

  it('a record up to seven days old is honoured; older, or with an unreadable start, it is dropped', async () => {
    const six = world();
    six.leave({ startedAt: new Date(NOW - 7 * DAY).toISOString() });
    expect(await six.guard.pending('cancel', 'sub-1')).toMatchObject({ action: 'cancel', recordId: 'sub-1' });
    for (const startedAt of [new Date(NOW - 7 * DAY - 1).toISOString(), 'last week']) {
      const old = world();
      old.leave({ startedAt });
      expect(await old.guard.pending('cancel', 'sub-1')).toBeNull();
      expect(old.storage.deletes).toEqual([old.key]);
    }
  });

  it('nothing stored is no pending record', async () => {
    const { guard } = world();
    expect(await guard.pending('cancel', 'sub-1')).toBeNull();
  });
});
