import { useEffect, useRef, useState } from 'react';
import type { Customer, CustomerSummary } from '../billing/types';
import type { MatchMethod } from '../integration/records/types';
import { Tabs } from '../ui/Tabs';
import { ActingCustomerProvider } from './acting/actingContext';
import { useI18n } from '../ui/i18nContext';
import { ActionBar } from './ActionBar';
import { NotConnected, StaleBanner } from './BillingErrorView';
import { BudgetBanner } from './BudgetBanner';
import { CustomerHeader } from './CustomerHeader';
import { Spinner } from '../ui/Spinner';
import { ActionSuspense, LazyCreateDocumentForm, LazyEditAddressesForm } from './lazyActions';
import { ActivityTab, InvoicesTab, LazyInvoiceDetail, LazySubscriptionDetail, prefetchTabs, SubscriptionsTab } from './lazyTabs';
import { OverviewTab } from './OverviewTab';
import { ProblemLine, type OpenTarget } from './ProblemLine';
import { useProblems } from './useProblems';
import { usePanelEnv } from './panelEnv';
import { SummaryStrip } from './SummaryStrip';
import { useBillingRead } from './useBilling';

const TAB_IDS = ['overview', 'activity', 'subscriptions', 'invoices'] as const;
type TabId = (typeof TAB_IDS)[number];

type OpenForm = 'invoice' | 'quote' | 'addresses' | null;

