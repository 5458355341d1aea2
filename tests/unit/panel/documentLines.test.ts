/**
 * What an agent types into a document line and what the panel makes of it (src/panel/actions/documentLines.ts):
 * the numbers it reads, the message each bad value gets, and which currency a line and a catalog price are in.
 */
import { describe, expect, it } from 'vitest';
import {
  catalogCurrency,
  catalogPriceFits,
  currencyDigits,
  documentCurrency,
  knownExchangeRate,
  parseAmount,
  PRICE_MAX,
  priceProblem,
  QUANTITY_MAX,
  quantityProblem,
  readNumber,
} from '../../../src/panel/actions/documentLines';

describe('the numbers an agent types', () => {
  it.each([
    ['5', 5],
    ['1,500', 1500],
    ['1,234,567.5', 1234567.5],
    ['1,5', 1.5],
    ['1,25', 1.25],
    ['12,5', 12.5],
    ['1234,50', 1234.5],
    ['12.75', 12.75],
    ['１，５００', 1500],
    ['  7 500 ', 7500],
    ['0', 0],
  ])('"%s" is read as %s', (typed, value) => {
    expect(parseAmount(typed)).toBe(value);
  });

  it.each([['-5', -5], ['−5', -5], ['–1,5', -1.5], ['－12.5', -12.5]])('"%s" keeps its minus sign: %s', (typed, value) => {
    expect(parseAmount(typed)).toBe(value);
  });

  it.each(['1e9', '0x10', '1.2.3', 'abc', '1,2345', '12,34,567', '.5', '5.', '1,50,0', '--5', '5-', '+5', '+1,5'])('"%s" is not a number', (typed) => {
    expect(parseAmount(typed)).toBeNull();
  });

  it('an empty box is empty, not a number and not a format problem', () => {
    expect(readNumber('')).toEqual({ value: null, decimals: 0, negative: false, empty: true });
    expect(readNumber('  ')).toEqual({ value: null, decimals: 0, negative: false, empty: true });
  });

  it('counts the decimals as typed, whichever decimal mark is used', () => {
    expect(readNumber('1,5')).toMatchObject({ decimals: 1, negative: false, empty: false });
    expect(readNumber('1,234.567')).toMatchObject({ value: 1234.567, decimals: 3 });
    expect(readNumber('10.50')).toMatchObject({ value: 10.5, decimals: 2 });
    expect(readNumber('1,500')).toMatchObject({ decimals: 0 });
    expect(readNumber('-2x')).toEqual({ value: null, decimals: 0, negative: true, empty: false });
    expect(readNumber('2x')).toEqual({ value: null, decimals: 0, negative: false, empty: false });
  });

  it('a number too long for a JavaScript number is not read as Infinity', () => {
    expect(parseAmount('9'.repeat(400))).toBeNull();
  });
});

describe('the quantity of a line', () => {
  it('an empty quantity asks for one', () => {
    expect(quantityProblem('')).toEqual({ key: 'quantityMissing' });
  });
  it('words are not a quantity', () => {
    expect(quantityProblem('two')).toEqual({ key: 'quantityFormat' });
  });
  it.each(['0', '-5', '-0.5'])('a quantity of %s is refused: it must be more than 0', (typed) => {
    expect(quantityProblem(typed)).toEqual({ key: 'quantityZero' });
  });
  it('the largest quantity is accepted, one hundredth more is refused with the limit named', () => {
    expect(QUANTITY_MAX).toBe(100_000);
    expect(quantityProblem('100000')).toBeNull();
    expect(quantityProblem('100,000')).toBeNull();
    expect(quantityProblem('100000.01')).toEqual({ key: 'quantityTooLarge', max: 100_000 });
  });
  it('one and a half is a quantity, with a point or a decimal comma; three decimals are refused', () => {
    expect(quantityProblem('1.5')).toBeNull();
    expect(quantityProblem('1,5')).toBeNull();
    expect(quantityProblem('0.25')).toBeNull();
    expect(quantityProblem('0.125')).toEqual({ key: 'quantityDecimals' });
  });
});

