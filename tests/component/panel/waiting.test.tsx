/** Issue 11 "States (B12)": a slow call is said in words, a timeout is called a timeout, a 429 says when to try again. */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { createBillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { renderSandboxPanel } from './sandboxHarness';

afterEach(() => {
  vi.useRealTimers();
});

describe('waiting for Billing, in words', () => {
  it('a call that hangs: after ~3 s it says it is still loading; when it times out it says so (not "a problem answering")', async () => {
    const sandbox = createBillingSandbox();
    sandbox.faults.mode = 'timeout';
    await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, sandbox });
    expect(await screen.findByText('Finding the Billing customer…')).toBeInTheDocument();
    expect(screen.queryByText(/Still loading/)).toBeNull();
    expect(await screen.findByText(/Still loading: this is taking longer than usual\./, {}, { timeout: 6000 })).toBeVisible();
    // The gateway gives up: the hanging calls are answered 504 Gateway Timeout.
    sandbox.reset();
    expect(await screen.findByText('Zoho Billing did not respond in time. Check the connection and try again.')).toBeInTheDocument();
    expect(screen.queryByText(/had a problem answering/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  }, 20_000);

  it.each([
    ['en', /^Zoho Billing is busy \(too many requests\)\. Try again at (.+) \(in (\d+) s\)\.$/],
    ['ja', /^Zoho Billing へのリクエストが多すぎます。(.+)（(\d+) 秒後）に再試行してください。$/],
  ])('%s: a 429 with Retry-After: 30 names the time to try again', async (locale, words) => {
    // Only Date is frozen (timers run as usual): the named instant is then exact, however slow the machine.
    const frozen = Date.parse('2026-12-01T09:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'], now: frozen });
    const sandbox = createBillingSandbox();
    sandbox.faults.mode = 'rate-limited';
    sandbox.faults.retryAfterSeconds = 30;
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, sandbox, locale });
    const i18n = createI18n(locale, world.host.context().user.timeZone);
    const alert = await screen.findByRole('alert');
    const text = alert.querySelector('p')?.textContent ?? '';
    expect(text).not.toMatch(/in a minute|1 分ほど/);
    const [, time, seconds] = words.exec(text) ?? [];
    expect(Number(seconds)).toBe(30);
    // The named instant is 30 s after Billing's answer reached the panel.
    expect(time).toBe(i18n.time(frozen + 30_000));
  });
});
