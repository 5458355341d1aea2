/**
 * A host rejection that carries Billing's `{code, message}` or Desk's `{errorCode}` but no HTTP status is
 * classified by that body (issue 14), no longer as 'network'; a permanent error is never retried.
 * On the old main every case below came out as kind 'network' (transient), and the cache kept it stale.
 */
import { describe, expect, it } from 'vitest';
import { createBillingClient } from '../../../src/billing/billingClient';
import { BillingError } from '../../../src/billing/errors';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { fakeRequest, hostFailure } from './fakeRequest';

function clientRejecting(body: unknown) {
  const fake = fakeRequest(hostFailure({ kind: 'rejected', message: 'refused', body }));
  return { fake, client: createBillingClient({ request: fake.request, dataCenter: 'US', organizationId: '10234695' }) };
}

async function errorOf(p: Promise<unknown>): Promise<BillingError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BillingError) return e;
    throw e;
  }
  throw new Error('expected a BillingError');
}

describe('classified by the body', () => {
  it.each([
    ['Billing 1002 (does not exist)', { code: 1002, message: 'Invoice does not exist.' }, 'not-found', 1002],
    ['Billing 3004 (invalid reference)', { code: 3004, message: 'Please enter a valid reference for the customer' }, 'not-found', 3004],
    ['Billing 57 (not authorised)', { code: 57, message: 'You are not authorized to perform this operation' }, 'not-authorised', 57],
    ['Billing 14, code as a string', { code: '14', message: 'Invalid OAuth token' }, 'not-authorised', 14],
    ['Billing 403 text (permission)', { code: 4, message: 'The user does not have enough permission or possibly not an user of the respective organization' }, 'forbidden', 4],
    ['Billing other code (invalid)', { code: 2, message: 'Invalid value passed for per_page' }, 'rejected', 2],
    ['Desk URL_NOT_FOUND', { errorCode: 'URL_NOT_FOUND', message: 'The URL you requested could not be found.' }, 'not-found', undefined],
    ['Desk INVALID_OAUTH', { errorCode: 'INVALID_OAUTH' }, 'not-authorised', undefined],
    ['Desk FORBIDDEN', { errorCode: 'FORBIDDEN', message: 'You do not have sufficient permission.' }, 'forbidden', undefined],
    ['Desk INVALID_DATA', { errorCode: 'INVALID_DATA', message: 'An invalid value is passed.' }, 'rejected', undefined],
  ] as const)('%s → %s, not transient', async (_name, body, kind, code) => {
    const { client } = clientRejecting(body);
    const error = await errorOf(client.getCustomer('1'));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.status).toBeUndefined();
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(/without an HTTP status/);
  });

  it('Billing 44 (per-minute limit) is rate-limited: transient, and the cache backs off', async () => {
    const { client } = clientRejecting({ code: 44, message: 'Your request has been blocked' });
    expect((await errorOf(client.getCustomer('1'))).kind).toBe('rate-limited');
  });

  it('a rejection without a remote body is still a lost request (network)', async () => {
    const fake = fakeRequest(hostFailure({ kind: 'rejected', message: 'Unable to reach the server.' }));
    const client = createBillingClient({ request: fake.request, dataCenter: 'US', organizationId: '1' });
    expect((await errorOf(client.getCustomer('1'))).kind).toBe('network');
  });
});

describe('a permanent error is never retried automatically', () => {
  it('the cache calls once for a body-classified refusal, and retries a rate limit', async () => {
    const permanent = clientRejecting({ code: 1002, message: 'Customer does not exist.' });
    const cache = createBillingCache(permanent.client, { organizationId: '10234695', sleep: async () => undefined, random: () => 0 });
    await expect(cache.read('getCustomer', '1')).rejects.toMatchObject({ kind: 'not-found' });
    expect(permanent.fake.calls).toHaveLength(1);

    const limited = clientRejecting({ code: 44, message: 'Too many requests' });
    const cache2 = createBillingCache(limited.client, { organizationId: '10234695', sleep: async () => undefined, random: () => 0 });
    await expect(cache2.read('getCustomer', '1')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(limited.fake.calls.length).toBeGreaterThan(1);
  });
});

describe('end to end over the simulated portal (real adapter, sample-shaped rejections without statusCode)', () => {
  it.each([
    ['not-found', 'not-found'],
    // The sandbox's 403 carries code 57; without the status only the code speaks, and 57 means "not authorised".
    ['forbidden', 'not-authorised'],
    ['code-nonzero', 'rejected'],
  ] as const)('Billing mode %s → %s', async (mode, kind) => {
    const env = await createSandboxHost({ location: 'settings', faults: { remoteErrorsReject: true, rejectWithoutStatus: true } });
    env.sandbox.faults.mode = mode;
    const client = createBillingClient({ request: (r) => env.host.request(r), dataCenter: 'US', organizationId: null });
    const error = await errorOf(client.listOrganizations());
    expect(error.kind).toBe(kind);
    expect(error.transient).toBe(false);
  });
});
