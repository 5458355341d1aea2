import { describe, expect, it } from 'vitest';
import { BillingError } from '../../../src/billing/errors';
import { runAction, addAuditComment, type ActionPlan } from '../../../src/integration/actions/runAction';
import { SETTINGS_KEY } from '../../../src/integration/records/settingsRecord';
import { actionKey, createActionGuard, type ActionState } from '../../../src/integration/writes/actionGuard';
import { WRITES } from '../../../src/host/timeWindows';
import { createFakeDeskHost, type FakeDeskHost } from '../../component/fakeDeskHost';

/** A subscription in Billing that a cancel changes; answers can be lost after the change landed. */
class FakeSubscription {
  status = 'live';
  sends = 0;
  reads = 0;
  faults: ('lost' | 'refused' | 'unreadable')[] = [];
  async cancel(): Promise<{ status: string }> {
    this.sends += 1;
    const fault = this.faults.shift();
    if (fault === 'refused') throw new BillingError('rejected', 'This subscription cannot be cancelled', { status: 400, code: 3 });
    this.status = 'non_renewing';
    if (fault === 'lost') throw new BillingError('network', 'The answer was lost');
    return { status: this.status };
  }
  async read(): Promise<string> {
    this.reads += 1;
    if (this.faults[0] === 'unreadable') {
      this.faults.shift();
      throw new BillingError('network', 'unreachable');
    }
    return this.status;
  }
}

function world(options: { isAdmin?: boolean; allowed?: string[]; enabled?: boolean } = {}) {
  const desk: FakeDeskHost = createFakeDeskHost({ isAdmin: options.isAdmin ?? true });
  desk.put(SETTINGS_KEY, 'settings', {
    version: 1,
    enabled: options.enabled ?? true,
    organization: { id: '700001', name: 'Zylker', currencyCode: 'USD', dataCenter: 'US' },
    linkedHow: 'auto',
    updatedBy: null,
    updatedAt: null,
    actionAccess: { payment: [], subscription: options.allowed ?? [] },
  });
  const sub = new FakeSubscription();
  const wrote: string[] = [];
  const deps = { host: desk.host, guard: createActionGuard({ storage: desk.host.storage }), wrote: (id: string, records: readonly string[]) => void wrote.push([id, ...records].join(' ')) };
  const plan: ActionPlan<{ status: string }> = {
    group: 'subscription',
    action: 'cancel',
    recordId: 'sub-1',
    variant: 'end',
    customerId: 'cust-1',
    ticketId: 'ticket-1',
    send: () => sub.cancel(),
    check: async (): Promise<ActionState> => ((await sub.read()) === 'non_renewing' ? 'done' : 'not-done'),
    audit: (r) => (r.status === 'done' ? 'Cancelled at the end of the term (SUB-1) by Agent One. Billing: non_renewing.' : `Cancel refused: ${r.error.message}`),
  };
  return { desk, sub, wrote, deps, plan };
}

describe('exactly once', () => {
  it('a double click sends one cancel and both clicks get its outcome', async () => {
    const { sub, deps, plan } = world();
    const [a, b] = await Promise.all([runAction(deps, plan), runAction(deps, plan)]);
    expect(sub.sends).toBe(1);
    expect(a).toMatchObject({ status: 'done', found: false });
    expect(b).toMatchObject({ status: 'done', found: false });
  });

  it('a lost answer is not repeated: the record is read, the cancel found, nothing sent again', async () => {
    const { sub, deps, plan, desk } = world();
    sub.faults = ['lost'];
    const result = await runAction(deps, plan);
    expect(result).toMatchObject({ status: 'done', found: true, answer: null });
    expect(sub.sends).toBe(1);
    expect(sub.reads).toBe(1);
    expect(desk.group('write')).toEqual([]);
  });

  it('after a reload the pending record makes the next attempt read first: already non-renewing is not cancelled twice', async () => {
    const { sub, deps, plan, desk } = world();
    sub.faults = ['lost', 'unreadable'];
    expect(await runAction(deps, plan)).toMatchObject({ status: 'unknown' });
    expect(desk.group('write')).toHaveLength(1);
    // A new panel (reload): a new guard over the same Desk storage.
    const again = await runAction({ ...deps, guard: createActionGuard({ storage: desk.host.storage }) }, plan);
    expect(again).toMatchObject({ status: 'done', found: true });
    expect(sub.sends).toBe(1);
    expect(desk.group('write')).toEqual([]);
  });

  it('when the earlier attempt did not land, the next one sends once', async () => {
    const { sub, deps, plan, desk } = world();
    desk.put(actionKey('cancel', 'sub-1'), 'write', { startedAt: new Date().toISOString(), action: 'cancel', recordId: 'sub-1', variant: 'end', before: null });
    expect(await runAction(deps, plan)).toMatchObject({ status: 'done', found: false });
    expect(sub.reads).toBe(1);
    expect(sub.sends).toBe(1);
  });

  it('a definite refusal clears the record and sends nothing more', async () => {
    const { sub, deps, plan, desk } = world();
    sub.faults = ['refused'];
    expect(await runAction(deps, plan)).toMatchObject({ status: 'failed', error: { kind: 'rejected' } });
    expect(desk.group('write')).toEqual([]);
    expect(sub.reads).toBe(0);
  });

  it('an action that cannot be read back is left to the agent after an ambiguous attempt (force sends)', async () => {
    const { deps, plan, desk } = world();
    let sends = 0;
    const email = { ...plan, action: 'email', send: async () => ({ status: String(++sends) }), check: async (): Promise<ActionState> => 'unknown' };
    desk.put(actionKey('email', 'sub-1'), 'write', { startedAt: new Date().toISOString(), action: 'email', recordId: 'sub-1', variant: 'x', before: null });
    expect(await runAction(deps, email)).toMatchObject({ status: 'unverifiable' });
    expect(sends).toBe(0);
    expect(await runAction(deps, email, { force: true })).toMatchObject({ status: 'done' });
    expect(sends).toBe(1);
  });

  it('without Desk storage nothing is sent unless the agent accepts it', async () => {
    const { sub, deps, plan, desk } = world();
    desk.world.storageSetFails = true;
    expect(await runAction(deps, plan)).toMatchObject({ status: 'unprotected' });
    expect(sub.sends).toBe(0);
    expect(await runAction(deps, plan, { allowUnprotected: true })).toMatchObject({ status: 'done' });
    expect(sub.sends).toBe(1);
  });

  it('an expired pending record is dropped', async () => {
    const { sub, deps, plan, desk } = world();
    desk.put(actionKey('cancel', 'sub-1'), 'write', { startedAt: new Date(Date.now() - WRITES.pendingMaxAgeMs - 1).toISOString(), action: 'cancel', recordId: 'sub-1', variant: 'end', before: null });
    expect(await runAction(deps, plan)).toMatchObject({ status: 'done', found: false });
    expect(sub.reads).toBe(0);
  });
});

