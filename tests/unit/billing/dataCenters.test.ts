import { describe, expect, it } from 'vitest';
import { DATA_CENTERS } from '../../../src/host/types';
import {
  billingApiBase,
  billingWebBase,
  createOrganizationUrl,
  customerWebUrl,
  invoiceWebUrl,
  quoteWebUrl,
  subscriptionWebUrl,
} from '../../../src/billing/dataCenters';

describe('Billing data centers', () => {
  it.each([
    ['US', 'https://www.zohoapis.com/billing/v1', 'https://billing.zoho.com'],
    ['EU', 'https://www.zohoapis.eu/billing/v1', 'https://billing.zoho.eu'],
    ['IN', 'https://www.zohoapis.in/billing/v1', 'https://billing.zoho.in'],
    ['AU', 'https://www.zohoapis.com.au/billing/v1', 'https://billing.zoho.com.au'],
    ['JP', 'https://www.zohoapis.jp/billing/v1', 'https://billing.zoho.jp'],
    ['CA', 'https://www.zohoapis.ca/billing/v1', 'https://billing.zohocloud.ca'],
    ['SA', 'https://www.zohoapis.sa/billing/v1', 'https://billing.zoho.sa'],
    ['CN', 'https://www.zohoapis.com.cn/billing/v1', 'https://billing.zoho.com.cn'],
  ] as const)('%s → API %s, web app %s', (dc, api, web) => {
    expect(billingApiBase(dc)).toBe(api);
    expect(billingWebBase(dc)).toBe(web);
  });

  it('covers every data center the host knows', () => {
    for (const dc of DATA_CENTERS) {
      expect(billingApiBase(dc)).toMatch(/^https:\/\/www\.zohoapis\.[a-z.]+\/billing\/v1$/);
      expect(new URL(createOrganizationUrl(dc)).protocol).toBe('https:');
    }
  });

  it('builds "open in Zoho Billing" links inside the organization', () => {
    expect(customerWebUrl('US', '60012345678', '2468013000000051001')).toBe(
      'https://billing.zoho.com/app/60012345678#/customers/2468013000000051001',
    );
    expect(invoiceWebUrl('JP', '1', '2')).toBe('https://billing.zoho.jp/app/1#/invoices/2');
    expect(subscriptionWebUrl('CA', '1', '3')).toBe('https://billing.zohocloud.ca/app/1#/subscriptions/3');
    expect(quoteWebUrl('EU', '1', '4')).toBe('https://billing.zoho.eu/app/1#/quotes/4');
  });

  it('encodes ids so a hostile one cannot leave its route', () => {
    const url = customerWebUrl('US', '600/../x', 'a/b#c?d');
    expect(url).toBe('https://billing.zoho.com/app/600%2F..%2Fx#/customers/a%2Fb%23c%3Fd');
    expect(new URL(url).host).toBe('billing.zoho.com');
  });

  it('points "create organization" at the Billing app of the same region', () => {
    expect(createOrganizationUrl('EU').startsWith('https://billing.zoho.eu/app')).toBe(true);
    expect(createOrganizationUrl('CA').startsWith('https://billing.zohocloud.ca/app')).toBe(true);
  });
});
