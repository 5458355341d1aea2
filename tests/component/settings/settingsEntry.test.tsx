import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeZohoDesk } from '../../../src/sandbox/desk/fakeZohoDesk';
import { createDeskSimulation } from '../../../src/sandbox/desk/simulation';

describe('settings entry', () => {
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
    await import('../../../src/entries/settings');
    expect(await screen.findByRole('alert')).toHaveTextContent('This page works only inside Zoho Desk.');
  });

  it("starts through the real adapter in the agent's language and appearance", async () => {
    const sim = createDeskSimulation({ app: { location: 'desk.extension.preference', locale: 'ja_JP', appearance: 'dark' } });
    window.ZOHODESK = createFakeZohoDesk(sim);
    await import('../../../src/entries/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Zoho Billing 連携' })).toBeInTheDocument();
    expect(document.documentElement.dataset.appearance).toBe('dark');
    expect(document.documentElement.lang).toBe('ja');

    sim.app.appearance = 'light';
    sim.emit('user_preference.changed', { appearance: 'light' });
    await vi.waitFor(() => expect(document.documentElement.dataset.appearance).toBe('light'));
  });
});
