import { describe, expect, it } from 'vitest';
import { httpsUrl, isRecord } from '../../../src/host/guards';

describe('the one https-only guard (C5)', () => {
  it('keeps absolute https links and refuses everything else', () => {
    expect(httpsUrl(' https://billing.zoho.com/app/1#/invoices/2 ')).toBe('https://billing.zoho.com/app/1#/invoices/2');
    for (const bad of ['http://billing.zoho.com/', 'javascript:alert(1)', 'data:text/html,<b>x</b>', '//evil.example/x', '/relative', '', '   ', null, undefined, 42, {}]) {
      expect(httpsUrl(bad)).toBeNull();
    }
  });
});

describe('isRecord', () => {
  it('is true only for plain objects', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('{}')).toBe(false);
  });
});
