import { useId, useState, type KeyboardEvent } from 'react';
import type { BillingApi, CatalogEntry } from '../../billing/types';
import { useI18n } from '../../ui/i18nContext';
import { useLatest } from '../../ui/useLatest';
import { ActionError } from './ActionError';
import { catalogCurrency } from './documentLines';

/**
 * Search Billing's items and plans and add one as a line. Each price is shown in its own currency (the
 * organization's base currency), whatever the customer pays in.
 */
export function CatalogPicker({
  api,
  baseCurrency,
  disabled,
  onAdd,
}: {
  api: Pick<BillingApi, 'listCatalog'>;
  baseCurrency: string | null;
  disabled: boolean;
  onAdd: (entry: CatalogEntry) => void;
}) {
  const i18n = useI18n();
  const base = useId();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [run, setRun] = useState(0);
  // Each search asks again (the same text too); the latest search wins.
  const catalog = useLatest(async () => ({ entries: await api.listCatalog(query), query }), [api, query, run]);

  const runSearch = () => {
    setQuery(search.trim());
    setRun((n) => n + 1);
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches instead of submitting the whole document.
    if (e.key === 'Enter') {
      e.preventDefault();
      runSearch();
    }
  };
  const price = (entry: CatalogEntry): string => {
    const code = catalogCurrency(entry, baseCurrency);
    const amount = i18n.money(entry.price, code);
    return code || entry.price === null ? amount : i18n.t('actions.document.inOrgCurrency', { amount });
  };

  const searchId = `${base}-search`;
  return (
    <div className="action-catalog" role="group" aria-labelledby={`${base}-catalog`}>
      <h3 id={`${base}-catalog`}>{i18n.t('actions.document.catalog')}</h3>
      <div className="search-form">
        <label htmlFor={searchId} className="visually-hidden">
          {i18n.t('actions.document.searchLabel')}
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder={i18n.t('actions.document.searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onSearchKey}
          disabled={disabled}
        />
        <button type="button" className="button" onClick={runSearch} disabled={disabled}>
          {i18n.t('actions.document.search')}
        </button>
      </div>
      {catalog.status === 'loading' && (
        <p className="muted" role="status">
          {i18n.t('actions.document.catalogLoading')}
        </p>
      )}
      {catalog.status === 'error' && (
        <div>
          <ActionError error={catalog.error} />
          <button type="button" className="button" onClick={catalog.retry}>
            {i18n.t('actions.retry')}
          </button>
        </div>
      )}
      {catalog.status === 'ready' &&
        (catalog.value.entries.length === 0 ? (
          <p className="muted">
            {catalog.value.query
              ? i18n.t('actions.document.noMatches', { query: catalog.value.query })
              : i18n.t('actions.document.catalogEmpty')}
          </p>
        ) : (
          <ul className="rows action-results" aria-label={i18n.t('actions.document.results')}>
            {catalog.value.entries.map((entry) => (
              <li key={`${entry.kind}:${entry.id}`} className="catalog-row">
                <span>
                  <strong>{entry.name}</strong>{' '}
                  <span className="muted">
                    {i18n.t(`actions.document.kind.${entry.kind}`)} · {price(entry)}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => onAdd(entry)}
                  disabled={disabled}
                  aria-label={i18n.t('actions.document.addNamed', { name: entry.name })}
                >
                  {i18n.t('actions.document.add')}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
