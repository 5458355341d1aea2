import { useId, useState } from 'react';
import type { Organization } from '../billing/types';
import type { I18n } from '../i18n/i18n';

interface Props {
  i18n: I18n;
  organizations: Organization[];
  currentId: string | null;
  busy: boolean;
  onChoose: (org: Organization) => void;
  onCancel: (() => void) | null;
}

/** SPEC A2: several organizations where the user is admin → the admin picks one for the whole portal. */
export function OrganizationChooser({ i18n, organizations, currentId, busy, onChoose, onCancel }: Props) {
  const { t } = i18n;
  const name = useId();
  const [selected, setSelected] = useState<string | null>(
    organizations.some((o) => o.id === currentId) ? currentId : null,
  );
  const chosen = organizations.find((o) => o.id === selected) ?? null;
  return (
    <form
      className="zs-chooser"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onChoose(chosen);
      }}
    >
      <fieldset>
        <legend>{t('settings.org.chooseLegend')}</legend>
        <p className="muted">{t('settings.org.chooseHelp')}</p>
        <ul className="zs-options">
          {organizations.map((org) => (
            <li key={org.id}>
              <label className="zs-option">
                <input
                  type="radio"
                  name={name}
                  value={org.id}
                  checked={selected === org.id}
                  onChange={() => setSelected(org.id)}
                />
                <span>
                  <span className="zs-option__name">{org.name}</span>
                  <span className="zs-option__meta">
                    {t('settings.org.optionMeta', { id: org.id, currency: org.currencyCode ?? '—' })}
                    {org.id === currentId ? ` · ${t('settings.org.current')}` : ''}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="zs-actions">
        <button type="submit" className="button button-primary" disabled={!chosen || busy || chosen.id === currentId}>
          {t('settings.org.use')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
