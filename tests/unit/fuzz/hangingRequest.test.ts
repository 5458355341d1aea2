/**
 * Reliability: a Desk proxy call that never answers (the SDK's request promise never settles) must not
 * leave the panel loading forever: DeskHost.request gives up after REQUEST_TIMEOUT_MS as a network error.
 */
import { createBillingClient } from '../../../src/billing/billingClient';
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
});
