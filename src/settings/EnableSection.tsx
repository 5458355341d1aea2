import { useId } from 'react';
import type { I18n } from '../i18n/i18n';

interface Props {
  i18n: I18n;
  enabled: boolean;
  canEdit: boolean;
  busy: boolean;
  onChange: (enabled: boolean) => void;
}

/** SPEC A4: the on/off switch. Off asks first (in the page model); on restores the same organization. */
export function EnableSection({ i18n, enabled, canEdit, busy, onChange }: Props) {
  const { t } = i18n;
  const labelId = useId();
  const helpId = useId();
  return (
    <section className="zs-card" aria-labelledby={`${labelId}-heading`}>
      <h2 id={`${labelId}-heading`}>{t('settings.enable.heading')}</h2>
      <div className="zs-switch-row">
        <span id={labelId} className="zs-switch-label">
          {t('settings.enable.label')}
        </span>
        <button
          type="button"
          role="switch"
          className="zs-switch"
          aria-checked={enabled}
          aria-labelledby={labelId}
          aria-describedby={helpId}
          disabled={!canEdit || busy}
          onClick={() => onChange(!enabled)}
        >
          <span className="zs-switch__thumb" aria-hidden="true" />
          <span className="zs-switch__text" aria-hidden="true">
            {enabled ? t('settings.enable.on') : t('settings.enable.off')}
          </span>
        </button>
      </div>
      <p id={helpId} className="muted">
        {enabled ? t('settings.enable.helpOn') : t('settings.enable.helpOff')}
      </p>
    </section>
  );
}
