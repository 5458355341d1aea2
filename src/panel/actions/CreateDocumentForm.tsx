import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { BillingApi, CatalogEntry, CustomerSummary, DocumentInput } from '../../billing/types';
import type { DeskHost } from '../../host/types';
import { createWriteGuard, todayIn, type WriteApi, type WriteKind, type WriteOutcome, type WrittenDocument } from '../../integration/writeGuard';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { FormButtons } from './FormButtons';
import { useOnce } from './useOnce';
import './actions.css';

export interface CreateDocumentFormProps {
  host: DeskHost;
  api: WriteApi & Pick<BillingApi, 'listCatalog'>;
  kind: WriteKind;
  customer: Pick<CustomerSummary, 'id' | 'displayName' | 'email' | 'currencyCode'>;
  /** Ticket number when opened from a ticket: the reference is then DESK-<number> (the "this ticket" filter). */
  ticketNumber: string | null;
  /**
   * REQUIRED when `api` is the panel cache's api (pass `billing.invalidateCustomer`): the duplicate check must
   * read the customer's invoices fresh, or a cached list could hide an invoice that did land. null: uncached api.
   */
  invalidateCustomer: ((customerId: string) => void) | null;
  /** Document date, YYYY-MM-DD; defaults to today in the agent's time zone. */
  today?: string;
  onCreated?: (document: WrittenDocument) => void;
  onCancel?: () => void;
}

interface Line {
  key: number;
  entry: CatalogEntry;
  quantity: string;
  price: string;
}

type LineErrors = Record<number, { quantity?: string; price?: string }>;

type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; entries: CatalogEntry[]; query: string }
  | { status: 'error'; error: unknown };

