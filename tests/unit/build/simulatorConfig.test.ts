// The simulator's configuration: URL parameters and patches, with bad values ignored.
import { configFromSearch, configToSearch, DEFAULT_CONFIG, mergeConfig, PANEL_WIDTH } from '../../../src/sandbox/simulator/config';

describe('simulator configuration', () => {
  it('reads a location, context and faults from the page URL', () => {
    const config = mergeConfig(
      DEFAULT_CONFIG,
      configFromSearch('?location=ticketForm&locale=ja&dc=JP&appearance=dark&admin=0&tz=Asia/Tokyo&width=390' +
        '&formContact=c9&formEmail=a%40b.jp&billing=rate-limited&retryAfter=none&latency=800&orgs=none&notAuthorised=1'),
    );
    expect(config).toMatchObject({
      location: 'ticketForm',
      locale: 'ja',
      dataCenter: 'JP',
      appearance: 'dark',
      isAdmin: false,
      timeZone: 'Asia/Tokyo',
      panelWidth: 390,
      form: { contactId: 'c9', email: 'a@b.jp', accountId: '' },
      faults: {
        billing: 'rate-limited',
        retryAfterSeconds: null,
        latencyMs: 800,
        organizations: 'none',
        notAuthorised: true,
        hostReject: false,
        storageFails: false,
        storageWritesFail: false,
        timeoutMs: 30_000,
      },
    });
  });

  it('reads the stored budget state to seed: a shared snapshot\'s age in minutes and a meter preset', () => {
    expect(mergeConfig(DEFAULT_CONFIG, configFromSearch('?shared=12&meter=over')).stored).toEqual({ sharedMinutes: 12, meter: 'over' });
    expect(DEFAULT_CONFIG.stored).toEqual({ sharedMinutes: null, meter: 'none' });
  });

  it('ignores values it does not know instead of breaking the page', () => {
    const config = mergeConfig(DEFAULT_CONFIG, configFromSearch('?location=nowhere&locale=fr&dc=XX&billing=explode&orgs=lots&latency=-5&meter=huge&shared=-3'));
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('keeps the panel between 320 and 400 px, like a Desk side panel', () => {
    expect(mergeConfig(DEFAULT_CONFIG, { panelWidth: 100 }).panelWidth).toBe(PANEL_WIDTH.min);
    expect(mergeConfig(DEFAULT_CONFIG, { panelWidth: 999 }).panelWidth).toBe(PANEL_WIDTH.max);
    expect(mergeConfig(DEFAULT_CONFIG, { panelWidth: 333.4 }).panelWidth).toBe(333);
  });

  it('merges nested faults and form fields without dropping the others', () => {
    const a = mergeConfig(DEFAULT_CONFIG, { faults: { billing: 'server-error' }, form: { email: 'x@y.com' } });
    const b = mergeConfig(a, { faults: { latencyMs: 50 }, form: { contactId: '7' } });
    expect(b.faults).toMatchObject({ billing: 'server-error', latencyMs: 50 });
    expect(b.form).toEqual({ contactId: '7', email: 'x@y.com', accountId: '' });
    expect(mergeConfig(b, { ticketId: null }).ticketId).toBeNull();
  });

  it('writes a URL that reads back to the same configuration, and nothing for the defaults', () => {
    expect(configToSearch(DEFAULT_CONFIG)).toBe('');
    const config = mergeConfig(DEFAULT_CONFIG, {
      location: 'account',
      accountId: '1892000000080001',
      locale: 'ja',
      dataCenter: 'EU',
      isAdmin: false,
      panelWidth: 340,
      form: { email: 'a+b@c.example' },
      faults: { billing: 'html-error', retryAfterSeconds: null, latencyMs: 1200, organizations: 'non-admin', storageFails: true, storageWritesFail: true, timeoutMs: 1500 },
      stored: { sharedMinutes: 12, meter: 'near' },
    });
    const search = configToSearch(config);
    expect(search).toMatch(/^\?/);
    expect(mergeConfig(DEFAULT_CONFIG, configFromSearch(search))).toEqual(config);
  });
});
