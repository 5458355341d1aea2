/**
 * The tabs after Overview are not in the panel's first script: the first screen is the header, the
 * summary and Overview. Each tab is its own chunk, asked for as soon as the customer is shown (so a
 * click rarely waits) and rendered behind a spinner if it has not arrived yet.
 */
import { lazy, Suspense } from 'react';
import { Spinner } from '../ui/Spinner';

const loadActivity = () => import('./ActivityTab');
const loadSubscriptions = () => import('./SubscriptionsTab');
const loadInvoices = () => import('./InvoicesTab');
// The Billing calls those tabs make beyond the first screen's (details, transactions, activity) live in
// their own chunk too (billingClient loads it on first use); fetching it now spares the tab that wait.
const loadLaterCalls = () => import('../billing/laterCalls');

const Activity = lazy(() => loadActivity().then((m) => ({ default: m.ActivityTab })));
const Subscriptions = lazy(() => loadSubscriptions().then((m) => ({ default: m.SubscriptionsTab })));
const Invoices = lazy(() => loadInvoices().then((m) => ({ default: m.InvoicesTab })));
const SubscriptionDetail = lazy(() => loadSubscriptions().then((m) => ({ default: m.SubscriptionDetailView })));
// InvoicesTab's module holds the invoice detail too (it imports it), so opening one from the problem line
// reuses the prefetched chunk.
const InvoiceDetail = lazy(() => import('./InvoiceDetailView').then((m) => ({ default: m.InvoiceDetailView })));

/** Starts fetching every tab's chunk (and the calls they make); harmless to call again (the module loader keeps one promise each). */
export function prefetchTabs(): void {
  void Promise.all([loadActivity(), loadSubscriptions(), loadInvoices(), loadLaterCalls()]).catch(() => undefined);
}

export function ActivityTab({ customerId }: { customerId: string }) {
  return (
    <Suspense fallback={<Spinner />}>
      <Activity customerId={customerId} />
    </Suspense>
  );
}

export function SubscriptionsTab({ customerId }: { customerId: string }) {
  return (
    <Suspense fallback={<Spinner />}>
      <Subscriptions customerId={customerId} />
    </Suspense>
  );
}

export function InvoicesTab({ customerId }: { customerId: string }) {
  return (
    <Suspense fallback={<Spinner />}>
      <Invoices customerId={customerId} />
    </Suspense>
  );
}

type DetailProps = { onBack: () => void; backLabel?: string };

/** A subscription opened by the problem line's fix, in place of the tabs. */
export function LazySubscriptionDetail(props: DetailProps & { subscriptionId: string }) {
  return (
    <Suspense fallback={<Spinner />}>
      <SubscriptionDetail {...props} />
    </Suspense>
  );
}

/** An invoice opened by the problem line's fix, in place of the tabs. */
export function LazyInvoiceDetail(props: DetailProps & { invoiceId: string }) {
  return (
    <Suspense fallback={<Spinner />}>
      <InvoiceDetail {...props} />
    </Suspense>
  );
}
