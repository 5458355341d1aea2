import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BILLING_FIXTURES } from '../../../src/sandbox/billing/fixtures';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { DESK_FIXTURES } from '../../../src/sandbox/desk/deskFixtures';
import { connect } from './sandboxHarness';

describe('panel entry', () => {
  beforeEach(() => {
    vi.resetModules();
    document.body.innerHTML = '<div id="root"></div>';
  });
  afterEach(() => {
    document.body.innerHTML = '';
    delete window.ZOHODESK;
  });

  it('shows a plain message when opened outside Zoho Desk', async () => {
    delete window.ZOHODESK;
    await import('../../../src/entries/panel');
    expect(await screen.findByRole('alert')).toHaveTextContent('This page runs inside Zoho Desk.');
  });

  it("starts through the real adapter in the agent's language and appearance, and follows appearance changes", async () => {
    const world = await createSandboxHost({ location: 'ticket', ticketId: DESK_FIXTURES.singleMatchTicketId, locale: 'ja_JP', appearance: 'dark' });
    await connect(world.host);
    window.ZOHODESK = world.zohodesk;
    await import('../../../src/entries/panel');
    expect(await screen.findByRole('tab', { name: '概要' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(document.documentElement.dataset.appearance).toBe('dark');
    expect(document.documentElement.lang).toBe('ja');
    await vi.waitFor(() => expect(world.sandbox.calls.some((c) => c.url.includes(BILLING_FIXTURES.bowmanCustomerId))).toBe(true));
    world.sim.app.appearance = 'light';
    world.sim.emit('user_preference.changed', { appearance: 'light' });
    await vi.waitFor(() => expect(document.documentElement.dataset.appearance).toBe('light'), { timeout: 5000 });
  });
});
