/** Currencies, rounding and ids shared by the dataset, the bulk invoices and the handlers. */

const ID_PREFIX = '2468013000000';
export const idFromNumber = (n: number): string => `${ID_PREFIX}${String(n).padStart(6, '0')}`;

export interface CurrencyInfo {
  code: string;
  symbol: string;
  precision: number;
  id: string;
  /** Rough conversion from the USD list prices so every currency gets plausible amounts. */
  perUsd: number;
}

export const CURRENCIES: Record<string, CurrencyInfo> = {
  USD: { code: 'USD', symbol: '$', precision: 2, id: '2468013000000000097', perUsd: 1 },
  JPY: { code: 'JPY', symbol: '¥', precision: 0, id: '2468013000000000101', perUsd: 150 },
  EUR: { code: 'EUR', symbol: '€', precision: 2, id: '2468013000000000099', perUsd: 0.92 },
  GBP: { code: 'GBP', symbol: '£', precision: 2, id: '2468013000000000098', perUsd: 0.79 },
};

export function currencyOf(code: string): CurrencyInfo {
  return CURRENCIES[code] ?? CURRENCIES.USD!;
}

export function roundMoney(value: number, precision: number): number {
  const factor = 10 ** precision;
  return Math.round(value * factor) / factor;
}

/** A list price in another currency: JPY lands on round hundreds, others on cents. */
export function convertPrice(usd: number, currency: string): number {
  const info = currencyOf(currency);
  if (info.precision === 0) return Math.max(100, Math.round((usd * info.perUsd) / 100) * 100);
  return roundMoney(usd * info.perUsd, info.precision);
}

