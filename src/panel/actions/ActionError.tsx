import { useI18n } from '../../ui/i18nContext';
import { errorText } from './errorText';

/** Why a write failed (role=alert), with Billing's detail as text, never as HTML. */
export function ActionError({ error, note }: { error: unknown; note?: string }) {
  const i18n = useI18n();
  const { reason, detail } = errorText(i18n, error);
  return (
    <div className="error-state action-error" role="alert">
      <p>{reason}</p>
      {detail && <p className="muted">{i18n.t('actions.billingSaid', { detail })}</p>}
      {note && <p>{note}</p>}
    </div>
  );
}
