import { useI18n } from './i18nContext';

/** Amount in the document's own currency (never a hard-coded symbol; JPY without decimals via Intl). */
export function Money({ amount, currency }: { amount: number | null | undefined; currency: string | null | undefined }) {
  const i18n = useI18n();
  return <span className="money">{i18n.money(amount, currency)}</span>;
}
