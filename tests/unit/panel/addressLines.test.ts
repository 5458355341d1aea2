import { describe, expect, it } from 'vitest';
import type { Address } from '../../../src/billing/types';
import { addressLines } from '../../../src/panel/address';

const blank: Address = { attention: '', street: '', street2: '', city: '', state: '', zip: '', country: '', phone: '', fax: '' };

describe('addresses read the way their country writes them', () => {
  it('US: city, state zip', () => {
    expect(
      addressLines({ ...blank, attention: 'Benjamin George', street: '1200 Harrison St', street2: 'Suite 400', city: 'San Francisco', state: 'California', zip: '94103', country: 'U.S.A' }),
    ).toEqual(['Benjamin George', '1200 Harrison St', 'Suite 400', 'San Francisco, California 94103', 'U.S.A']);
  });

  it('Japan: postal code first, prefecture then city, the addressee last', () => {
    expect(
      addressLines({ ...blank, attention: '経理部 山田 太郎', street: '丸の内1-1-1', street2: 'パレスビル5階', city: '千代田区', state: '東京都', zip: '100-0005', country: 'Japan' }),
    ).toEqual(['〒100-0005', '東京都千代田区', '丸の内1-1-1', 'パレスビル5階', '経理部 山田 太郎', 'Japan']);
  });

  it('Japan without a country, or as 日本 / JP: still Japanese order (the order follows the address, not the UI language)', () => {
    const tokyo = { ...blank, street: '丸の内1-1-1', street2: 'パレスビル5階', city: '千代田区', state: '東京都', zip: '100-0005' };
    expect(addressLines(tokyo)).toEqual(['〒100-0005', '東京都千代田区', '丸の内1-1-1', 'パレスビル5階']);
    expect(addressLines({ ...tokyo, country: '日本' })).toEqual(['〒100-0005', '東京都千代田区', '丸の内1-1-1', 'パレスビル5階', '日本']);
    expect(addressLines({ ...tokyo, country: 'JP' })[0]).toBe('〒100-0005');
    // A romanised Japanese address with no country is not guessed at: the international order stays.
    expect(addressLines({ ...blank, street: '1-1-1 Marunouchi', city: 'Chiyoda-ku', zip: '100-0005' })).toEqual(['1-1-1 Marunouchi', '100-0005 Chiyoda-ku']);
  });

  it('elsewhere: postcode before the city; empty parts leave no blank lines', () => {
    expect(addressLines({ ...blank, street: '12 King St', city: 'London', zip: 'EC2V 8AA', country: 'United Kingdom' })).toEqual([
      '12 King St',
      'EC2V 8AA London',
      'United Kingdom',
    ]);
    expect(addressLines(blank)).toEqual([]);
  });
});
