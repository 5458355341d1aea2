/**
 * Reliability: a Desk proxy call that never answers (the SDK's request promise never settles) must not
 * leave the panel loading forever: DeskHost.request gives up after REQUEST_TIMEOUT_MS as a network error.
 */
import { createBillingClient } from '../../../src/billing/billingClient';
import { HOST } from '../../../src/host/timeWindows';

const REQUEST_TIMEOUT_MS = HOST.requestTimeoutMs;
import { BillingError } from '../../../src/billing/errors';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';

const GENEROUS_BOUND_MS = 5 * 60_000;

describe('a Billing request that never gets an answer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('DeskHost.request / BillingApi settle as a network error within 5 minutes', async () => {
    const world = await createSandboxHost({ location: 'ticket' });
    world.sim.transport = () => new Promise<Response>(() => undefined);
    const api = createBillingClient({ request: (req) => world.host.request(req), dataCenter: 'US', organizationId: '60012345678' });
    vi.useFakeTimers();
    let outcome: unknown = 'pending';
    api.getCustomer('2468013000000051001').then(
      () => (outcome = 'resolved'),
      (e: unknown) => (outcome = e),
    );
    await vi.advanceTimersByTimeAsync(GENEROUS_BOUND_MS);
    expect(outcome).toBeInstanceOf(BillingError);
    expect((outcome as BillingError).kind).toBe('network');
  });

  it('gives up at exactly the stated 45 s (fake clock): not a moment before, a network error right after', async () => {
    expect(REQUEST_TIMEOUT_MS).toBe(45_000);
    const world = await createSandboxHost({ location: 'ticket' });
    world.sim.transport = () => new Promise<Response>(() => undefined);
    vi.useFakeTimers();
    let outcome: unknown = 'pending';
    world.host
      .request({ method: 'GET', url: 'https://www.zohoapis.com/billing/v1/customers', headers: {} })
      .then((r) => (outcome = r));
    await vi.advanceTimersByTimeAsync(44_999);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'network', message: expect.stringContaining('45 seconds') } });
  });

  it('a slow answer that arrives at 44 s still lands (the timeout does not cut live calls short)', async () => {
    const world = await createSandboxHost({ location: 'ticket' });
    const transport = world.sim.transport;
    vi.useFakeTimers();
    world.sim.transport = (request) => new Promise<Response>((resolve) => setTimeout(() => resolve(transport(request)), 44_000));
    const api = createBillingClient({ request: (req) => world.host.request(req), dataCenter: 'US', organizationId: '60012345678' });
    let outcome: unknown = 'pending';
    api.listOrganizations().then(
      (orgs) => (outcome = orgs),
      (e: unknown) => (outcome = e),
    );
    await vi.advanceTimersByTimeAsync(44_000);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(Array.isArray(outcome)).toBe(true);
  });
});
