import { useEffect, useRef } from 'react';
import { useLatest } from '../ui/useLatest';
import type { Customer } from '../billing/types';
import type { DeskAccount, DeskContact } from '../host/types';
import { Spinner } from '../ui/Spinner';
import { useI18n } from '../ui/i18nContext';
// This panel is in the write forms' lazy chunk (actions/index.ts): it uses the form directly, not lazily.
import { CreateCustomerForm } from './actions/CreateCustomerForm';
import { usePanelEnv } from './panelEnv';
import type { ResolveTarget } from './resolveCustomer';

type Prefill = { contact: DeskContact | null; account: DeskAccount | null };

/** Without a Desk contact (a ticket that only has an email) the form still starts from what is known. */
function contactFromTarget(target: ResolveTarget): DeskContact | null {
  if (target.emails.length === 0) return null;
  return {
    id: '',
    firstName: '',
    lastName: '',
    name: target.label && !target.emails.includes(target.label) ? target.label : '',
    emails: target.emails,
    phone: null,
    accountId: null,
    accountName: null,
    address: null,
  };
}

/** "Create customer" from the no-match state (B10): prefilled from the Desk contact or account. */
export function CreateCustomerPanel({
  target,
  onCreated,
  onCancel,
}: {
  target: ResolveTarget;
  onCreated: (customer: Customer) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { host, billing } = usePanelEnv();
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  const entityKind = target.entity?.kind ?? null;
  const entityId = target.entity?.id ?? null;

  const prefill = useLatest<Prefill>(async () => {
    // Desk not answering only costs the prefill: the agent can still type everything.
    if (entityKind === 'contact' && entityId) {
      const r = await host.contact(entityId);
      return { contact: r.ok ? r.value : contactFromTarget(target), account: null };
    }
    if (entityKind === 'account' && entityId) {
      const r = await host.account(entityId);
      return { contact: null, account: r.ok ? r.value : null };
    }
    return { contact: contactFromTarget(target), account: null };
  }, [host, entityKind, entityId]);

  return (
    <section ref={region} tabIndex={-1} aria-label={i18n.t('panel.actions.createCustomer')}>
      {prefill.status !== 'ready' ? (
        <Spinner />
      ) : (
        <CreateCustomerForm
          host={host}
          api={billing.api}
          contact={prefill.value.contact}
          account={prefill.value.account}
          onCreated={onCreated}
          onCancel={onCancel}
        />
      )}
    </section>
  );
}