/**
 * One customer: header and strip from the search row at once, then in parallel the detail,
 * the first subscriptions page and the first invoices page (the tabs reuse those cached answers).
 * The write forms open in place of the tabs; a write drops this customer's answers in the cache, and
 * every reader of them (here and in the tabs) reads again by itself, so the new record shows.
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
  const env = usePanelEnv();
  const { billing, host } = env;
  const [tab, setTab] = useState<TabId>('overview');
  const [form, setForm] = useState<OpenForm>(null);
  const [saved, setSaved] = useState<Customer | null>(null);
  // What the problem line's fix opened, in place of the tabs until Back.
  const [opened, setOpened] = useState<OpenTarget | null>(null);
  const region = useRef<HTMLElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land in the form that opened, and back on its opener after.
  const lastForm = useRef<OpenForm>(null);
  useEffect(() => {
    if (form !== null) {
      lastForm.current = form;
      region.current?.focus();
    } else if (lastForm.current) {
      // A form opened from the "⋯" menu returns to the menu's button (its items are gone by then).
      const opener = root.current?.querySelector<HTMLElement>(`[data-opens="${lastForm.current}"]`) ?? root.current?.querySelector<HTMLElement>('[data-opens-menu]');
      opener?.focus();
      lastForm.current = null;
    }
  }, [form]);
  const id = summary.id;
  // The other tabs' code arrives while the agent reads Overview.
  useEffect(prefetchTabs, []);
  const detail = useBillingRead('getCustomer', id);
  const subs = useBillingRead('listSubscriptions', id, 1);
  const invoices = useBillingRead('listInvoices', { customerId: id, page: 1 });
  const problems = useProblems(
    id,
    summary.currencyCode,
    subs.status === 'ready' ? subs.value.items : null,
    invoices.status === 'ready' ? invoices.value.items : null,
  );
  // Documents are created from a ticket or a Desk contact/account, not from a ticket still being written.
  const kind = host.context().kind;
  const canCreateDocuments = kind === 'ticket' || kind === 'contact' || kind === 'account';

  if (detail.status === 'error' && detail.error.kind === 'not-authorised') return <NotConnected authUrl={detail.error.authUrl} onCheckAgain={detail.retry} />;

  // While the re-read after an address change runs, Billing's own answer to the change is shown.
  const rereading = detail.status === 'loading' || (detail.status === 'ready' && (detail.refreshing === true || detail.staleError !== null));
  const customer = saved && rereading ? saved : detail.status === 'ready' ? detail.value : (saved ?? summary);
  const detailForTabs = saved && rereading ? { status: 'ready' as const, value: saved, ageMs: 0, staleError: null, retry: detail.retry } : detail;
  const stale = [detail, subs, invoices].find((s) => s.status === 'ready' && s.staleError);
  // Every reader of this customer (header, strip, tabs) hears the cache and reads again.
  const reload = () => billing.invalidateCustomer(id);
  const openForm = (which: Exclude<OpenForm, null>) => setForm(which);
  const close = () => setForm(null);

  let body;
  if (form === 'invoice' || form === 'quote') {
    body = (
      <ActionSuspense>
        <LazyCreateDocumentForm
          key={form}
          host={host}
          api={billing.writer}
          kind={form}
          customer={customer}
          baseCurrency={env.organization.currencyCode}
          organization={env.organization}
          canInsert={kind === 'ticket'}
          ticketNumber={env.ticketNumber}
          onCreated={(document) => {
            if (document.kind === 'invoice') setTab('invoices');
          }}
          onCancel={close}
        />
      </ActionSuspense>
    );
  } else if (form === 'addresses') {
    body =
      detailForTabs.status !== 'ready' ? (
        <Spinner />
      ) : (
        <ActionSuspense>
          <LazyEditAddressesForm
            host={host}
            api={billing.api}
            customer={detailForTabs.value}
            onSaved={(updated) => {
              setSaved(updated);
              setTab('overview');
              close();
            }}
            onCancel={close}
          />
        </ActionSuspense>
      );
  } else if (opened) {
    const back = () => setOpened(null);
    const backLabel = i18n.t('common.back');
    body =
      opened.kind === 'invoice' ? (
        <LazyInvoiceDetail key={opened.id} invoiceId={opened.id} onBack={back} backLabel={backLabel} />
      ) : (
        <LazySubscriptionDetail key={opened.id} subscriptionId={opened.id} onBack={back} backLabel={backLabel} />
      );
  } else {
    body = (
      <Tabs
        label={i18n.t('panel.tabs.label')}
        tabs={TAB_IDS.map((t) => ({ id: t, label: i18n.t(`panel.tabs.${t}`) }))}
        selected={tab}
        onSelect={(t) => setTab(t as TabId)}
      >
        {tab === 'overview' && <OverviewTab summary={summary} detail={detailForTabs} onEditAddresses={() => openForm('addresses')} />}
        {tab === 'activity' && <ActivityTab customerId={id} />}
        {tab === 'subscriptions' && <SubscriptionsTab customerId={id} />}
        {tab === 'invoices' && <InvoicesTab customerId={id} />}
      </Tabs>
    );
  }

  return (
    <ActingCustomerProvider customer={{ id, name: customer.displayName, email: customer.email, method }}>
      <div ref={root}>
        {stale && stale.status === 'ready' && <StaleBanner ageMs={stale.ageMs} error={stale.staleError} />}
        <BudgetBanner />
        <CustomerHeader
          customer={customer}
          method={method}
          onChange={onChange}
          onRefresh={reload}
          ageMs={detail.status === 'ready' ? detail.ageMs : 0}
        />
        {problems && form === null && <ProblemLine problems={problems} onOpen={setOpened} />}
        <SummaryStrip
          customer={customer}
          subscriptions={subs.status === 'ready' ? subs.value.items : subs.status === 'error' ? [] : null}
          invoices={invoices.status === 'ready' ? invoices.value.items : invoices.status === 'error' ? [] : null}
        />
        {canCreateDocuments && form === null && (
          <ActionBar kind={kind} invoices={invoices.status === 'ready' ? invoices.value.items : null} onOpen={openForm} />
        )}
        {form === null ? (
          body
        ) : (
          <section ref={region} tabIndex={-1} aria-label={i18n.t(`panel.actions.${form}Region`)}>
            {body}
          </section>
        )}
      </div>
    </ActingCustomerProvider>
  );
}
