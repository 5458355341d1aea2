import type { CatalogEntry } from '../../billing/types';
import type { I18n } from '../../i18n/i18n';
import { useI18n } from '../../ui/i18nContext';
import { catalogCurrency } from './documentLines';
import { TextField } from './TextField';
import type { LineView } from './useCreateDocument';

/**
 * One line of a document: quantity and price (in the document's currency), the problems with them, and the
 * line total. When the catalog price is in another currency it is shown as a hint in that currency.
 */
export function LineEditor({
  line,
  currency,
  baseCurrency,
  disabled,
  onChange,
  onLeave,
  onRemove,
}: {
  line: LineView;
  currency: string | null;
  baseCurrency: string | null;
  disabled: boolean;
  onChange: (field: 'quantity' | 'price', value: string) => void;
  onLeave: (field: 'quantity' | 'price') => void;
  onRemove: () => void;
}) {
  const i18n = useI18n();
  const name = line.entry.name;
  return (
    <li>
      <div className="row-main">
        <strong>{name}</strong>
        <button
          type="button"
          className="link-button"
          onClick={onRemove}
          disabled={disabled}
          aria-label={i18n.t('actions.document.removeNamed', { name })}
        >
          {i18n.t('actions.document.remove')}
        </button>
      </div>
      <div className="action-pair">
        <TextField
          label={i18n.t('actions.document.quantityFor', { name })}
          value={line.quantity}
          inputMode="decimal"
          disabled={disabled}
          error={line.quantityError}
          onChange={(v) => onChange('quantity', v)}
          onBlur={() => onLeave('quantity')}
        />
        <TextField
          label={i18n.t('actions.document.priceFor', { name, currency: currency ?? '—' })}
          value={line.price}
          inputMode="decimal"
          disabled={disabled}
          error={line.priceError}
          hint={line.enterPrice ? catalogHint(i18n, line.entry, baseCurrency) : null}
          onChange={(v) => onChange('price', v)}
          onBlur={() => onLeave('price')}
        />
      </div>
      <div className="row-main muted">
        <span>{i18n.t('actions.document.lineTotal')}</span>
        <span className="money">{i18n.money(line.total, currency)}</span>
      </div>
    </li>
  );
}

function catalogHint(i18n: I18n, entry: CatalogEntry, baseCurrency: string | null): string | null {
  if (entry.price === null) return null;
  const code = catalogCurrency(entry, baseCurrency);
  return i18n.t('actions.document.catalogPrice', {
    amount: i18n.money(entry.price, code),
    currency: code ?? i18n.t('actions.document.orgCurrency'),
  });
}
