import { useRef, useState } from 'react';
import { toBillingError } from '../billing/errors';
import type { I18n } from '../i18n/i18n';
import { useI18n } from '../ui/i18nContext';
import { hostedLink, insertLink, linkNotice, paymentLinkFor } from './actions/paymentLink';
import { errorWords } from './errorWords';
import { usePanelEnv } from './panelEnv';
import { fixFor, type Fix } from './problemFixes';
import type { Problem } from './problems';
import './problemLine.css';

/** What a fix opens in place of the tabs. */
export type OpenTarget = { kind: 'invoice'; id: string } | { kind: 'subscription'; id: string };

type Words = Pick<I18n, 't' | 'date' | 'money' | 'number'>;

function inDays(i18n: Words, days: number): string {
  if (days === 0) return i18n.t('panel.problem.today');
  if (days === 1) return i18n.t('panel.problem.tomorrow');
  return i18n.t('panel.problem.inDays', { count: days });
}

/** The facts of one problem in one sentence, in the agent's language. */
export function problemText(i18n: Words, p: Problem): string {
  switch (p.kind) {
    case 'paymentFailed': {
      const vars = { amount: i18n.money(p.amount, p.currencyCode), date: i18n.date(p.date) };
      return p.reason ? i18n.t('panel.problem.paymentFailedReason', { ...vars, reason: p.reason }) : i18n.t('panel.problem.paymentFailed', vars);
    }
    case 'dunning': {
      const plan = p.subscription.planName || p.subscription.name;
      const unpaid = p.subscription.status === 'unpaid';
      if (!p.invoice) return i18n.t(unpaid ? 'panel.problem.unpaid' : 'panel.problem.dunning', { plan });
      const owed = { plan, amount: i18n.money(p.invoice.balance, p.invoice.currencyCode), number: p.invoice.number };
      return i18n.t(unpaid ? 'panel.problem.unpaidOwed' : 'panel.problem.dunningOwed', owed);
    }
    case 'card': {
      const plan = p.subscription.planName || p.subscription.name;
      const vars = { plan, last4: p.lastFour || '····', date: i18n.date(p.validThrough), renewal: i18n.date(p.renewsOn) };
      return i18n.t(p.expired ? 'panel.problem.cardExpired' : 'panel.problem.cardExpiring', vars);
    }
    case 'overdue': {
      const vars = { number: p.invoice.number, amount: i18n.money(p.invoice.balance, p.invoice.currencyCode), date: i18n.date(p.dueDate) };
      if (p.daysOverdue === null) return i18n.t('panel.problem.overdueNoDate', vars);
      if (p.daysOverdue === 1) return i18n.t('panel.problem.overdueOneDay', vars);
      return i18n.t('panel.problem.overdue', { ...vars, count: p.daysOverdue });
    }
    case 'trialEnding':
      return i18n.t('panel.problem.trialEnding', { plan: p.subscription.planName || p.subscription.name, date: i18n.date(p.endsOn), when: inDays(i18n, p.days) });
    case 'ending':
      return i18n.t('panel.problem.ending', { plan: p.subscription.planName || p.subscription.name, date: i18n.date(p.endsOn), when: inDays(i18n, p.days) });
  }
}

function fixLabel(i18n: Words, fix: Fix): string {
  switch (fix.kind) {
    case 'insertLink':
      return i18n.t('panel.problem.fix.insertLink', { number: fix.invoice.number });
    case 'openInvoice':
      return i18n.t('panel.problem.fix.openInvoice', { number: fix.invoice.number });
    case 'openSubscription':
      return i18n.t('panel.problem.fix.openSubscription');
    case 'cardLink':
      return i18n.t('panel.problem.fix.cardLink');
  }
}

type Notice = { kind: 'status' | 'alert'; text: string } | null;

/** What a fix acts on: two problems with the same fix (an overdue invoice and its dunning subscription) show one button. */
function fixTarget(fix: Fix): string {
  return fix.kind === 'openSubscription' || fix.kind === 'cardLink' ? `${fix.kind}:${fix.subscription.id}` : `${fix.kind}:${fix.invoice.id}`;
}

function ProblemRow({ problem, fix, onOpen, busy, run }: { problem: Problem; fix: Fix | null; onOpen: (target: OpenTarget) => void; busy: boolean; run: (fix: Fix) => void }) {
  const i18n = useI18n();
  const click = () => {
    if (!fix) return;
    if (fix.kind === 'openInvoice') onOpen({ kind: 'invoice', id: fix.invoice.id });
    else if (fix.kind === 'openSubscription') onOpen({ kind: 'subscription', id: fix.subscription.id });
    else run(fix);
  };
  return (
    <div className="problem-row" data-problem={problem.kind}>
      <span className="problem-text">{problemText(i18n, problem)}</span>
      {fix && (
        <button type="button" className="button problem-fix" onClick={click} disabled={busy}>
          {fixLabel(i18n, fix)}
        </button>
      )}
    </div>
  );
}

/**
 * The customer's billing problem in one line above the summary (issue 20), with its fix as one button;
 * further problems behind "and N more". Shows nothing when there is none. Found by problems.ts from what
 * the panel already read; a fix that opens something reads it then, on the agent's click.
 */
export function ProblemLine({ problems, onOpen }: { problems: readonly Problem[]; onOpen: (target: OpenTarget) => void }) {
  const i18n = useI18n();
  const { host, billing } = usePanelEnv();
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const running = useRef(false);
  const [first, ...rest] = problems;
  if (!first) return null;
  const context = { canInsert: host.context().kind === 'ticket' };
  const seen = new Set<string>();
  // Each fix once, on the most urgent problem it fixes.
  const fixes = problems.map((problem) => {
    const fix = fixFor(problem, context);
    if (!fix || seen.has(fixTarget(fix))) return null;
    seen.add(fixTarget(fix));
    return fix;
  });

  const run = async (fix: Fix) => {
    if (running.current || (fix.kind !== 'insertLink' && fix.kind !== 'cardLink')) return;
    running.current = true;
    setBusy(true);
    setNotice(null);
    try {
      const kind = fix.kind === 'insertLink' ? 'payment' : 'card';
      const link =
        fix.kind === 'insertLink' ? await paymentLinkFor(billing.api, fix.invoice.id) : hostedLink(await billing.api.createCardUpdateLink(fix.subscription.id));
      const subject = fix.kind === 'insertLink' ? fix.invoice.number : fix.subscription.planName || fix.subscription.name;
      const inserted = await insertLink(host, i18n, kind, subject, link);
      setNotice(
        inserted
          ? { kind: 'status', text: linkNotice(i18n, kind, 'inserted', link) }
          : { kind: 'alert', text: i18n.t('actions.invoiceActions.insertFailed') },
      );
    } catch (error) {
      setNotice({ kind: 'alert', text: errorWords(i18n, toBillingError(error), null, Date.now()) });
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const rowProps = { onOpen, busy, run: (fix: Fix) => void run(fix) };

  return (
    <section className="problem-line" aria-label={i18n.t('panel.problem.label')}>
      <ProblemRow problem={first} fix={fixes[0] ?? null} {...rowProps} />
      {rest.length > 0 && (
        <button type="button" className="link-button problem-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? i18n.t('panel.problem.fewer') : i18n.t('panel.problem.more', { count: rest.length })}
        </button>
      )}
      {expanded && (
        <ul className="problem-rest" aria-label={i18n.t('panel.problem.others')}>
          {rest.map((p, i) => (
            <li key={p.key}>
              <ProblemRow problem={p} fix={fixes[i + 1] ?? null} {...rowProps} />
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'field-error problem-note' : 'muted problem-note'}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
