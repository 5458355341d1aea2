import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CustomerSummary } from '../billing/types';
import { saveCustomerLink } from '../integration/records/customerLinks';
import type { MatchMethod } from '../integration/records/types';
import { EmptyState } from '../ui/EmptyState';
import { Money } from '../ui/Money';
import { Skeleton, Spinner } from '../ui/Spinner';
import { useI18n } from '../ui/i18nContext';
import { BillingErrorView } from './BillingErrorView';
import { CustomerView } from './CustomerView';
import { ActionSuspense, LazyCreateCustomerPanel } from './lazyActions';
import { usePanelEnv } from './panelEnv';
import { resolveCustomer, type Candidate, type ResolveTarget } from './resolveCustomer';
import { useBillingQuery, useBillingRead } from './useBilling';

export interface CreateCustomerRequest {
  target: ResolveTarget;
  /** Call with the created customer to show it (and save the link). */
  done: (customer: CustomerSummary) => void;
}

function CustomerChoice({ customer, onChoose, method }: { customer: CustomerSummary; onChoose: () => void; method?: MatchMethod }) {
  const i18n = useI18n();
  const name = customer.displayName || customer.email;
  return (
    <li>
      <div className="row-main">
        <strong>{name}</strong>
        <button type="button" className="button" onClick={onChoose} aria-label={i18n.t('panel.picker.chooseNamed', { name })}>
          {i18n.t('panel.picker.choose')}
        </button>
      </div>
      <div className="muted">
        {[customer.companyName !== name ? customer.companyName : '', customer.email].filter(Boolean).join(' · ')}
        {method ? ` · ${i18n.t(`panel.match.${method}`)}` : ''}
      </div>
      <div className="muted">
        {i18n.t('panel.outstanding')} <Money amount={customer.outstanding} currency={customer.currencyCode} />
      </div>
    </li>
  );
}

