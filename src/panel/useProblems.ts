import { useEffect, useReducer } from 'react';
import type { InvoiceSummary, Subscription, SubscriptionDetail } from '../billing/types';
import { todayIn } from '../integration/writes/writeGuard';
import { useI18n } from '../ui/i18nContext';
import { usePanelEnv } from './panelEnv';
import { detectProblems, type Problem } from './problems';

/**
 * The customer's problems from the first screen's reads (passed in) plus what the cache already holds of
 * their transactions and subscription details (peeked, never read: the line costs no Billing call).
 * null until both first pages are there. Follows the cache, so a detail read later adds its card.
 */
export function useProblems(
  customerId: string,
  currencyCode: string | null,
  subscriptions: readonly Subscription[] | null,
  invoices: readonly InvoiceSummary[] | null,
): Problem[] | null {
  const i18n = useI18n();
  const { billing } = usePanelEnv();
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const ids = subscriptions?.map((s) => s.id) ?? [];
  const idsKey = ids.join(',');
  useEffect(() => {
    const keys = new Set([billing.keyOf('listTransactions', customerId, 1), ...ids.map((id) => billing.keyOf('getSubscription', id))]);
    return billing.subscribe((event) => {
      if (event.type === 'stored' ? keys.has(event.key) : [...event.keys].some((k) => keys.has(k))) changed();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [billing, customerId, idsKey]);
  if (!subscriptions || !invoices) return null;
  const details = ids.map((id) => billing.peek('getSubscription', id)).filter((d): d is SubscriptionDetail => d !== null);
  const transactions = billing.peek('listTransactions', customerId, 1)?.items;
  return detectProblems({ today: todayIn(i18n.timeZone), subscriptions, invoices, transactions, details, currencyCode });
}
