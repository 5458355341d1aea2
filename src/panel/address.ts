import type { Address } from '../billing/types';

const JAPAN = /^(japan|jp|jpn|日本|日本国)$/i;
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Japan by its country, or (no country given) a prefecture, city or street written in Japanese. */
function isJapanese({ country, state, city, street }: Address): boolean {
  if (country.trim()) return JAPAN.test(country.trim());
  return JAPANESE_SCRIPT.test(`${state}${city}${street}`);
}
const ZIP_LAST = /^(u\.?s\.?a?\.?|united states( of america)?|us|canada|ca|australia|au)$/i;

/**
 * Lines in the order the address's own country writes them, whatever the agent's language (postal staff read
 * these, and agents copy them): a Japanese address reads 〒 → 都道府県市区町村 → 町名・番地 → 建物名 → 宛名.
 */
export function addressLines(address: Address): string[] {
  const { attention, street, street2, city, state, zip, country } = address;
  const join = (parts: string[], sep: string) => parts.filter((p) => p.trim()).join(sep);
  const lines = isJapanese(address)
    ? [zip ? `〒${zip}` : '', join([state, city], ''), street, street2, attention, country]
    : ZIP_LAST.test(country.trim())
      ? [attention, street, street2, join([join([city, state], ', '), zip], ' '), country]
      : [attention, street, street2, join([zip, city], ' '), state, country];
  return lines.filter((l) => l.trim());
}
