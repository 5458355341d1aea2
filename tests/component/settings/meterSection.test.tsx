/**
 * The daily meter on the settings page, over the sandbox's Desk storage (real host adapter, fake SDK).
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { dayKey, METER_CAP_KEY } from '../../../src/integration/portal/dailyMeter';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { MeterSection } from '../../../src/settings/MeterSection';

const NOW = new Date('2026-11-30T09:00:00Z');

async function setup(locale: string, canEdit: boolean) {
  const env = await createSandboxHost({ location: 'settings', locale });
  const put = (key: string, value: Record<string, unknown>) => env.sim.storage.set(key, { key, queriableValue: 'meter', value });
  put(dayKey('2026-11-30'), { d: '2026-11-30', s: { a1: 420, b2: 500 } });
  put(dayKey('2026-11-28'), { d: '2026-11-28', s: { a1: 77 } });
  put(dayKey('2026-11-01'), { d: '2026-11-01', s: { a1: 5 } });
  put(METER_CAP_KEY, { cap: 1000 });
  const i18n = createI18n(locale, 'UTC');
  render(<MeterSection i18n={i18n} host={env.host} canEdit={canEdit} now={() => NOW} />);
  return { ...env, user: userEvent.setup() };
}

describe('daily meter section', () => {
  it("shows today's calls against the cap, the last 7 days, and that panels have eased off", async () => {
    const env = await setup('en', true);
    const card = screen.getByRole('region', { name: 'Zoho Billing calls per day' });
    expect(await within(card).findByText('Calls today (UTC): 920 of 1,000.')).toBeInTheDocument();
    expect(within(card).getByRole('status')).toHaveTextContent(/past 90% of the cap: panels no longer refresh in the background/);
    const rows = within(within(card).getByRole('table', { name: 'The last 7 days' })).getAllByRole('row');
    expect(rows).toHaveLength(8);
    expect(rows[1]).toHaveTextContent('920');
    expect(rows[3]).toHaveTextContent('77');
    // The admin's visit drops days older than the page shows.
    await vi.waitFor(() => expect(env.sim.storage.has(dayKey('2026-11-01'))).toBe(false));
  });

  it('an admin sets the cap; a bad number gets a clear message and changes nothing', async () => {
    const env = await setup('en', true);
    const input = await screen.findByRole('textbox', { name: 'Daily cap (calls)' });
    await env.user.clear(input);
    await env.user.type(input, '12.5');
    await env.user.click(screen.getByRole('button', { name: 'Save cap' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number from 1 to 1,000,000');
    expect(env.sim.storage.get(METER_CAP_KEY)?.value).toEqual({ cap: 1000 });
    await env.user.clear(input);
    await env.user.type(input, '5000');
    await env.user.click(screen.getByRole('button', { name: 'Save cap' }));
    expect(await screen.findByText('Cap saved: 5,000 calls a day.')).toBeInTheDocument();
    expect(env.sim.storage.get(METER_CAP_KEY)?.value).toMatchObject({ cap: 5000 });
  });

  it('in Japanese, read-only for an agent who is not an admin', async () => {
    await setup('ja', false);
    expect(await screen.findByText('本日（UTC）：920 回／上限 1,000 回')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '1 日の上限（回）' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '上限を保存' })).toBeDisabled();
    expect(screen.getByRole('table', { name: '過去 7 日間' })).toBeInTheDocument();
  });
});
