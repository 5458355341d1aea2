import { useState } from 'react';
import type { CollectResult } from '../../billing/actionCalls';
import { BillingError } from '../../billing/errors';
import type { InvoiceDetail } from '../../billing/types';
import type { ActionResult } from '../../integration/actions/runAction';
import type { ActionRunOptions } from '../../integration/writes/actionGuard';
import { useI18n } from '../../ui/i18nContext';
import { useOnce } from '../actions/useOnce';
import { usePanelEnv } from '../panelEnv';
import { useBillingRead } from '../useBilling';
import { useActingCustomer } from './actingContext';
import { GateNote, OutcomeView } from './ActingNotes';
import { collectOffer } from './subscriptionRules';
import { matchLine } from './SubscriptionActions';
import { useActing } from './useActing';
import './acting.css';

const DECLINED = 'The card was declined';

/**
 * The card on file for an invoice: the card of the subscription it bills, else of the customer's first
 * subscription (a one-off invoice). Read from the kept subscription detail, so usually no extra call.
 */
function useCardFor(invoice: InvoiceDetail, customerId: string) {
  const subs = useBillingRead('listSubscriptions', customerId, 1);
  const running = subs.status === 'ready' ? subs.value.items.find((s) => ['live', 'non_renewing', 'dunning', 'unpaid', 'trial'].includes(s.status)) : undefined;
  const subscriptionId = invoice.subscriptionIds?.[0] ?? running?.id ?? null;
  const detail = useBillingRead(subscriptionId === null ? null : 'getSubscription', subscriptionId ?? '');
  if (subscriptionId === null) return subs.status === 'loading' ? undefined : null;
  if (detail.status === 'loading') return undefined;
  if (detail.status === 'error') return null;
  const card = detail.value.card;
  return card?.id ? { id: card.id, lastFour: card.lastFour, gateway: card.gateway } : null;
}

/** Collect now (issue 20): charge the card on file for the invoice's balance; a decline changes nothing. */
export function CollectNow({ invoice, stale }: { invoice: InvoiceDetail; stale: boolean }) {
  const i18n = useI18n();
  const { host } = usePanelEnv();
  const customer = useActingCustomer();
  const acting = useActing('payment', stale);
  const { busy, run } = useOnce();
  const [result, setResult] = useState<{ result: ActionResult<CollectResult>; retry: (o: ActionRunOptions) => void } | null>(null);
  const card = useCardFor(invoice, customer?.id ?? invoice.customerId ?? '');
  if (!customer) return null;
  const offer = collectOffer(invoice, card ? card.id : card === undefined ? 'pending' : null);
  const amount = i18n.money(invoice.balance, invoice.currencyCode);
  const agent = host.context().user.name || host.context().user.email;

  const collect = (options: ActionRunOptions = {}, ask = true) =>
    run(async () => {
      if (!card) return;
      if (ask) {
        const yes = await host.confirm({
          title: i18n.t('acting.collect.confirmTitle', { amount }),
          message: [
            matchLine(i18n, customer),
            i18n.t('acting.collect.confirmLine', { amount, number: invoice.number, lastFour: card.lastFour, gateway: card.gateway }),
            i18n.t('acting.collect.confirmDecline'),
            i18n.t('acting.confirm.recorded'),
          ].join('\n'),
          okText: i18n.t('acting.collect.confirmOk', { amount }),
          cancelText: i18n.t('common.cancel'),
        });
        if (!yes) return;
      }
      const before = invoice.balance ?? 0;
      const outcome = await acting.run<CollectResult>(
        {
          group: 'payment',
          action: 'collect',
          recordId: invoice.id,
          variant: card.id,
          before: [String(before)],
          customerId: customer.id,
          send: async () => {
            const paid = await acting.calls.collectInvoice(invoice.id, card.id);
            // A decline comes back as a payment with status failure: Billing changed nothing.
            if (paid.status === 'failure') {
              throw new BillingError('rejected', DECLINED, { detail: paid.gatewayMessage ?? undefined });
            }
            return paid;
          },
          check: async () => {
            const now = await acting.calls.readInvoice(invoice.id);
            return now.balance !== null && now.balance < before ? 'done' : 'not-done';
          },
          audit: (r) =>
            r.status === 'done'
              ? i18n.t('acting.audit.done', { what: doneText(r.answer), by: agent, customer: customer.name })
              : i18n.t('acting.audit.refused', {
                  what: i18n.t('acting.audit.kind.collect', { number: invoice.number }),
                  by: agent,
                  customer: customer.name,
                  billing: r.error.detail ?? r.error.message,
                }),
        },
        options,
      );
      setResult({ result: outcome, retry: (o) => void collect(o, false) });
    });

  const doneText = (a: CollectResult | null) =>
    i18n.t('acting.done.collect', {
      amount: a?.amount !== null && a?.amount !== undefined ? i18n.money(a.amount, a.currencyCode ?? invoice.currencyCode) : amount,
      number: invoice.number,
      lastFour: card?.lastFour ?? '',
    });

  return (
    <section className="acting" aria-label={i18n.t('acting.collect.label', { number: invoice.number })}>
      {result && (
        <OutcomeView
          host={host}
          result={result.result}
          done={doneText}
          onForce={() => result.retry({ force: true })}
          onAllowUnprotected={() => result.retry({ allowUnprotected: true })}
          refused={(e) =>
            e.message === DECLINED
              ? e.detail
                ? i18n.t('acting.collect.declined', { reason: e.detail })
                : i18n.t('acting.collect.declinedNoReason')
              : null
          }
        />
      )}
      {offer.offered && acting.gate.status === 'absent' && <GateNote gate={acting.gate} group="payment" />}
      {offer.offered && acting.gate.status === 'offered' && card && result?.result.status !== 'done' && (
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void collect()} disabled={busy} aria-busy={busy || undefined}>
            {busy ? i18n.t('acting.collect.working') : i18n.t('acting.collect.button', { amount })}
          </button>
        </div>
      )}
      {offer.absent && result?.result.status !== 'done' && <p className="muted acting-note">{i18n.t(`acting.absent.${offer.absent}`)}</p>}
    </section>
  );
}
