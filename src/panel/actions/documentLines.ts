/**
 * The rules of a document line, in one place: which currency a line is in, when a catalog price may be
 * used as the line's price, how typed numbers are read, and the bounds.
 *
 * Money rule (SPEC B8/B9, billing-api.md §12.12): a line's price is in the document's currency, which is
 * the customer's currency. Catalog prices are in the organization's base currency. The SPEC gives no
 * exchange-rate endpoint, so a catalog price is only copied into a line when both currencies are the same;
 * otherwise the agent types the price in the customer's currency and sees the catalog price as a hint in
 * its own currency.
 *
 * Bounds (chosen, stated in the messages):
 * - quantity: more than 0, at most 100,000, at most 2 decimal places;
 * - price: 0 or more, at most 100,000,000 in the document's currency, no more decimals than that currency has
 *   (JPY none, USD 2). A line total stays below 10^13, so every sum is exact in a JavaScript number.
 */
import type { CatalogEntry } from '../../billing/types';

export const QUANTITY_MAX = 100_000;
export const QUANTITY_DECIMALS = 2;
export const PRICE_MAX = 100_000_000;

export type FieldProblem =
  | { key: 'quantityMissing' | 'quantityFormat' | 'quantityZero' | 'quantityDecimals' }
  | { key: 'quantityTooLarge'; max: number }
  | { key: 'priceMissing' | 'priceFormat' | 'priceNegative' }
  | { key: 'priceTooLarge'; max: number }
  | { key: 'priceDecimals'; digits: number };

interface Reading {
  value: number | null;
  /** Digits after the decimal mark as typed. */
  decimals: number;
  negative: boolean;
  empty: boolean;
}

/**
 * Reads what agents type: full-width digits (Japanese keyboards), "1,500" (thousands), "1,5" (a decimal
 * comma), spaces. "1e9", "0x10" and the like are not prices: they read as null.
 */
export function readNumber(text: string): Reading {
  const s = text.normalize('NFKC').trim().replace(/\s/g, '').replace(/^[−–]/, '-');
  if (s === '') return { value: null, decimals: 0, negative: false, empty: true };
  const negative = s.startsWith('-');
  const unsigned = negative ? s.slice(1) : s;
  let normal: string | null = null;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(unsigned)) normal = unsigned.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(unsigned)) normal = unsigned.replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(unsigned)) normal = unsigned;
  if (normal === null) return { value: null, decimals: 0, negative, empty: false };
  const value = Number(normal);
  const decimals = normal.includes('.') ? normal.length - normal.indexOf('.') - 1 : 0;
  return { value: Number.isFinite(value) ? (negative ? -value : value) : null, decimals, negative, empty: false };
}

/** The typed number when it is a valid one, else null. */
export function parseAmount(text: string): number | null {
  const r = readNumber(text);
  return r.value;
}

export function quantityProblem(text: string): FieldProblem | null {
  const r = readNumber(text);
  if (r.empty) return { key: 'quantityMissing' };
  if (r.value === null) return { key: 'quantityFormat' };
  if (r.value <= 0) return { key: 'quantityZero' };
  if (r.value > QUANTITY_MAX) return { key: 'quantityTooLarge', max: QUANTITY_MAX };
  if (r.decimals > QUANTITY_DECIMALS) return { key: 'quantityDecimals' };
  return null;
}

export function priceProblem(text: string, currencyDigits: number): FieldProblem | null {
  const r = readNumber(text);
  if (r.empty) return { key: 'priceMissing' };
  if (r.negative) return { key: 'priceNegative' };
  if (r.value === null) return { key: 'priceFormat' };
  if (r.value > PRICE_MAX) return { key: 'priceTooLarge', max: PRICE_MAX };
  if (r.decimals > currencyDigits) return { key: 'priceDecimals', digits: currencyDigits };
  return null;
}

/** Decimal places of a currency (JPY 0, USD 2, KWD 3); 2 when the code is unknown. */
export function currencyDigits(code: string | null): number {
  if (!code) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * The document's currency: the customer's; a customer without one is billed in the organization's
 * currency (SPEC quotes.yml `currency_code`). null: neither is known.
 */
export function documentCurrency(customerCurrency: string | null, baseCurrency: string | null): string | null {
  return customerCurrency ?? baseCurrency;
}

/** The currency a catalog price is in: its own code, else the organization's base currency (null: unknown). */
export function catalogCurrency(entry: Pick<CatalogEntry, 'currencyCode'>, baseCurrency: string | null): string | null {
  return entry.currencyCode ?? baseCurrency;
}

/**
 * Whether a catalog price is already in the document's currency and may fill the line. Unknown codes on
 * both sides mean "the organization's currency" on both sides: the same.
 */
export function catalogPriceFits(entry: Pick<CatalogEntry, 'currencyCode'>, customerCurrency: string | null, baseCurrency: string | null): boolean {
  if (entry.currencyCode === null && customerCurrency === null) return true;
  const from = catalogCurrency(entry, baseCurrency);
  const to = documentCurrency(customerCurrency, baseCurrency);
  return from !== null && from === to;
}

/**
 * `exchange_rate` for the document: 1 when it is in the base currency. For another currency no rate is
 * known to the panel (no Billing endpoint gives one), so none is sent and Billing applies the org's own.
 */
export function knownExchangeRate(customerCurrency: string | null, baseCurrency: string | null): number | undefined {
  if (baseCurrency === null) return undefined;
  return documentCurrency(customerCurrency, baseCurrency) === baseCurrency ? 1 : undefined;
}
