import { useId } from 'react';
import type { BillingApi } from '../../billing/types';
import type { DataCenter } from '../../host/types';
import type { WriteApi, WrittenDocument } from '../../integration/writes/writeGuard';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { CatalogPicker } from './CatalogPicker';
import { CreatedInvoiceLink } from './CreatedInvoiceLink';
import { FormButtons } from './FormButtons';
import { LineEditor } from './LineEditor';
import { useCreateDocument, type CreateDocumentOptions } from './useCreateDocument';
import './actions.css';

export interface CreateDocumentFormProps extends Omit<CreateDocumentOptions, 'api'> {
  /**
   * Over the panel cache pass `billing.writer`: the duplicate check's invoice list always asks Billing
   * there, so a kept list cannot hide an invoice that did land, and the write drops the customer's answers.
   */
  api: WriteApi & Pick<BillingApi, 'listCatalog' | 'getInvoice' | 'createInvoicePaymentLink' | 'getInvoicePdf' | 'markInvoiceOpen'>;
  /** Where the new invoice's payment link is offered from; without it no link is offered. */
  organization?: { id: string; dataCenter: DataCenter };
  /** Whether the reply editor exists here (ticket pages): then the link can go into the reply. */
  canInsert?: boolean;
  /** Document date, YYYY-MM-DD; defaults to today in the agent's time zone. */
  today?: string;
  onCreated?: (document: WrittenDocument) => void;
  onCancel?: () => void;
}

/** A new invoice or quote: catalog picker, lines, reference and notes; the hook does the rest. */
export function CreateDocumentForm(props: CreateDocumentFormProps) {
  const { api, kind, customer, baseCurrency, organization, onCancel } = props;
  const i18n = useI18n();
  const base = useId();
  const doc = useCreateDocument(props);
  const k = `actions.${kind}` as const;
  const who = customer.displayName || customer.email;

  if (doc.created) {
    return (
      <section className="action-form" aria-label={i18n.t(`${k}.title`)}>
        <p role="status" className="action-success">
          {i18n.t(`${k}.createdFor`, { number: doc.created.number, customer: who })}
        </p>
        {doc.created.kind === 'invoice' && organization && (
          <CreatedInvoiceLink
            host={props.host}
            api={api}
            invoice={doc.created}
            organization={organization}
            canInsert={props.canInsert ?? false}
          />
        )}
        <div className="action-buttons">
          <button type="button" className="button" onClick={doc.startOver}>
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

  const referenceId = `${base}-reference`;
  const notesId = `${base}-notes`;
  const foreign = doc.currency !== null && baseCurrency !== null && doc.currency !== baseCurrency;

  return (
    <form className="action-form" noValidate onSubmit={doc.submit} aria-label={i18n.t(`${k}.title`)}>
      <h2 className="action-title">{i18n.t(`${k}.title`)}</h2>
      <p className="muted">{i18n.t('actions.document.forCustomer', { customer: who })}</p>
      {foreign && <p className="action-note">{i18n.t('actions.document.otherCurrency', { currency: doc.currency ?? '', base: baseCurrency ?? '' })}</p>}

      <CatalogPicker api={api} baseCurrency={baseCurrency} disabled={doc.busy} onAdd={doc.add} />

      <h3>{i18n.t('actions.document.lines')}</h3>
      {doc.lines.length === 0 ? (
        <p className={doc.noLinesError ? 'field-error' : 'muted'} role={doc.noLinesError ? 'alert' : undefined}>
          {doc.noLinesError ? i18n.t('actions.document.noLinesError') : i18n.t('actions.document.noLines')}
        </p>
      ) : (
        <ul className="rows action-lines" aria-label={i18n.t('actions.document.lines')}>
          {doc.lines.map((line) => (
            <LineEditor
              key={line.key}
              line={line}
              currency={doc.currency}
              baseCurrency={baseCurrency}
              disabled={doc.busy}
              onChange={(field, value) => doc.change(line.key, field, value)}
              onLeave={(field) => doc.leave(line.key, field)}
              onRemove={() => doc.remove(line.key)}
            />
          ))}
        </ul>
      )}

      <dl className="facts">
        <dt>{i18n.t('actions.document.total')}</dt>
        <dd>
          <output aria-label={i18n.t('actions.document.total')} className="money">
            {i18n.money(doc.total, doc.currency)}
          </output>
        </dd>
        {doc.fixedReference && (
          <>
            <dt>{i18n.t('actions.document.reference')}</dt>
            <dd>{doc.fixedReference}</dd>
          </>
        )}
      </dl>

      {!doc.fixedReference && (
        <div className="action-field">
          <label htmlFor={referenceId}>{i18n.t('actions.document.referenceOptional')}</label>
          <input
            id={referenceId}
            type="text"
            maxLength={100}
            value={doc.reference}
            disabled={doc.busy}
            onChange={(e) => doc.setReference(e.target.value)}
          />
        </div>
      )}
      <div className="action-field">
        <label htmlFor={notesId}>{i18n.t('actions.document.notes')}</label>
        <textarea id={notesId} rows={2} value={doc.notes} disabled={doc.busy} onChange={(e) => doc.setNotes(e.target.value)} />
      </div>

      {doc.failure && (
        <ActionError error={doc.failure.error} note={doc.failure.uncertain ? i18n.t(`${k}.uncertain`) : i18n.t(`${k}.notCreated`)} />
      )}
      <FormButtons
        busy={doc.busy}
        label={doc.busy ? i18n.t(`${k}.submitting`) : doc.failure?.uncertain ? i18n.t(`${k}.checkAndRetry`) : i18n.t(`${k}.submit`)}
        onCancel={onCancel}
      />
    </form>
  );
}