describe('the price of a line', () => {
  it('an empty price asks for one', () => {
    expect(priceProblem('', 2)).toEqual({ key: 'priceMissing' });
  });
  it('a free line (price 0) is accepted', () => {
    expect(priceProblem('0', 2)).toBeNull();
    expect(priceProblem('0', 0)).toBeNull();
  });
  it.each(['-5', '-0', '−1,5', '-abc'])('a price of %s is refused as negative', (typed) => {
    expect(priceProblem(typed, 2)).toEqual({ key: 'priceNegative' });
  });
  it('words are not a price', () => {
    expect(priceProblem('five', 2)).toEqual({ key: 'priceFormat' });
  });
  it('the largest price is accepted, one cent more is refused with the limit named', () => {
    expect(PRICE_MAX).toBe(100_000_000);
    expect(priceProblem('100,000,000', 2)).toBeNull();
    expect(priceProblem('100000000.01', 2)).toEqual({ key: 'priceTooLarge', max: 100_000_000 });
  });
  it('a yen price has no decimals, a dollar price two, with the number of digits named', () => {
    expect(priceProblem('75000', 0)).toBeNull();
    expect(priceProblem('750.5', 0)).toEqual({ key: 'priceDecimals', digits: 0 });
    expect(priceProblem('19.99', 2)).toBeNull();
    expect(priceProblem('1,5', 2)).toBeNull();
    expect(priceProblem('19.999', 2)).toEqual({ key: 'priceDecimals', digits: 2 });
  });
});

describe('currencies of a line', () => {
  it('yen have no decimals, dollars two, dinars three; an unknown or missing code two', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits(null)).toBe(2);
    expect(currencyDigits('')).toBe(2);
    expect(currencyDigits('not a code')).toBe(2);
  });

  it("a document is in the customer's currency, else the organization's", () => {
    expect(documentCurrency('JPY', 'USD')).toBe('JPY');
    expect(documentCurrency(null, 'USD')).toBe('USD');
    expect(documentCurrency(null, null)).toBeNull();
  });

  it("a catalog price is in its own currency, else the organization's", () => {
    expect(catalogCurrency({ currencyCode: 'EUR' }, 'USD')).toBe('EUR');
    expect(catalogCurrency({ currencyCode: null }, 'USD')).toBe('USD');
  });

  it('a catalog price fills the line only when it is already in the document currency', () => {
    expect(catalogPriceFits({ currencyCode: 'USD' }, 'USD', 'USD')).toBe(true);
    expect(catalogPriceFits({ currencyCode: null }, 'USD', 'USD')).toBe(true);
    expect(catalogPriceFits({ currencyCode: 'USD' }, null, 'USD')).toBe(true);
    // Neither side names a currency: both are the organization's.
    expect(catalogPriceFits({ currencyCode: null }, null, null)).toBe(true);
    expect(catalogPriceFits({ currencyCode: null }, 'JPY', 'USD')).toBe(false);
    expect(catalogPriceFits({ currencyCode: 'USD' }, 'JPY', 'USD')).toBe(false);
    // A price in a named currency for a customer whose currency is unknown: not known to be the same.
    expect(catalogPriceFits({ currencyCode: 'USD' }, null, null)).toBe(false);
    expect(catalogPriceFits({ currencyCode: null }, 'USD', null)).toBe(false);
  });

  it('the exchange rate is sent as 1 only for a document in the base currency', () => {
    expect(knownExchangeRate('USD', 'USD')).toBe(1);
    expect(knownExchangeRate(null, 'USD')).toBe(1);
    expect(knownExchangeRate('JPY', 'USD')).toBeUndefined();
    expect(knownExchangeRate('USD', null)).toBeUndefined();
    expect(knownExchangeRate(null, null)).toBeUndefined();
  });
});
