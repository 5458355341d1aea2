/**
 * The write forms are fetched only when an agent opens one (performance target: "settings and write
 * forms load only when used"); every form shares one chunk, so the first open fetches them all. The
 * no-match screen's "Create customer" panel is in that chunk too.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Spinner } from '../ui/Spinner';

const load = () => import('./actions');

export const LazyCreateCustomerPanel = lazy(() => load().then((m) => ({ default: m.CreateCustomerPanel })));
export const LazyCreateCustomerForm = lazy(() => load().then((m) => ({ default: m.CreateCustomerForm })));
export const LazyEditAddressesForm = lazy(() => load().then((m) => ({ default: m.EditAddressesForm })));
export const LazyCreateDocumentForm = lazy(() => load().then((m) => ({ default: m.CreateDocumentForm })));
export const LazyInvoiceActions = lazy(() => load().then((m) => ({ default: m.InvoiceActions })));

export function ActionSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner />}>{children}</Suspense>;
}
