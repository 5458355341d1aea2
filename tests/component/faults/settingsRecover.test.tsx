/**
 * Issue 15 on the settings page: a 403 offers Check again, the status summary never says "Connected"
 * while a check runs or after it failed, and a Desk storage read failure says so and recovers in place.
 * Over the whole sandbox: real host adapter → fake ZOHODESK → msw Billing, real Billing client.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { saveSettings } from '../../../src/integration/records/settingsStore';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import { createSandboxHost, type SandboxHostOptions } from '../../../src/sandbox/desk/sandboxHost';
import { SettingsPage } from '../../../src/settings/SettingsPage';

async function setup(options: SandboxHostOptions = {}, before?: (env: Awaited<ReturnType<typeof createSandboxHost>>) => void) {
  const env = await createSandboxHost({ location: 'settings', ...options });
  const saved = await saveSettings(
    env.host,
    {
      version: 0,
      enabled: true,
      organization: { id: F.primaryOrgId, name: 'Zylker Cloud Inc.', currencyCode: 'USD', dataCenter: 'US' },
      linkedHow: 'chosen',
      updatedBy: null,
      updatedAt: null,
    },
    0,
  );
  if (!saved.ok) throw new Error('could not store the settings');
  before?.(env);
  const context = env.host.context();
  render(<SettingsPage host={env.host} i18n={createI18n(context.locale, context.user.timeZone)} />);
  return { ...env, user: userEvent.setup() };
}

/** The overall badge beside the Status heading (the first of its words in the card). */
const badge = () => within(screen.getByRole('region', { name: 'Status' })).getAllByText(/^(Connected|Checking…|Could not check|Organization not available|Disabled|Not connected|Not authorised)$/)[0]!;

describe('settings page: recover in place', () => {
  it('403: says why, never "Connected", and Check again recovers once Billing allows access', async () => {
    const env = await setup({}, (e) => {
      e.sandbox.faults.mode = 'forbidden';
    });
    expect(await screen.findByText(/Zoho Billing did not give your account access to any organization/)).toBeInTheDocument();
    expect(badge()).toHaveTextContent('Organization not available');
    env.sandbox.faults.mode = 'none';
    await env.user.click(screen.getByRole('button', { name: 'Check again' }));
    await vi.waitFor(() => expect(badge()).toHaveTextContent('Connected'));
    expect(screen.queryByText(/did not give your account access/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('while the check runs the summary says "Checking…", not "Connected"', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const env = await setup({}, (e) => {
      const transport = e.sim.transport;
      e.sim.transport = async (request) => {
        if (new URL(request.url).pathname.endsWith('/organizations')) await held;
        return transport(request);
      };
    });
    await vi.waitFor(() => expect(badge()).toHaveTextContent('Checking…'));
    expect(screen.queryByText('Connected', { exact: true })).toBeNull();
    release();
    await vi.waitFor(() => expect(badge()).toHaveTextContent('Connected'));
    expect(env.sandbox.calls.some((c) => c.path.endsWith('/organizations'))).toBe(true);
  });

  it.each(['server-error', 'malformed-json', 'html-error', 'code-nonzero'] as const)(
    'after a failed check (%s) the summary says "Couldn\'t check"; Check again recovers',
    async (mode) => {
      const env = await setup({}, (e) => {
        e.sandbox.faults.mode = mode;
      });
      expect(await screen.findByText(/Could not check the connection to Zoho Billing/)).toBeInTheDocument();
      expect(badge()).toHaveTextContent("Could not check");
      env.sandbox.faults.mode = 'none';
      await env.user.click(screen.getByRole('button', { name: 'Check again' }));
      await vi.waitFor(() => expect(badge()).toHaveTextContent('Connected'));
    },
  );

  it('a host rejection is not "Connected" either', async () => {
    const env = await setup({}, (e) => {
      e.sim.faults.hostReject = true;
    });
    expect(await screen.findByText(/Could not check the connection to Zoho Billing/)).toBeInTheDocument();
    expect(badge()).toHaveTextContent("Could not check");
    env.sim.faults.hostReject = false;
    await env.user.click(screen.getByRole('button', { name: 'Check again' }));
    await vi.waitFor(() => expect(badge()).toHaveTextContent('Connected'));
  });

  it('Desk storage that cannot be read: says so, Retry recovers once it can', async () => {
    const env = await setup({}, (e) => {
      e.sim.faults.storageFails = true;
    });
    const alert = await screen.findByText(/Could not read the saved settings\. Desk storage refused or lost the data\./);
    expect(alert).toBeInTheDocument();
    expect(screen.queryByText('Connected', { exact: true })).toBeNull();
    env.sim.faults.storageFails = false;
    await env.user.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(badge()).toHaveTextContent('Connected'));
    expect(screen.queryByText(/Could not read the saved settings/)).toBeNull();
  });
});
