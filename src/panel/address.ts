import type { Address } from '../billing/types';

const JAPAN = /^(japan|jp|jpn|日本|日本国)$/i;
const ZIP_LAST = /^(u\.?s\.?a?\.?|united states( of america)?|us|canada|ca|australia|au)$/i;

/** Lines in the order the address's own country writes them (postal staff read these, and agents copy them). */
export function addressLines(address: Address): string[] {
  const { attention, street, street2, city, state, zip, country } = address;
  const join = (parts: string[], sep: string) => parts.filter((p) => p.trim()).join(sep);
  const lines = JAPAN.test(country.trim())
    ? [zip ? `〒${zip}` : '', join([state, city], ''), street, street2, attention, country]
    : ZIP_LAST.test(country.trim())
      ? [attention, street, street2, join([join([city, state], ', '), zip], ' '), country]
      : [attention, street, street2, join([zip, city], ' '), state, country];
  return lines.filter((l) => l.trim());
}
