/**
 * Zoho Billing hosts per data center (billing-api.md §1.1, SPEC C2). The Desk data center decides
 * which Billing region the connection talks to; a Desk portal never spans regions.
 */
import type { DataCenter } from '../host/types';

/** Top-level domain of each Zoho region. UK is not listed: no Billing source confirms it (§1.1). */
const TLD: Record<DataCenter, string> = {
  US: 'com',
  EU: 'eu',
  IN: 'in',
  AU: 'com.au',
  JP: 'jp',
  CA: 'ca',
  SA: 'sa',
  CN: 'com.cn',
};

/** REST root, e.g. "https://www.zohoapis.com/billing/v1" (no trailing slash). */
export function billingApiBase(dc: DataCenter): string {
  return `https://www.zohoapis.${TLD[dc]}/billing/v1`;
}

/** Billing web app root, e.g. "https://billing.zoho.eu". Canada runs on the separate zohocloud.ca domain. */
export function billingWebBase(dc: DataCenter): string {
  return dc === 'CA' ? 'https://billing.zohocloud.ca' : `https://billing.zoho.${TLD[dc]}`;
}

function appUrl(dc: DataCenter, orgId: string, route: string): string {
  return `${billingWebBase(dc)}/app/${encodeURIComponent(orgId)}#/${route}`;
}

/** Opens the customer in the Zoho Billing web app ("open in Zoho Billing"). */
export function customerWebUrl(dc: DataCenter, orgId: string, customerId: string): string {
  return appUrl(dc, orgId, `customers/${encodeURIComponent(customerId)}`);
}

export function invoiceWebUrl(dc: DataCenter, orgId: string, invoiceId: string): string {
  return appUrl(dc, orgId, `invoices/${encodeURIComponent(invoiceId)}`);
}

export function subscriptionWebUrl(dc: DataCenter, orgId: string, subscriptionId: string): string {
  return appUrl(dc, orgId, `subscriptions/${encodeURIComponent(subscriptionId)}`);
}

export function quoteWebUrl(dc: DataCenter, orgId: string, quoteId: string): string {
  return appUrl(dc, orgId, `quotes/${encodeURIComponent(quoteId)}`);
}

/**
 * Where an admin creates a Billing organization (SPEC A3). The exact route is unverified; `/app` on its
 * own already sends a user without any organization into Billing's organization setup, so the worst case
 * of a wrong fragment is landing on the Billing home page of the right region.
 */
export function createOrganizationUrl(dc: DataCenter): string {
  return `${billingWebBase(dc)}/app#/organizations/new`;
}
