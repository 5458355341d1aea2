/**
 * What an agent sees of the daily cap (SPEC E1), over the sandbox with the portal share as shipped.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { dayOf, METER_SESSION_KEY } from '../../../src/integration/portal/dailyMeter';
import { PanelApp } from '../../../src/panel/PanelApp';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { MemoryStorage } from '../../../src/sandbox/memoryStorage';
import { connect } from './sandboxHarness';

async function panelAt(total: number, locale = 'en', cap = 10) {
  const world = await createSandboxHost({ location: 'ticket', ticketId: D.singleMatchTicketId, locale });
  await connect(world.host);
  world.sandbox.calls.length = 0;
  const tab = new MemoryStorage();
  // This tab's meter last heard the portal had spent `total` of the cap today.
  tab.setItem(METER_SESSION_KEY, JSON.stringify({ sid: 's1', day: dayOf(Date.now()), count: 0, flushed: 0, lastFlushAt: Date.now(), total, cap }));
  render(
    <PanelApp
      host={world.host}
      i18n={createI18n(locale, 'UTC')}
      cacheOptions={{ sleep: async () => undefined, random: () => 0 }}
      portalShare={{ session: tab }}
    />,
  );
  return world;
}

describe('daily cap in the panel', () => {
  it('near the cap the agent is told the panel shows saved answers', async () => {
    // 90 of 100: the open's own few calls keep it near (not past) the cap.
    await panelAt(90, 'en', 100);
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    expect(screen.getByText(/Close to today's Zoho Billing call limit/)).toBeInTheDocument();
  });

  it('past the cap nothing is called until the agent clicks Retry', async () => {
    const world = await panelAt(10);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByText(/Today's Zoho Billing call limit has been reached/)).toBeInTheDocument();
    expect(world.sandbox.calls.filter((c) => c.url.includes('/billing/'))).toHaveLength(0);
    await userEvent.setup().click(retry);
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    expect(world.sandbox.calls.filter((c) => c.url.includes('/billing/')).length).toBeGreaterThan(0);
  });

  it('in Japanese too', async () => {
    await panelAt(90, 'ja', 100);
    expect(await screen.findByText(/本日の Zoho Billing API 呼び出しの上限に近づいています/)).toBeInTheDocument();
  });

  it('once the open itself passes the cap, the banner says Billing is asked only when the agent clicks', async () => {
    await panelAt(9); // 9 of 10: the open's first call reaches the cap
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    expect(screen.getByText(/Today's Zoho Billing call limit has been reached: the panel shows saved data/)).toBeInTheDocument();
  });
});