describe('who may act, checked at action time', () => {
  it('a plain agent may not cancel until their profile is allowed; nothing is sent', async () => {
    const { sub, deps, plan, desk } = world({ isAdmin: false });
    expect(await runAction(deps, plan)).toEqual({ status: 'not-allowed', permission: { allowed: false, reason: 'not-allowed', profile: 'Agent' } });
    expect(sub.sends).toBe(0);
    // An admin allows the Agent profile meanwhile: the next click reads the settings again.
    const stored = desk.store.get(SETTINGS_KEY)!.value;
    desk.put(SETTINGS_KEY, 'settings', { ...stored, actionAccess: { payment: [], subscription: ['p-agent'] } });
    expect(await runAction(deps, plan)).toMatchObject({ status: 'done' });
    expect(sub.sends).toBe(1);
  });

  it('an allowed profile loses the right as soon as the admin takes it away', async () => {
    const { sub, deps, plan, desk } = world({ isAdmin: false, allowed: ['p-agent'] });
    const stored = desk.store.get(SETTINGS_KEY)!.value;
    desk.put(SETTINGS_KEY, 'settings', { ...stored, actionAccess: { payment: ['p-agent'], subscription: [] } });
    expect(await runAction(deps, plan)).toMatchObject({ status: 'not-allowed' });
    expect(sub.sends).toBe(0);
  });

  it('an unknown profile, a disabled integration or unreadable settings send nothing', async () => {
    const unknown = world();
    unknown.desk.world.agentProfile = null;
    expect(await runAction(unknown.deps, unknown.plan)).toMatchObject({ status: 'not-allowed', permission: { reason: 'profile-unknown' } });
    const off = world({ enabled: false });
    expect(await runAction(off.deps, off.plan)).toEqual({ status: 'unavailable', reason: 'disabled' });
    const broken = world();
    broken.desk.put(SETTINGS_KEY, 'settings', { version: 'x' });
    expect(await runAction(broken.deps, broken.plan)).toEqual({ status: 'unavailable', reason: 'settings-unreadable' });
    expect(unknown.sub.sends + off.sub.sends + broken.sub.sends).toBe(0);
  });
});

describe('audit comment and re-read', () => {
  it('a done action comments on the ticket and drops the customer’s kept answers', async () => {
    const { deps, plan, desk, wrote } = world();
    expect(await runAction(deps, plan)).toMatchObject({ status: 'done', audit: { status: 'added' } });
    expect(desk.world.comments).toEqual([{ ticketId: 'ticket-1', text: 'Cancelled at the end of the term (SUB-1) by Agent One. Billing: non_renewing.' }]);
    expect(wrote).toEqual(['cust-1 sub-1']);
  });

  it('a refusal is recorded too, and changes no kept answer', async () => {
    const { deps, plan, desk, wrote, sub } = world();
    sub.faults = ['refused'];
    await runAction(deps, plan);
    expect(desk.world.comments).toEqual([{ ticketId: 'ticket-1', text: 'Cancel refused: This subscription cannot be cancelled' }]);
    expect(wrote).toEqual([]);
  });

  it('a failed comment leaves the result standing, with the text to add again', async () => {
    const { deps, plan, desk } = world();
    desk.world.commentFails = true;
    const result = await runAction(deps, plan);
    expect(result).toMatchObject({ status: 'done', audit: { status: 'failed', ticketId: 'ticket-1' } });
    desk.world.commentFails = false;
    const audit = result.status === 'done' ? result.audit : null;
    if (audit?.status !== 'failed') throw new Error('expected a failed audit');
    expect(await addAuditComment(desk.host, audit.ticketId, audit.text)).toEqual({ status: 'added' });
    expect(desk.world.comments).toHaveLength(1);
  });

  it('a contact or account page has no ticket to comment on', async () => {
    const { deps, plan, desk } = world();
    expect(await runAction(deps, { ...plan, ticketId: null })).toMatchObject({ status: 'done', audit: { status: 'none' } });
    expect(desk.world.comments).toEqual([]);
  });
});