function CustomerSearch({ initial, onChoose }: { initial: string; onChoose: (c: CustomerSummary) => void }) {
  const i18n = useI18n();
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState<string | null>(null);
  const results = useBillingRead(query === null ? null : 'searchCustomers', query ?? '', 1);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q) setQuery(q);
  };
  return (
    <div>
      <form className="search-form" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label={i18n.t('panel.search.label')}
          placeholder={i18n.t('panel.search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {i18n.t('panel.search.submit')}
        </button>
      </form>
      {query !== null && results.status === 'loading' && <Spinner />}
      {query !== null && results.status === 'error' && <BillingErrorView error={results.error} onRetry={results.retry} />}
      {query !== null && results.status === 'ready' &&
        (results.value.items.length === 0 ? (
          <p className="muted">{i18n.t('panel.search.noResults', { query })}</p>
        ) : (
          <ul className="rows" aria-label={i18n.t('panel.search.results')}>
            {results.value.items.map((c) => (
              <CustomerChoice key={c.id} customer={c} onChoose={() => onChoose(c)} />
            ))}
          </ul>
        ))}
    </div>
  );
}

/** "Remembered" only once Desk storage confirmed the link; a failed save says so, with Save again. */
function LinkSaveNotice({ status, onSaveAgain }: { status: 'saving' | 'saved' | 'failed'; onSaveAgain: () => void }) {
  const i18n = useI18n();
  if (status === 'saved') {
    return (
      <p className="muted" role="status">
        {i18n.t('panel.picker.saved')}
      </p>
    );
  }
  if (status === 'saving') return null;
  return (
    <div className="error-state" role="alert">
      <p>{i18n.t('panel.picker.saveFailed')}</p>
      <button type="button" className="button" onClick={onSaveAgain}>
        {i18n.t('panel.picker.saveAgain')}
      </button>
    </div>
  );
}

type Chosen = { customer: CustomerSummary; method: MatchMethod } | null;

/** Finds the customer for a Desk contact/account/email and shows it, a picker, or "none" + search (B1). */
export function CustomerArea({
  target,
  targetKey,
  onCreateCustomer,
}: {
  target: ResolveTarget;
  /** Changes whenever the Desk context changes; older answers are dropped. */
  targetKey: string;
  /** Replaces the built-in create-customer form (an embedder's own flow). */
  onCreateCustomer?: ((request: CreateCustomerRequest) => void) | undefined;
}) {
  const i18n = useI18n();
  const env = usePanelEnv();
  const [chosen, setChosen] = useState<{ key: string; value: Chosen; picking: boolean }>({ key: targetKey, value: null, picking: false });
  const current = chosen.key === targetKey ? chosen : { key: targetKey, value: null, picking: false };
  const resolution = useBillingQuery((billing) => resolveCustomer(target, billing, env.host), [targetKey]);

  // What happened to the saved link of the last choice: the panel says "remembered" only once Desk
  // storage confirmed it, and a failed save says so in place with Save again (issue 15).
  const [linkSave, setLinkSave] = useState<{ key: string; status: 'saving' | 'saved' | 'failed'; retry: () => void } | null>(null);
  const saveLink = (customer: CustomerSummary, method: 'manual' | 'created') => {
    const entity = target.entity;
    if (!entity) {
      setLinkSave(null);
      return;
    }
    const attempt = () => {
      setLinkSave({ key: targetKey, status: 'saving', retry: attempt });
      void saveCustomerLink(env.host, {
        deskEntity: entity.kind,
        deskId: entity.id,
        customerId: customer.id,
        organizationId: env.organization.id,
        method,
        linkedAt: new Date().toISOString(),
        linkedBy: env.host.context().user.id || null,
      }).then((saved) => {
        setLinkSave((current) => (current?.retry === attempt ? { ...current, status: saved.ok ? 'saved' : 'failed' } : current));
      });
    };
    attempt();
  };
  const choose = (customer: CustomerSummary, method: MatchMethod) => {
    setChosen({ key: targetKey, value: { customer, method }, picking: false });
    if (method === 'manual' || method === 'created') saveLink(customer, method);
    else setLinkSave(null);
  };
  const linkNotice = linkSave?.key === targetKey ? <LinkSaveNotice status={linkSave.status} onSaveAgain={linkSave.retry} /> : null;
  const change = () => setChosen({ key: targetKey, value: null, picking: true });
  const [creatingFor, setCreatingFor] = useState<string | null>(null);
  const creating = creatingFor === targetKey;
  const createButton = useRef<HTMLButtonElement>(null);
  const backFromForm = useRef(false);
  useEffect(() => {
    if (creating || !backFromForm.current) return;
    backFromForm.current = false;
    createButton.current?.focus();
  }, [creating]);
  const startCreate = () => {
    if (onCreateCustomer) onCreateCustomer({ target, done: (c) => choose(c, 'created') });
    else setCreatingFor(targetKey);
  };

  if (current.value && !current.picking) {
    return (
      <>
        {linkNotice}
        <CustomerView key={`${targetKey}|${current.value.customer.id}`} summary={current.value.customer} method={current.value.method} onChange={change} />
      </>
    );
  }
  if (resolution.status === 'loading') return <Skeleton rows={4} label={i18n.t('panel.resolving')} />;
  if (resolution.status === 'error') return <BillingErrorView error={resolution.error} onRetry={resolution.retry} />;
  const r = resolution.value;

  if (r.kind === 'found' && !current.picking) {
    return <CustomerView key={`${targetKey}|${r.customer.id}`} summary={r.customer} method={r.method} onChange={change} />;
  }
  if (r.kind === 'choose' && !current.picking) {
    return (
      <section aria-label={i18n.t('panel.picker.title')}>
        <h1>{i18n.t('panel.picker.title')}</h1>
        <p className="muted">{i18n.t('panel.picker.help', { count: r.candidates.length })}</p>
        <ul className="rows">
          {r.candidates.map((c: Candidate) => (
            <CustomerChoice key={c.customer.id} customer={c.customer} method={c.method} onChoose={() => choose(c.customer, 'manual')} />
          ))}
        </ul>
      </section>
    );
  }
  if (creating) {
    return (
      <ActionSuspense>
        <LazyCreateCustomerPanel
          target={target}
          onCreated={(customer) => {
            setCreatingFor(null);
            choose(customer, 'created');
          }}
          onCancel={() => {
            backFromForm.current = true;
            setCreatingFor(null);
          }}
        />
      </ActionSuspense>
    );
  }
  const searchedFor = r.kind === 'none' ? r.searchedFor : [];
  return (
    <section>
      {current.picking ? (
        <EmptyState page title={i18n.t('panel.picker.searchTitle')}>
          <button type="button" className="link-button" onClick={() => setChosen({ ...current, picking: false })}>
            {i18n.t('common.cancel')}
          </button>
        </EmptyState>
      ) : (
        <EmptyState page title={target.label ? i18n.t('panel.none.title', { label: target.label }) : i18n.t('panel.none.titleUnnamed')}>
          {searchedFor.length > 0 && <p className="muted">{i18n.t('panel.none.searched', { list: i18n.list(searchedFor) })}</p>}
        </EmptyState>
      )}
      <CustomerSearch initial="" onChoose={(c) => choose(c, 'manual')} />
      <p>
        <button ref={createButton} type="button" className="button button-primary" onClick={startCreate}>
          {i18n.t('panel.none.create')}
        </button>
      </p>
    </section>
  );
}
