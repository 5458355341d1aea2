import { useEffect, useRef, useState } from 'react';
import type { Customer } from '../billing/types';
import type { DeskAccount, DeskContact } from '../host/types';
import { Spinner } from '../ui/Spinner';
import { useI18n } from '../ui/i18nContext';
import { ActionSuspense, LazyCreateCustomerForm } from './lazyActions';
import { usePanelEnv } from './panelEnv';
import type { ResolveTarget } from './resolveCustomer';

type Prefill = { status: 'loading' } | { status: 'ready'; contact: DeskContact | null; account: DeskAccount | null };

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
  const [prefill, setPrefill] = useState<Prefill>({ status: 'loading' });
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  const entityKind = target.entity?.kind ?? null;
  const entityId = target.entity?.id ?? null;

  useEffect(() => {
    let live = true;
    const done = (contact: DeskContact | null, account: DeskAccount | null) => {
      if (live) setPrefill({ status: 'ready', contact, account });
    };
    // Desk not answering only costs the prefill: the agent can still type everything.
    if (entityKind === 'contact' && entityId) {
      void host.contact(entityId).then((r) => done(r.ok ? r.value : contactFromTarget(target), null));
    } else if (entityKind === 'account' && entityId) {
      void host.account(entityId).then((r) => done(null, r.ok ? r.value : null));
    } else {
      done(contactFromTarget(target), null);
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, entityKind, entityId]);

  return (
    <section ref={region} tabIndex={-1} aria-label={i18n.t('panel.actions.createCustomer')}>
      {prefill.status === 'loading' ? (
        <Spinner />
      ) : (
        <ActionSuspense>
          <LazyCreateCustomerForm
            host={host}
            api={billing.api}
            contact={prefill.contact}
            account={prefill.account}
            onCreated={onCreated}
            onCancel={onCancel}
          />
        </ActionSuspense>
      )}
    </section>
  );
}
