import { useI18n } from '../../ui/i18nContext';

/** Submit (busy while the write runs) and Cancel: the same pair closes every write form. */
export function FormButtons({ busy, label, onCancel }: { busy: boolean; label: string; onCancel?: (() => void) | undefined }) {
  const i18n = useI18n();
  return (
    <div className="action-buttons">
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
        {label}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {i18n.t('actions.cancel')}
        </button>
      )}
    </div>
  );
}
