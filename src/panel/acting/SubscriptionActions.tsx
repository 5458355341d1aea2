import { useId, useState } from 'react';
import { postponeBounds } from '../../billing/actionBodies';
import type { ChurnSettings } from '../../billing/actionCalls';
import type { SubscriptionDetail } from '../../billing/types';
import type { ActionResult } from '../../integration/actions/runAction';
import type { ActionRunOptions } from '../../integration/writes/actionGuard';
import { todayIn } from '../../integration/writes/writeGuard';
import { useI18n } from '../../ui/i18nContext';
import { useLatest } from '../../ui/useLatest';
import { useOnce } from '../actions/useOnce';
import { usePanelEnv } from '../panelEnv';
import { useActingCustomer, type ActingCustomer } from './actingContext';
import { GateNote, OutcomeView } from './ActingNotes';
import { subscriptionOffer } from './subscriptionRules';
import { useActing } from './useActing';
import './acting.css';
import type { I18n } from '../../i18n/i18n';

type Open = null | 'cancel' | 'postpone';
type Answer = SubscriptionDetail & { noteAdded?: boolean };

/** The confirmation's first line: who the customer is and how sure the panel is of it. */
export function matchLine(i18n: I18n, customer: ActingCustomer): string {
  if (customer.method === 'email') return i18n.t('acting.confirm.matchEmail', { customer: customer.name, email: customer.email });
  return i18n.t('acting.confirm.customer', { customer: customer.name, how: i18n.t(`panel.match.${customer.method}`) });
}

/**
 * Cancel, reactivate and postpone on the subscription detail (issue 20), each confirmed in Desk's popup
 * in plain words, sent once, recorded on the ticket. What Billing does not allow for this status is not
 * offered, and the detail says why where an agent would look for it.
 */
