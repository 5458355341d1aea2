import type { Address, Customer, CustomerSummary } from '../billing/types';
import { addressLines } from './address';
import { Skeleton } from '../ui/Spinner';
import { useI18n } from '../ui/i18nContext';
import { BillingErrorView } from './BillingErrorView';
import type { LoadState } from './useBilling';

function AddressLines({ address }: { address: Address | null }) {
  const i18n = useI18n();
  const lines = address ? addressLines(address) : [];
  if (lines.length === 0) return <span className="muted">{i18n.t('panel.overview.noAddress')}</span>;
  return (
    <span>
      {lines.map((line, i) => (
        <span key={i} style={{ display: 'block' }}>
          {line}
        </span>
      ))}
    </span>
  );
}

/**
 * Contact and terms (B3). The balances are in the summary strip right above, so they are not repeated here;
 * the phone comes from the search row at once, addresses and terms when the detail arrives.
 */
export function OverviewTab({
  summary,
  detail,
  onEditAddresses,
}: {
  summary: CustomerSummary;
  detail: LoadState<Customer> & { retry: () => void };
  /** Opens the address form (B10); offered once the full customer (with its addresses) is known. */
  onEditAddresses?: (() => void) | undefined;
}) {
  const i18n = useI18n();
  const full = detail.status === 'ready' ? detail.value : null;
  const phone = full ? full.phone || full.mobile : summary.phone;
  return (
    <div>
      <dl className="facts">
        {(full || phone) && (
          <>
            <dt>{i18n.t('panel.overview.phone')}</dt>
            <dd>{phone || '—'}</dd>
          </>
        )}
        {full && (
          <>
            <dt>{i18n.t('panel.overview.paymentTerms')}</dt>
            <dd>{full.paymentTermsLabel || (full.paymentTerms !== null ? i18n.t('panel.overview.netDays', { days: full.paymentTerms }) : '—')}</dd>
            <dt>{i18n.t('panel.overview.billingAddress')}</dt>
            <dd>
              <AddressLines address={full.billingAddress} />
            </dd>
            <dt>{i18n.t('panel.overview.shippingAddress')}</dt>
            <dd>
              <AddressLines address={full.shippingAddress} />
            </dd>
          </>
        )}
      </dl>
      {full && onEditAddresses && (
        <p>
          <button type="button" className="button" data-opens="addresses" onClick={onEditAddresses}>
            {i18n.t('panel.actions.editAddresses')}
          </button>
        </p>
      )}
      {detail.status === 'loading' && <Skeleton rows={3} />}
      {detail.status === 'error' && <BillingErrorView error={detail.error} onRetry={detail.retry} />}
    </div>
  );
}
