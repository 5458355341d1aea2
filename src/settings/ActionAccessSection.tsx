import { useId } from 'react';
import { CONNECTION_SCOPES } from '../host/connection';
import type { DeskHost, DeskProfile, HostResult } from '../host/types';
import type { I18n } from '../i18n/i18n';
import { ACTION_GROUPS, DEFAULT_ACTION_ACCESS, missingScopes, type ActionAccess, type ActionGroup } from '../integration/records/actionAccess';
import { Spinner } from '../ui/Spinner';
import { useLatest } from '../ui/useLatest';
import { reasonText } from './reasons';

interface Props {
  i18n: I18n;
  host: DeskHost;
  access: ActionAccess | undefined;
  canEdit: boolean;
  busy: boolean;
  onChange: (group: ActionGroup, profileId: string, allowed: boolean) => void;
}

/**
 * "Who may act from the ticket" (issue 20): per group of actions, which Desk profiles may use them.
 * Administrators always may (shown ticked, not changeable); every change is one verified settings save.
 * A group whose scopes the connection lacks says which, since the panel then does not offer it.
 */
export function ActionAccessSection({ i18n, host, access, canEdit, busy, onChange }: Props) {
  const { t } = i18n;
  const headingId = useId();
  const profiles = useLatest<HostResult<DeskProfile[]>>(() => host.profiles(), [host]);
  const current = access ?? DEFAULT_ACTION_ACCESS;

  let body;
  if (profiles.status === 'loading') body = <Spinner label={t('acting.settings.loadingProfiles')} />;
  else if (profiles.status === 'error' || !profiles.value.ok) {
    const kind = profiles.status === 'ready' && !profiles.value.ok ? profiles.value.error.kind : 'rejected';
    body = (
      <div role="alert">
        <p>{t('acting.settings.profilesFailed', { reason: reasonText(i18n, kind) })}</p>
        <p className="zs-actions">
          <button type="button" className="button" onClick={profiles.retry}>
            {t('common.retry')}
          </button>
        </p>
      </div>
    );
  } else {
    const list = profiles.value.value;
    body = ACTION_GROUPS.map((group) => {
      const missing = missingScopes(group, CONNECTION_SCOPES);
      return (
        <fieldset key={group} className="zs-access-group" disabled={!canEdit || busy}>
          <legend>{t(`acting.groups.${group}.name`)}</legend>
          <p className="muted">{t(`acting.groups.${group}.actions`)}</p>
          {missing.length > 0 && (
            <p className="zs-note zs-note--warn" role="note">
              {t('acting.settings.missingScopes', { scopes: missing.join(', ') })}
            </p>
          )}
          <ul className="zs-access-list">
            {list.map((profile) => (
              <li key={profile.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={profile.isAdmin || current[group].includes(profile.id)}
                    disabled={profile.isAdmin}
                    onChange={(e) => onChange(group, profile.id, e.currentTarget.checked)}
                  />{' '}
                  {profile.name}
                  {profile.isAdmin && <span className="muted"> {t('acting.settings.always')}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      );
    });
  }

  return (
    <section className="zs-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('acting.settings.heading')}</h2>
      <p className="muted">{t('acting.settings.help')}</p>
      {body}
    </section>
  );
}