export function SubscriptionActions({ subscription: s, stale }: { subscription: SubscriptionDetail; stale: boolean }) {
  const i18n = useI18n();
  const { host } = usePanelEnv();
  const customer = useActingCustomer();
  const acting = useActing('subscription', stale);
  const { busy, run: once } = useOnce();
  const [open, setOpen] = useState<Open>(null);
  const [atEnd, setAtEnd] = useState(true);
  const [reason, setReason] = useState('');
  const today = todayIn(host.context().user.timeZone);
  const bounds = s.nextBillingAt ? postponeBounds(s.nextBillingAt, today) : null;
  const [renewalAt, setRenewalAt] = useState(bounds?.min ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ result: ActionResult<Answer>; done: (a: Answer | null) => string; retry: (o: ActionRunOptions) => void } | null>(null);
  const ids = useId();
  const churn = useLatest<ChurnSettings | null>(open === 'cancel' ? () => acting.calls.getChurnSettings().catch(() => null) : null, [open, acting.calls]);

  if (!customer) return null;
  const offer = subscriptionOffer(s);
  const plan = s.planName || s.name;
  const name = `${plan} (${s.number})`;
  const agent = host.context().user.name || host.context().user.email;

  const execute = (
    kind: 'cancelEnd' | 'cancelNow' | 'reactivate' | 'postpone',
    confirm: { title: string; lines: string[]; ok: string; danger?: boolean },
    build: () => { variant: string; send: () => Promise<Answer>; check: () => Promise<'done' | 'not-done'>; done: (a: Answer | null) => string },
    options: ActionRunOptions = {},
    ask = true,
  ) =>
    once(async () => {
      setProblem(null);
      if (ask) {
        const yes = await host.confirm({
          title: confirm.title,
          message: [matchLine(i18n, customer), ...confirm.lines, i18n.t('acting.confirm.recorded')].join('\n'),
          okText: confirm.ok,
          cancelText: i18n.t('common.cancel'),
          danger: confirm.danger ?? false,
        });
        if (!yes) return;
      }
      const b = build();
      const outcome = await acting.run<Answer>(
        {
          group: 'subscription',
          action: kind === 'cancelEnd' || kind === 'cancelNow' ? 'cancel' : kind,
          recordId: s.id,
          variant: b.variant,
          customerId: customer.id,
          send: b.send,
          check: b.check,
          audit: (r) =>
            r.status === 'done'
              ? i18n.t('acting.audit.done', { what: b.done(r.answer), by: agent, customer: customer.name })
              : i18n.t('acting.audit.refused', {
                  what: i18n.t(`acting.audit.kind.${kind}`, { name }),
                  by: agent,
                  customer: customer.name,
                  billing: r.error.detail ?? r.error.message,
                }),
        },
        options,
      );
      setResult({ result: outcome, done: b.done, retry: (o) => void execute(kind, confirm, build, o, false) });
      if (outcome.status === 'done') setOpen(null);
    });

  const cancelDone = (whenAtEnd: boolean) => (a: Answer | null) => {
    const end = a?.currentTermEndsAt ?? s.currentTermEndsAt;
    const base = whenAtEnd
      ? i18n.t('acting.done.cancelEnd', { name, date: i18n.date(end) })
      : i18n.t('acting.done.cancelNow', { name, date: i18n.date(a?.cancelledAt ?? today) });
    return a?.noteAdded === false ? `${base} ${i18n.t('acting.done.noteFailed')}` : base;
  };

  const churnState = churn.status === 'ready' ? churn.value : null;
  const reasonRequired = churnState?.required === true;
  const chosen = churnState?.reasons.find((r) => r.id === reason) ?? null;

  const startCancel = () => {
    if (reasonRequired && !chosen) {
      setProblem(i18n.t('acting.cancel.reasonRequired'));
      return;
    }
    const end = s.currentTermEndsAt;
    const whenAtEnd = atEnd && offer.cancel?.atEnd === true;
    void execute(
      whenAtEnd ? 'cancelEnd' : 'cancelNow',
      {
        title: i18n.t('acting.cancel.confirmTitle', { plan }),
        lines: [
          whenAtEnd ? i18n.t('acting.cancel.confirmEnd', { name, date: i18n.date(end) }) : i18n.t('acting.cancel.confirmNow', { name, date: i18n.date(today) }),
          i18n.t('acting.cancel.noRefund'),
          ...(chosen ? [i18n.t('acting.cancel.confirmReason', { reason: chosen.label })] : []),
        ],
        ok: i18n.t('acting.cancel.confirmOk'),
        danger: true,
      },
      () => ({
        variant: whenAtEnd ? 'end' : 'now',
        send: async () => {
          const answer: Answer = await acting.calls.cancelSubscription(s.id, whenAtEnd);
          if (!chosen) return answer;
          // Zoho's file gives cancel no body, so the reason goes where it documents one: a note on the subscription.
          const noteAdded = await acting.calls.addSubscriptionNote(s.id, i18n.t('acting.cancel.note', { reason: chosen.label })).then(
            () => true,
            () => false,
          );
          return { ...answer, noteAdded };
        },
        check: async () => {
          const now = await acting.calls.readSubscription(s.id);
          if (now.status === 'cancelled') return 'done';
          return whenAtEnd && now.status === 'non_renewing' ? 'done' : 'not-done';
        },
        done: cancelDone(whenAtEnd),
      }),
    );
  };

  const reactivate = () =>
    void execute(
      'reactivate',
      {
        title: i18n.t('acting.reactivate.confirmTitle', { plan }),
        lines: [i18n.t('acting.reactivate.confirmLine', { name, date: i18n.date(s.currentTermEndsAt) })],
        ok: i18n.t('acting.reactivate.confirmOk'),
      },
      () => ({
        variant: 'live',
        send: () => acting.calls.reactivateSubscription(s.id),
        check: async () => ((await acting.calls.readSubscription(s.id)).status === 'non_renewing' ? 'not-done' : 'done'),
        done: (a) => i18n.t('acting.done.reactivate', { name, date: i18n.date(a?.nextBillingAt ?? s.currentTermEndsAt) }),
      }),
    );

  const startPostpone = () => {
    if (!bounds || renewalAt < bounds.min || renewalAt > bounds.max || !/^\d{4}-\d{2}-\d{2}$/.test(renewalAt)) {
      setProblem(bounds ? i18n.t('acting.postpone.outOfBounds', { min: i18n.date(bounds.min), max: i18n.date(bounds.max) }) : i18n.t('acting.postpone.noRenewal'));
      return;
    }
    const trial = s.status === 'trial';
    const date = renewalAt;
    void execute(
      'postpone',
      {
        title: i18n.t(trial ? 'acting.postpone.confirmTitleTrial' : 'acting.postpone.confirmTitle', { plan }),
        lines: [
          i18n.t(trial ? 'acting.postpone.confirmTrial' : 'acting.postpone.confirmLine', {
            name,
            from: i18n.date(s.nextBillingAt),
            to: i18n.date(date),
          }),
          i18n.t('acting.postpone.noProration'),
        ],
        ok: i18n.t('acting.postpone.confirmOk'),
      },
      () => ({
        variant: date,
        send: () => acting.calls.postponeRenewal(s.id, date, bounds),
        check: async () => ((await acting.calls.readSubscription(s.id)).nextBillingAt === date ? 'done' : 'not-done'),
        done: () => i18n.t(trial ? 'acting.done.postponeTrial' : 'acting.done.postpone', { name, date: i18n.date(date) }),
      }),
    );
  };

  const offered = acting.gate.status === 'offered';
  const anything = offer.cancel !== null || offer.reactivate || offer.postpone;
  return (
    <section className="acting" aria-label={i18n.t('acting.subscription.label', { plan })}>
      {result && (
        <OutcomeView
          host={host}
          result={result.result}
          done={result.done}
          onForce={() => result.retry({ force: true })}
          onAllowUnprotected={() => result.retry({ allowUnprotected: true })}
        />
      )}
      {anything && acting.gate.status === 'absent' && <GateNote gate={acting.gate} group="subscription" />}
      {offered && open === null && anything && (
        <div className="toolbar" role="group" aria-label={i18n.t('acting.subscription.actions')}>
          {offer.reactivate && (
            <button type="button" className="button" onClick={reactivate} disabled={busy}>
              {i18n.t('acting.reactivate.button')}
            </button>
          )}
          {offer.postpone && (
            <button type="button" className="button" onClick={() => setOpen('postpone')} disabled={busy}>
              {i18n.t(s.status === 'trial' ? 'acting.postpone.buttonTrial' : 'acting.postpone.button')}
            </button>
          )}
          {offer.cancel && (
            <button type="button" className="button button--danger" onClick={() => setOpen('cancel')} disabled={busy}>
              {i18n.t('acting.cancel.button')}
            </button>
          )}
        </div>
      )}
      {offered && open === 'cancel' && offer.cancel && (
        <form
          noValidate
          className="acting-form"
          aria-label={i18n.t('acting.cancel.formLabel', { plan })}
          onSubmit={(e) => {
            e.preventDefault();
            startCancel();
          }}
        >
          <fieldset>
            <legend>{i18n.t('acting.cancel.when')}</legend>
            {offer.cancel.atEnd && (
              <label>
                <input type="radio" name={`${ids}-when`} checked={atEnd} onChange={() => setAtEnd(true)} />{' '}
                {i18n.t('acting.cancel.atEnd', { date: i18n.date(s.currentTermEndsAt) })}
              </label>
            )}
            <label>
              <input type="radio" name={`${ids}-when`} checked={!atEnd || !offer.cancel.atEnd} onChange={() => setAtEnd(false)} />{' '}
              {i18n.t('acting.cancel.now')}
            </label>
          </fieldset>
          {churn.status === 'loading' && <p className="muted">{i18n.t('acting.cancel.loadingReasons')}</p>}
          {churnState && churnState.reasons.length > 0 && (
            <label className="acting-field">
              <span>{i18n.t(reasonRequired ? 'acting.cancel.reasonRequiredLabel' : 'acting.cancel.reasonLabel')}</span>
              <select value={reason} onChange={(e) => setReason(e.currentTarget.value)} aria-required={reasonRequired}>
                <option value="">{i18n.t('acting.cancel.reasonNone')}</option>
                {churnState.reasons.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="muted">{i18n.t('acting.cancel.noRefund')}</p>
          {problem && <p role="alert">{problem}</p>}
          <div className="toolbar">
            <button type="submit" className="button button--danger" disabled={busy} aria-busy={busy || undefined}>
              {i18n.t('acting.cancel.continue')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(null)} disabled={busy}>
              {i18n.t('common.back')}
            </button>
          </div>
        </form>
      )}
      {offered && open === 'postpone' && bounds && (
        <form
          noValidate
          className="acting-form"
          aria-label={i18n.t('acting.postpone.formLabel', { plan })}
          onSubmit={(e) => {
            e.preventDefault();
            startPostpone();
          }}
        >
          <label className="acting-field">
            <span>{i18n.t(s.status === 'trial' ? 'acting.postpone.dateLabelTrial' : 'acting.postpone.dateLabel')}</span>
            <input type="date" min={bounds.min} max={bounds.max} value={renewalAt} onChange={(e) => setRenewalAt(e.currentTarget.value)} required />
          </label>
          <p className="muted">{i18n.t('acting.postpone.bounds', { from: i18n.date(s.nextBillingAt), min: i18n.date(bounds.min), max: i18n.date(bounds.max) })}</p>
          {problem && <p role="alert">{problem}</p>}
          <div className="toolbar">
            <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
              {i18n.t('acting.postpone.continue')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(null)} disabled={busy}>
              {i18n.t('common.back')}
            </button>
          </div>
        </form>
      )}
      {offer.absent.map((why) => (
        <p key={why} className="muted acting-note">
          {i18n.t(`acting.absent.${why}`)}
        </p>
      ))}
    </section>
  );
}