/** "1,5" and full-width digits are what Japanese keyboards and European agents type. */
export function parseAmount(text: string): number | null {
  const s = text.normalize('NFKC').trim().replace(/\s/g, '');
  if (s === '') return null;
  const normal = /^\d+,\d+$/.test(s) ? s.replace(',', '.') : s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

export function ticketReference(ticketNumber: string | null): string | null {
  const n = (ticketNumber ?? '').trim().replace(/^#/, '');
  return n === '' ? null : `DESK-${n}`;
}

export function CreateDocumentForm({
  host,
  api,
  kind,
  customer,
  ticketNumber,
  invalidateCustomer,
  today,
  onCreated,
  onCancel,
}: CreateDocumentFormProps) {
  const i18n = useI18n();
  const base = useId();
  const k = `actions.${kind}`;
  const guard = useMemo(
    () => createWriteGuard({ storage: host.storage, api, ...(invalidateCustomer ? { invalidateCustomer } : {}) }),
    [host, api, invalidateCustomer],
  );
  const fixedReference = ticketReference(ticketNumber);
  const currency = customer.currencyCode;

  const [search, setSearch] = useState('');
  const [catalogQuery, setCatalogQuery] = useState('');
  const [catalogRun, setCatalogRun] = useState(0);
  const [catalog, setCatalog] = useState<CatalogState>({ status: 'loading' });
  const [lines, setLines] = useState<Line[]>([]);
  const [reference, setReference] = useState('');
  const [notes, setNotes] = useState('');
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const [noLines, setNoLines] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; uncertain: boolean } | null>(null);
  const [created, setCreated] = useState<WrittenDocument | null>(null);
  const nextKey = useRef(1);
  const { busy, run } = useOnce();

  useEffect(() => {
    let current = true;
    setCatalog({ status: 'loading' });
    api.listCatalog(catalogQuery).then(
      (entries) => current && setCatalog({ status: 'ready', entries, query: catalogQuery }),
      (error: unknown) => current && setCatalog({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [api, catalogQuery, catalogRun]);

  const runSearch = () => {
    setCatalogQuery(search.trim());
    setCatalogRun((n) => n + 1);
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter searches instead of submitting the whole document.
    if (e.key === 'Enter') {
      e.preventDefault();
      runSearch();
    }
  };

  const add = (entry: CatalogEntry) => {
    const key = nextKey.current++;
    setLines((ls) => [...ls, { key, entry, quantity: '1', price: entry.price === null ? '' : String(entry.price) }]);
    setNoLines(false);
  };
  const update = (key: number, patch: Partial<Pick<Line, 'quantity' | 'price'>>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const remove = (key: number) => setLines((ls) => ls.filter((l) => l.key !== key));

  const lineTotal = (l: Line): number | null => {
    const q = parseAmount(l.quantity);
    const p = parseAmount(l.price);
    return q === null || p === null ? null : q * p;
  };
  const total = lines.reduce((sum, l) => sum + (lineTotal(l) ?? 0), 0);
  const effectiveReference = fixedReference ?? reference.trim();

  const validate = (): { errors: LineErrors; input: DocumentInput | null } => {
    const errors: LineErrors = {};
    for (const l of lines) {
      const q = parseAmount(l.quantity);
      const p = parseAmount(l.price);
      const e: LineErrors[number] = {};
      if (q === null || q <= 0) e.quantity = i18n.t('actions.document.quantityInvalid');
      if (p === null) e.price = i18n.t('actions.document.priceInvalid');
      if (e.quantity || e.price) errors[l.key] = e;
    }
    if (lines.length === 0 || Object.keys(errors).length > 0) return { errors, input: null };
    const notesText = notes.trim();
    return {
      errors,
      input: {
        customerId: customer.id,
        date: today ?? todayIn(host.context().user.timeZone),
        referenceNumber: effectiveReference,
        lines: lines.map((l) => ({
          productId: l.entry.id,
          name: l.entry.name,
          ...(l.entry.description ? { description: l.entry.description } : {}),
          price: parseAmount(l.price) ?? 0,
          quantity: parseAmount(l.quantity) ?? 0,
        })),
        ...(notesText ? { notes: notesText } : {}),
      },
    };
  };

  const finish = (outcome: WriteOutcome) => {
    if (outcome.status === 'created') {
      setFailure(null);
      setCreated(outcome.document);
      host.notify(i18n.t(`${k}.created`, { number: outcome.document.number }), 'success');
      onCreated?.(outcome.document);
    } else if (outcome.status === 'failed') {
      setFailure({ error: outcome.error, uncertain: false });
    } else if (outcome.status === 'unknown') {
      setFailure({ error: outcome.error, uncertain: true });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { errors, input } = validate();
      setLineErrors(errors);
      setNoLines(lines.length === 0);
      if (!input) return;
      const name = customer.displayName || customer.email;
      const ok = await host.confirm({
        title: i18n.t(`${k}.confirmTitle`),
        message: i18n.t('actions.document.confirmMessage', {
          customer: name,
          lines: input.lines.length,
          total: i18n.money(total, currency),
          reference: input.referenceNumber || i18n.t('actions.document.noReference'),
        }),
        okText: i18n.t(`${k}.submit`),
        cancelText: i18n.t('actions.cancel'),
      });
      if (!ok) return;
      let outcome = await guard.create(kind, input);
      if (outcome.status === 'unverifiable') {
        // Billing cannot be asked whether the earlier attempt landed: the agent checks and decides.
        const force = await host.confirm({
          title: i18n.t(`${k}.unverifiableTitle`),
          message: i18n.t(`${k}.unverifiableMessage`, { customer: name }),
          okText: i18n.t(`${k}.createAnyway`),
          cancelText: i18n.t('actions.cancel'),
          danger: true,
        });
        if (!force) return;
        outcome = await guard.create(kind, input, { force: true });
      }
      finish(outcome);
    });
  };

  const startOver = () => {
    setCreated(null);
    setLines([]);
    setNotes('');
    setReference('');
    setFailure(null);
  };

  if (created) {
    return (
      <section className="action-form" aria-label={i18n.t(`${k}.title`)}>
        <p role="status" className="action-success">
          {i18n.t(`${k}.createdFor`, { number: created.number, customer: customer.displayName || customer.email })}
        </p>
        <div className="action-buttons">
          <button type="button" className="button" onClick={startOver}>
            {i18n.t(`${k}.another`)}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              {i18n.t('actions.close')}
            </button>
          )}
        </div>
      </section>
    );
  }

  const searchId = `${base}-search`;
  const referenceId = `${base}-reference`;
  const notesId = `${base}-notes`;

  return (
    <form className="action-form" noValidate onSubmit={submit} aria-label={i18n.t(`${k}.title`)}>
      <h2 className="action-title">{i18n.t(`${k}.title`)}</h2>
      <p className="muted">{i18n.t('actions.document.forCustomer', { customer: customer.displayName || customer.email })}</p>

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
            disabled={busy}
          />
          <button type="button" className="button" onClick={runSearch} disabled={busy}>
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
            <button type="button" className="button" onClick={() => setCatalogRun((n) => n + 1)}>
              {i18n.t('actions.retry')}
            </button>
          </div>
        )}
        {catalog.status === 'ready' &&
          (catalog.entries.length === 0 ? (
            <p className="muted">
              {catalog.query
                ? i18n.t('actions.document.noMatches', { query: catalog.query })
                : i18n.t('actions.document.catalogEmpty')}
            </p>
          ) : (
            <ul className="rows action-results" aria-label={i18n.t('actions.document.results')}>
              {catalog.entries.map((entry) => (
                <li key={`${entry.kind}:${entry.id}`} className="row-main">
                  <span>
                    <strong>{entry.name}</strong>{' '}
                    <span className="muted">
                      {i18n.t(`actions.document.kind.${entry.kind}`)} · {i18n.money(entry.price, entry.currencyCode ?? currency)}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => add(entry)}
                    disabled={busy}
                    aria-label={i18n.t('actions.document.addNamed', { name: entry.name })}
                  >
                    {i18n.t('actions.document.add')}
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </div>

      <h3>{i18n.t('actions.document.lines')}</h3>
      {lines.length === 0 ? (
        <p className={noLines ? 'field-error' : 'muted'} role={noLines ? 'alert' : undefined}>
          {noLines ? i18n.t('actions.document.noLinesError') : i18n.t('actions.document.noLines')}
        </p>
      ) : (
        <ul className="rows action-lines" aria-label={i18n.t('actions.document.lines')}>
          {lines.map((l) => {
            const err = lineErrors[l.key] ?? {};
            const qId = `${base}-q-${l.key}`;
            const pId = `${base}-p-${l.key}`;
            return (
              <li key={l.key}>
                <div className="row-main">
                  <strong>{l.entry.name}</strong>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => remove(l.key)}
                    disabled={busy}
                    aria-label={i18n.t('actions.document.removeNamed', { name: l.entry.name })}
                  >
                    {i18n.t('actions.document.remove')}
                  </button>
                </div>
                <div className="action-pair">
                  <div className="action-field">
                    <label htmlFor={qId}>{i18n.t('actions.document.quantityFor', { name: l.entry.name })}</label>
                    <input
                      id={qId}
                      type="text"
                      inputMode="decimal"
                      value={l.quantity}
                      disabled={busy}
                      aria-invalid={err.quantity ? true : undefined}
                      aria-describedby={err.quantity ? `${qId}-error` : undefined}
                      onChange={(e) => update(l.key, { quantity: e.target.value })}
                    />
                    {err.quantity && (
                      <p id={`${qId}-error`} className="field-error">
                        {err.quantity}
                      </p>
                    )}
                  </div>
                  <div className="action-field">
                    <label htmlFor={pId}>{i18n.t('actions.document.priceFor', { name: l.entry.name, currency: currency ?? '—' })}</label>
                    <input
                      id={pId}
                      type="text"
                      inputMode="decimal"
                      value={l.price}
                      disabled={busy}
                      aria-invalid={err.price ? true : undefined}
                      aria-describedby={err.price ? `${pId}-error` : undefined}
                      onChange={(e) => update(l.key, { price: e.target.value })}
                    />
                    {err.price && (
                      <p id={`${pId}-error`} className="field-error">
                        {err.price}
                      </p>
                    )}
                  </div>
                </div>
                <div className="row-main muted">
                  <span>{i18n.t('actions.document.lineTotal')}</span>
                  <span className="money">{i18n.money(lineTotal(l), currency)}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <dl className="facts">
        <dt>{i18n.t('actions.document.total')}</dt>
        <dd>
          <output aria-label={i18n.t('actions.document.total')} className="money">
            {i18n.money(total, currency)}
          </output>
        </dd>
        {fixedReference && (
          <>
            <dt>{i18n.t('actions.document.reference')}</dt>
            <dd>{fixedReference}</dd>
          </>
        )}
      </dl>

      {!fixedReference && (
        <div className="action-field">
          <label htmlFor={referenceId}>{i18n.t('actions.document.referenceOptional')}</label>
          <input
            id={referenceId}
            type="text"
            maxLength={100}
            value={reference}
            disabled={busy}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
      )}
      <div className="action-field">
        <label htmlFor={notesId}>{i18n.t('actions.document.notes')}</label>
        <textarea id={notesId} rows={2} value={notes} disabled={busy} onChange={(e) => setNotes(e.target.value)} />
      </div>

      {failure && (
        <ActionError
          error={failure.error}
          note={failure.uncertain ? i18n.t(`${k}.uncertain`) : i18n.t(`${k}.notCreated`)}
        />
      )}
      <FormButtons
        busy={busy}
        label={busy ? i18n.t(`${k}.submitting`) : failure?.uncertain ? i18n.t(`${k}.checkAndRetry`) : i18n.t(`${k}.submit`)}
        onCancel={onCancel}
      />
    </form>
  );
}
