import { useState } from 'react';
import type { BillingError } from '../../billing/errors';
import type { DeskHost } from '../../host/types';
import { addAuditComment, type ActionResult, type AuditState } from '../../integration/actions/runAction';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from '../actions/ActionError';
import type { ActionGroup } from '../../integration/records/actionAccess';
import type { GateState } from './gate';

/** Why this group of actions is not offered here, and whom to ask. */
export function GateNote({ gate, group }: { gate: GateState; group: ActionGroup }) {
  const i18n = useI18n();
  if (gate.status !== 'absent') return null;
  const groupName = i18n.t(`acting.groups.${group}.name`);
  let text: string;
  switch (gate.reason) {
    case 'not-allowed':
      text = gate.askName
        ? i18n.t('acting.gate.notAllowedAsk', { group: groupName, profile: gate.profile ?? '—', name: gate.askName })
        : i18n.t('acting.gate.notAllowed', { group: groupName, profile: gate.profile ?? '—' });
      break;
    case 'profile-unknown':
      text = i18n.t('acting.gate.profileUnknown', { group: groupName });
      break;
    case 'missing-scope':
      text = i18n.t('acting.gate.missingScope', { group: groupName, scopes: gate.scopes.join(', ') });
      break;
    case 'over-cap':
      text = i18n.t('acting.gate.overCap', { group: groupName });
      break;
    default:
      text = i18n.t('acting.gate.stale', { group: groupName });
  }
  return (
    <p className="muted acting-note" role="note">
      {text}
    </p>
  );
}

/** The audit comment's fate: added, not applicable, or failed with "Add the comment again". */
export function AuditLine({ host, audit }: { host: Pick<DeskHost, 'addTicketComment'>; audit: AuditState }) {
  const i18n = useI18n();
  const [state, setState] = useState(audit);
  const [busy, setBusy] = useState(false);
  if (state.status === 'none') return <p className="muted">{i18n.t('acting.audit.noTicket')}</p>;
  if (state.status === 'added') return <p className="muted">{i18n.t('acting.audit.added')}</p>;
  const again = async () => {
    if (busy) return;
    setBusy(true);
    setState(await addAuditComment(host, state.ticketId, state.text));
    setBusy(false);
  };
  return (
    <div role="alert">
      <p>{i18n.t('acting.audit.failed')}</p>
      <button type="button" className="button" onClick={() => void again()} disabled={busy} aria-busy={busy || undefined}>
        {i18n.t('acting.audit.again')}
      </button>
    </div>
  );
}

/** What happened, in plain words; `done` names the effect (built by the action), the rest say what to do. */
export function OutcomeView<A>({
  host,
  result,
  done,
  onForce,
  onAllowUnprotected,
  refused,
}: {
  host: Pick<DeskHost, 'addTicketComment'>;
  result: ActionResult<A>;
  done: (answer: A | null) => string;
  /** The action's own words for a refusal it recognises (a declined card); null: the general wording. */
  refused?: (error: BillingError) => string | null;
  onForce?: () => void;
  onAllowUnprotected?: () => void;
}) {
  const i18n = useI18n();
  switch (result.status) {
    case 'done':
      return (
        <div className="acting-result" role="status">
          <p>
            <strong>{done(result.answer)}</strong>
          </p>
          {result.found && <p className="muted">{i18n.t('acting.result.found')}</p>}
          <AuditLine host={host} audit={result.audit} />
        </div>
      );
    case 'failed': {
      const own = refused?.(result.error) ?? null;
      return (
        <div className="acting-result">
          {own ? (
            <div className="error-state action-error" role="alert">
              <p>{own}</p>
              <p>{i18n.t('acting.result.nothingChanged')}</p>
            </div>
          ) : (
            <ActionError error={result.error} note={i18n.t('acting.result.nothingChanged')} />
          )}
          <AuditLine host={host} audit={result.audit} />
        </div>
      );
    }
    case 'unknown':
      return <ActionError error={result.error} note={i18n.t('acting.result.unknown')} />;
    case 'unverifiable':
      return (
        <div className="error-state" role="alert">
          <p>{i18n.t('acting.result.unverifiable')}</p>
          {onForce && (
            <button type="button" className="button" onClick={onForce}>
              {i18n.t('acting.result.sendAnyway')}
            </button>
          )}
        </div>
      );
    case 'unprotected':
      return (
        <div className="error-state" role="alert">
          <p>{i18n.t('acting.result.unprotected')}</p>
          {onAllowUnprotected && (
            <button type="button" className="button" onClick={onAllowUnprotected}>
              {i18n.t('acting.result.sendAnyway')}
            </button>
          )}
        </div>
      );
    case 'not-allowed':
      return (
        <p className="error-state" role="alert">
          {i18n.t(result.permission.reason === 'profile-unknown' ? 'acting.result.profileUnknown' : 'acting.result.notAllowed')}
        </p>
      );
    default:
      return (
        <p className="error-state" role="alert">
          {i18n.t(`acting.result.unavailable.${result.reason}`)}
        </p>
      );
  }
}
