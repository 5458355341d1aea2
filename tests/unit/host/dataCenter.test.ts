import { describe, expect, it } from 'vitest';
import { connectDeskHost } from '../../../src/host/deskHost';
import { dataCenterOfUrl, DESK_DOMAINS, resolveDataCenter } from '../../../src/host/dataCenter';
import { DATA_CENTERS } from '../../../src/host/types';
import { createDeskSimulation, type DeskSimulationOptions } from '../../../src/sandbox/desk/simulation';
import { createFakeZohoDesk } from '../../../src/sandbox/desk/fakeZohoDesk';

async function contextOf(app: DeskSimulationOptions['app']) {
  const host = await connectDeskHost(createFakeZohoDesk(createDeskSimulation({ app })));
  return host.context();
}

const ALL_REGIONS = Object.fromEntries(Object.entries(DESK_DOMAINS).map(([dc, host]) => [dc, `https://${host}`]));

describe('data center: dcType first', () => {
  it('a documented dcType decides, whatever the URLs say', () => {
    expect(resolveDataCenter({ dcType: 'EU', deskDomainUrl: 'https://desk.zoho.jp' })).toEqual({ dataCenter: 'EU', source: 'dcType' });
    expect(resolveDataCenter({ dcType: 'com.au' })).toEqual({ dataCenter: 'AU', source: 'dcType' });
  });
});

describe('data center: derived from the Desk URL when dcType is missing or unknown', () => {
  it.each(DATA_CENTERS.map((dc) => [dc, `https://${DESK_DOMAINS[dc]}`] as const))('%s from %s', (dc, url) => {
    expect(resolveDataCenter({ dcType: undefined, deskDomainUrl: url })).toEqual({ dataCenter: dc, source: 'deskDomainUrl' });
    expect(resolveDataCenter({ dcType: 'ZOHOCLOUD', deskDomainUrl: `${url}/agent/acme/tickets` })).toEqual({ dataCenter: dc, source: 'deskDomainUrl' });
  });

  it('reads a bare host, a portal sub-domain and upper case; a custom domain names no region', () => {
    expect(dataCenterOfUrl('desk.zohocloud.ca')).toBe('CA');
    expect(dataCenterOfUrl('https://support.desk.zoho.sa/portal')).toBe('SA');
    expect(dataCenterOfUrl('HTTPS://DESK.ZOHO.COM.CN')).toBe('CN');
    expect(dataCenterOfUrl('https://help.acme.com')).toBeNull();
    // A look-alike is not Zoho's host.
    expect(dataCenterOfUrl('https://desk.zoho.com.evil.example')).toBeNull();
    expect(dataCenterOfUrl('https://notdesk.zoho.eu')).toBeNull();
  });

  it('deskDomainUrls (every region) decides only through the unknown dcType\'s own entry, or when it names one region', () => {
    expect(resolveDataCenter({ dcType: 'CA', deskDomainUrls: ALL_REGIONS }).source).toBe('dcType');
    expect(resolveDataCenter({ dcType: 'sa', deskDomainUrls: { ...ALL_REGIONS } })).toEqual({ dataCenter: 'SA', source: 'dcType' });
    expect(resolveDataCenter({ dcType: 'CAN', deskDomainUrls: { ...ALL_REGIONS, CAN: 'https://desk.zohocloud.ca' } })).toEqual({
      dataCenter: 'CA',
      source: 'deskDomainUrls',
    });
    expect(resolveDataCenter({ dcType: null, deskDomainUrls: ['https://desk.zoho.sa'] })).toEqual({ dataCenter: 'SA', source: 'deskDomainUrls' });
    expect(resolveDataCenter({ dcType: null, deskDomainUrls: JSON.stringify({ X: 'https://desk.zoho.in' }) })).toEqual({ dataCenter: 'IN', source: 'deskDomainUrls' });
    expect(resolveDataCenter({ dcType: null, deskDomainUrls: ALL_REGIONS })).toEqual({ dataCenter: 'US', source: 'default' });
  });

  it('then the page framing the widget, and only then US (reported as the default)', () => {
    expect(resolveDataCenter({ dcType: null, framedBy: ['https://desk.zoho.eu'] })).toEqual({ dataCenter: 'EU', source: 'framingPage' });
    expect(resolveDataCenter({ dcType: null, framedBy: ['https://help.acme.com/', ''] })).toEqual({ dataCenter: 'US', source: 'default' });
    expect(resolveDataCenter({ dcType: '' })).toEqual({ dataCenter: 'US', source: 'default' });
  });
});

describe('the adapter reads App.meta', () => {
  it('dcType from meta', async () => {
    expect(await contextOf({ dcType: 'JP' })).toMatchObject({ dataCenter: 'JP', dataCenterSource: 'dcType' });
  });

  it('no dcType: deskDomainUrl decides (CA, SA)', async () => {
    expect(await contextOf({ dcType: '', deskDomainUrl: 'https://desk.zohocloud.ca' })).toMatchObject({ dataCenter: 'CA', dataCenterSource: 'deskDomainUrl' });
    expect(await contextOf({ dcType: 'UNKNOWN', deskDomainUrl: 'https://desk.zoho.sa' })).toMatchObject({ dataCenter: 'SA', dataCenterSource: 'deskDomainUrl' });
  });

  it('nothing to go by: US, and the context says it was assumed', async () => {
    expect(await contextOf({ dcType: '', deskDomainUrl: null })).toMatchObject({ dataCenter: 'US', dataCenterSource: 'default' });
  });
});
