/**
 * The panel's Billing, put together in one place for the panel and the bench's workload: the client
 * over the Desk connection (every call counted by the daily meter), the cache, and the portal share.
 */
import type { BillingApi } from '../billing/types';
import type { DeskHost } from '../host/types';
import { createBillingCache, type BillingCache, type CacheOptions } from './cache/billingCache';
import { createPortalShare, type PortalShare, type PortalShareOptions } from './portal/portalShare';

export interface PanelBilling {
  cache: BillingCache;
  /** null when the panel runs for this widget alone (tests, embedders without Desk storage). */
  share: PortalShare | null;
}

export function createPanelBilling(
  host: DeskHost,
  organizationId: string,
  /** The Billing client over a host's request (the host passed in counts every call when shared). */
  makeApi: (host: DeskHost) => BillingApi,
  cacheOptions: Omit<CacheOptions, 'organizationId' | 'shared'> = {},
  shareOptions?: Omit<PortalShareOptions, 'organizationId' | 'deskUserId'>,
): PanelBilling {
  if (!shareOptions) return { cache: createBillingCache(makeApi(host), { ...cacheOptions, organizationId }), share: null };
  let api: BillingApi | null = null;
  // The access check goes through the same metered client as every other call.
  const listOrganizations = () => (api as BillingApi).listOrganizations();
  const share = createPortalShare(host.storage, { listOrganizations }, { ...shareOptions, organizationId, deskUserId: host.context().user.id });
  api = makeApi(share.metered(host));
  return { cache: createBillingCache(api, { ...cacheOptions, organizationId, shared: share.tier }), share };
}
