import { createBillingSandbox, type BillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import { ORG_HEADER } from '../../../src/sandbox/billing/handlers';

const customersRequest = (init: RequestInit = {}) =>
  new Request(`https://www.zohoapis.eu/billing/v1/customers?email=${F.bowmanEmail}`, { ...init, headers: { [ORG_HEADER]: F.primaryOrgId } });

describe('Billing sandbox faults', () => {
  let sandbox: BillingSandbox;
  beforeEach(() => {
    sandbox = createBillingSandbox();
  });

  it('answers normally in mode none', async () => {
    const response = await sandbox.handle(customersRequest());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { code: number }).code).toBe(0);
  });

  it.each([
    ['forbidden', 403, 57],
    ['not-found', 404, 1002],
    ['server-error', 500, 1000],
  ] as const)('mode %s answers HTTP %i with a non-zero code', async (mode, status, code) => {
    sandbox.faults.mode = mode;
    const response = await sandbox.handle(customersRequest());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code });
  });

  it('applies the fault to GET /organizations too', async () => {
    sandbox.faults.mode = 'forbidden';
    const response = await sandbox.handle(new Request('https://www.zohoapis.com/billing/v1/organizations'));
    expect(response.status).toBe(403);
  });

  it('rate-limited answers 429 code 44, with Retry-After only when set', async () => {
    sandbox.faults.mode = 'rate-limited';
    const without = await sandbox.handle(customersRequest());
    expect(without.status).toBe(429);
    expect(without.headers.get('Retry-After')).toBeNull();
    expect(await without.json()).toMatchObject({ code: 44 });
    sandbox.faults.retryAfterSeconds = 12;
    const withHeader = await sandbox.handle(customersRequest());
    expect(withHeader.headers.get('Retry-After')).toBe('12');
  });

  it('code-nonzero answers HTTP 200 with code 1000', async () => {
    sandbox.faults.mode = 'code-nonzero';
    const response = await sandbox.handle(customersRequest());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: 1000, message: 'Internal error' });
  });

  it('html-error answers 502 with an HTML page', async () => {
    sandbox.faults.mode = 'html-error';
    const response = await sandbox.handle(customersRequest());
    expect(response.status).toBe(502);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(await response.text()).toMatch(/<html>/i);
  });

  it('malformed-json answers 200 with a JSON content type and a body that does not parse', async () => {
    sandbox.faults.mode = 'malformed-json';
    const response = await sandbox.handle(customersRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    const text = await response.text();
    expect(text.startsWith('{"code":0')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('timeout hangs (recorded on arrival) until reset releases it', async () => {
    sandbox.faults.mode = 'timeout';
    let settled = false;
    const pending = sandbox.handle(customersRequest()).then((response) => {
      settled = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect(sandbox.calls).toHaveLength(1);
    expect(sandbox.calls[0]!.status).toBe(0);
    sandbox.reset();
    const response = await pending;
    expect(response.status).toBe(504);
  });

  it('timeout ends when the caller aborts', async () => {
    sandbox.faults.mode = 'timeout';
    const controller = new AbortController();
    const pending = sandbox.handle(customersRequest({ signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toBeDefined();
  });

  it('timeout answers only after latency plus 30 s', async () => {
    vi.useFakeTimers();
    try {
      sandbox.faults.mode = 'timeout';
      sandbox.faults.latencyMs = 1000;
      let settled = false;
      const pending = sandbox.handle(customersRequest()).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(30_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect((await pending).status).toBe(504);
    } finally {
      vi.useRealTimers();
    }
  });

  it('timeoutMs shortens the hang (the simulator knob the fault matrix uses)', async () => {
    vi.useFakeTimers();
    try {
      sandbox.faults.mode = 'timeout';
      sandbox.faults.timeoutMs = 1500;
      let settled = false;
      const pending = sandbox.handle(customersRequest()).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(1499);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      expect((await pending).status).toBe(504);
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds latency to answers without changing them', async () => {
    vi.useFakeTimers();
    try {
      sandbox.faults.latencyMs = 500;
      let settled = false;
      const pending = sandbox.handle(customersRequest()).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(400);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect((await pending).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records every faulted call with its status', async () => {
    sandbox.faults.mode = 'rate-limited';
    await sandbox.handle(customersRequest());
    await sandbox.handle(customersRequest());
    expect(sandbox.calls.map((c) => c.status)).toEqual([429, 429]);
    expect(sandbox.calls[0]!.path).toBe('/billing/v1/customers');
  });
});
