/**
 * Issue 15: the 429 cool-down outlives the widget and answers "busy, retry at …" without calling for its
 * whole length; a request abandoned by the Desk timeout is never joined by the agent's Retry.
 */
import { createBillingClient } from '../../../src/billing/billingClient';
import { BillingError } from '../../../src/billing/errors';
import type { BillingApi } from '../../../src/billing/types';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { isSuperseded } from '../../../src/integration/cache/billingRequests';
import { sessionPersistence } from '../../../src/integration/cache/sessionCache';
import { HOST } from '../../../src/host/timeWindows';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { MemoryStorage } from '../../../src/sandbox/memoryStorage';

const bowman = { id: 'c1', displayName: 'Bowman' };

function busyBilling(state: { busy: boolean; calls: number }): BillingApi {
  return new Proxy({} as BillingApi, {
    get: () => async () => {
      state.calls += 1;
      if (state.busy) throw new BillingError('rate-limited', '429');
      return bowman;
    },
  });
}

describe('the 429 cool-down outlives the widget', () => {
  function setup() {
    const storage = new MemoryStorage();
    const clock = { t: Date.parse('2026-11-30T08:00:00Z') };
    const state = { busy: true, calls: 0 };
    // Desk re-creates the widget (and so the cache) on every open; the tab's storage stays.
    const widget = () =>
      createBillingCache(busyBilling(state), {
        organizationId: 'org1',
        persist: sessionPersistence(storage),
        now: () => clock.t,
        sleep: async (ms) => {
          clock.t += ms;
        },
        random: () => 0,
      });
    return { storage, clock, state, widget };
  }

  it('a re-created widget answers "busy, retry at …" for the whole cool-down without calling Billing', async () => {
    const { clock, state, widget } = setup();
    const first = await widget().read('getCustomer', 'c1').catch((e: unknown) => e);
    expect(first).toMatchObject({ kind: 'rate-limited' });
    const until = (first as BillingError).retryAt!;
    expect(until).toBeGreaterThanOrEqual(clock.t + 30_000);
    const spent = state.calls;
    expect(spent).toBe(3);

    // Early, in the middle, and in the last seconds (where a silent wait and a call used to happen).
    for (const at of [until - 29_000, until - 15_000, until - 5_000, until - 1]) {
      clock.t = at;
      const answer = await widget().read('getCustomer', 'c1').catch((e: unknown) => e);
      expect(answer).toBeInstanceOf(BillingError);
      expect(answer).toMatchObject({ kind: 'rate-limited', retryAt: until });
      expect(clock.t).toBe(at);
    }
    expect(state.calls).toBe(spent);

    // Over: the next read asks Billing again.
    clock.t = until;
    state.busy = false;
    expect((await widget().read('getCustomer', 'c1')).value).toEqual(bowman);
    expect(state.calls).toBe(spent + 1);
  });

  it("only the agent's Retry ends it early, also for widgets created later", async () => {
    const { clock, state, widget } = setup();
    const first = widget();
    await first.read('getCustomer', 'c1').catch(() => undefined);
    expect(first.coolDownUntil()).not.toBeNull();
    clock.t += 2_000;
    state.busy = false;
    const again = widget();
    expect(again.coolDownUntil()).not.toBeNull();
    again.resume();
    expect((await widget().read('getCustomer', 'c1')).value).toEqual(bowman);
    expect(widget().coolDownUntil()).toBeNull();
  });
});

describe('a rate-limited read the agent moved away from', () => {
  it('is not attempted again once superseded (ticket switch, Retry): no budget spent on an answer nobody waits for', async () => {
    const state = { busy: true, calls: 0 };
    const clock = { t: Date.parse('2026-11-30T08:00:00Z') };
    let switchTicket = () => {};
    const cache = createBillingCache(busyBilling(state), {
      organizationId: 'org1',
      now: () => clock.t,
      // The agent switches ticket while the first 429 is being backed off.
      sleep: async (ms) => {
        clock.t += ms;
        switchTicket();
      },
      random: () => 0,
    });
    switchTicket = () => cache.supersede();
    const outcome = await cache.read('getCustomer', 'c1').catch((e: unknown) => e);
    expect(isSuperseded(outcome)).toBe(true);
    expect(state.calls).toBe(1);
    // Nothing gave up on Billing, so no cool-down: the next ticket's read asks at once.
    expect(cache.coolDownUntil()).toBeNull();
  });
});

describe('requests abandoned by the Desk timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are not joined: a Retry after the timeout gets a fresh request and an answer', async () => {
    const world = await createSandboxHost({ location: 'ticket' });
    const healthy = world.sim.transport;
    world.sim.transport = () => new Promise<Response>(() => undefined);
    const api = createBillingClient({ request: (req) => world.host.request(req), dataCenter: 'US', organizationId: '60012345678' });
    // One call at a time: the second read waits for the first, and goes out only when Desk gives up on it.
    const cache = createBillingCache(api, { organizationId: '60012345678', maxConcurrent: 1 });
    vi.useFakeTimers();
    const outcome = (p: Promise<unknown>) => {
      const o: { value: unknown } = { value: 'pending' };
      p.then(
        (v) => (o.value = v),
        (e: unknown) => (o.value = e),
      );
      return o;
    };
    const a = outcome(cache.read('getCustomer', '2468013000000051001').then((f) => f.value));
    const b = outcome(cache.read('getCustomer', '2468013000000051009').then((f) => f.value));
    await vi.advanceTimersByTimeAsync(HOST.requestTimeoutMs + 1);
    expect(a.value).toMatchObject({ kind: 'network' });
    expect(b.value).toBe('pending');

    // Billing is healthy again and the agent clicks Retry: both reads answer now, neither joins a hanging call.
    await vi.advanceTimersByTimeAsync(5_000);
    world.sim.transport = healthy;
    cache.resume();
    cache.supersede();
    const a2 = outcome(cache.read('getCustomer', '2468013000000051001').then((f) => f.value));
    const b2 = outcome(cache.read('getCustomer', '2468013000000051009').then((f) => f.value));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(a2.value).toMatchObject({ id: '2468013000000051001' });
    expect(b2.value).toMatchObject({ id: '2468013000000051009' });
  });
});
