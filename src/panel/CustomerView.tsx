import { useState } from 'react';
import type { CustomerSummary } from '../billing/types';
import type { MatchMethod } from '../integration/types';
import { Tabs } from '../ui/Tabs';
import { useI18n } from '../ui/i18nContext';
import { ActivityTab } from './ActivityTab';
import { NotConnected, StaleBanner } from './BillingErrorView';
import { CustomerHeader } from './CustomerHeader';
import { InvoicesTab } from './InvoicesTab';
import { OverviewTab } from './OverviewTab';
import { usePanelEnv } from './panelEnv';
import { SubscriptionsTab } from './SubscriptionsTab';
import { SummaryStrip } from './SummaryStrip';
import { useLoad } from './useLoad';

const TAB_IDS = ['overview', 'activity', 'subscriptions', 'invoices'] as const;
type TabId = (typeof TAB_IDS)[number];

/**
 * One customer: header and strip from the search row at once, then in parallel the detail,
 * the first subscriptions page and the first invoices page (the tabs reuse those cached answers).
 */
export function CustomerView({
  summary,
  method,
  onChange,
}: {
  summary: CustomerSummary;
  method: MatchMethod;
  onChange?: (() => void) | undefined;
}) {
  const i18n = useI18n();
  const { billing } = usePanelEnv();
  const [tab, setTab] = useState<TabId>('overview');
  const id = summary.id;
  const detail = useLoad(`customer:${id}`, () => billing.read('getCustomer', id));
  const subs = useLoad(`subs:${id}`, () => billing.read('listSubscriptions', id, 1));
  const invoices = useLoad(`invoices:${id}`, () => billing.read('listInvoices', { customerId: id, page: 1 }));

  if (detail.status === 'error' && detail.error.kind === 'not-authorised') return <NotConnected authUrl={detail.error.authUrl} />;

  const customer = detail.status === 'ready' ? detail.value : summary;
  const stale = [detail, subs, invoices].find((s) => s.status === 'ready' && s.staleError);
  return (
    <div>
      {stale && stale.status === 'ready' && <StaleBanner ageMs={stale.ageMs} error={stale.staleError} />}
      <CustomerHeader customer={customer} method={method} onChange={onChange} />
      <SummaryStrip
        customer={customer}
        subscriptions={subs.status === 'ready' ? subs.value.items : subs.status === 'error' ? [] : null}
        invoices={invoices.status === 'ready' ? invoices.value.items : invoices.status === 'error' ? [] : null}
      />
      <Tabs
        label={i18n.t('panel.tabs.label')}
        tabs={TAB_IDS.map((t) => ({ id: t, label: i18n.t(`panel.tabs.${t}`) }))}
        selected={tab}
        onSelect={(t) => setTab(t as TabId)}
      >
        {tab === 'overview' && <OverviewTab summary={summary} detail={detail} />}
        {tab === 'activity' && <ActivityTab customerId={id} />}
        {tab === 'subscriptions' && <SubscriptionsTab customerId={id} />}
        {tab === 'invoices' && <InvoicesTab customerId={id} />}
      </Tabs>
    </div>
  );
}
