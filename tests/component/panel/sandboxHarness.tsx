/** Panel over the whole sandbox: REAL Desk adapter + fake SDK + msw Billing/Desk handlers + real Billing client. */
import { configure, render } from '@testing-library/react';
import type { DeskHost } from '../../../src/host/types';
import type { CacheOptions } from '../../../src/integration/cache/billingCache';
import { createI18n } from '../../../src/i18n/i18n';
import { saveSettings } from '../../../src/integration/records/settingsStore';
import type { IntegrationSettings } from '../../../src/integration/records/types';
import { PanelApp } from '../../../src/panel/PanelApp';
import { BILLING_FIXTURES } from '../../../src/sandbox/billing/fixtures';
import { createSandboxHost, type SandboxHost, type SandboxHostOptions } from '../../../src/sandbox/desk/sandboxHost';

// The machine is shared by parallel runs: give async queries room (no test measures speed).
configure({ asyncUtilTimeout: 5000 });

export async function connect(host: DeskHost, overrides: Partial<IntegrationSettings> = {}): Promise<void> {
  const saved = await saveSettings(
    host,
    {
      version: 0,
      enabled: true,
      organization: { id: BILLING_FIXTURES.primaryOrgId, name: 'Zylker', currencyCode: 'USD', dataCenter: 'US' },
      linkedHow: 'auto',
      updatedBy: null,
      updatedAt: null,
      ...overrides,
    },
    0,
  );
  if (!saved.ok) throw new Error(`could not store settings: ${JSON.stringify(saved)}`);
}

export async function renderSandboxPanel(
  options: SandboxHostOptions = {},
  settings: Partial<IntegrationSettings> | null = {},
  /** The cache's clock and sleep, for tests that must not depend on how fast the machine runs. */
  cacheOptions: Omit<CacheOptions, 'organizationId' | 'shared'> = {},
): Promise<SandboxHost> {
  const world = await createSandboxHost(options);
  if (settings) await connect(world.host, settings);
  world.sandbox.calls.length = 0;
  const context = world.host.context();
  render(
    <PanelApp
      host={world.host}
      i18n={createI18n(context.locale, context.user.timeZone)}
      cacheOptions={{ sleep: async () => undefined, random: () => 0, ...cacheOptions }}
    />,
  );
  return world;
}
