import { useState, type FormEvent } from 'react';
import type { BillingApi, Customer } from '../../billing/types';
import type { DeskHost } from '../../host/types';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { FormButtons } from './FormButtons';
import { AddressFields, addressDraft, sameAddress, type AddressDraft } from './AddressFields';
import { useOnce } from './useOnce';
import './actions.css';

export interface EditAddressesFormProps {
  host: DeskHost;
  api: Pick<BillingApi, 'updateCustomerAddresses'>;
  customer: Customer;
  /** The updated customer as Billing answered (the panel shows it). */
  onSaved: (customer: Customer) => void;
  onCancel?: () => void;
}

export function EditAddressesForm({ host, api, customer, onSaved, onCancel }: EditAddressesFormProps) {
  const i18n = useI18n();
  const [billing, setBilling] = useState<AddressDraft>(() => addressDraft(customer.billingAddress));
  const [shipping, setShipping] = useState<AddressDraft>(() => addressDraft(customer.shippingAddress));
  const [failure, setFailure] = useState<unknown>(null);
  const [unchanged, setUnchanged] = useState(false);
  const { busy, run } = useOnce();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const billingChanged = !sameAddress(billing, addressDraft(customer.billingAddress));
      const shippingChanged = !sameAddress(shipping, addressDraft(customer.shippingAddress));
      if (!billingChanged && !shippingChanged) {
        setUnchanged(true);
        return;
      }
      setUnchanged(false);
      const name = customer.displayName || customer.email;
      const ok = await host.confirm({
        title: i18n.t('actions.addresses.confirmTitle'),
        message: i18n.t('actions.addresses.confirmMessage', { name }),
        okText: i18n.t('actions.addresses.submit'),
        cancelText: i18n.t('actions.cancel'),
      });
      if (!ok) return;
      setFailure(null);
      try {
        // Only the address that changed is sent; the other stays exactly as Billing has it.
        const updated = await api.updateCustomerAddresses(
          customer,
          billingChanged ? billing : null,
          shippingChanged ? shipping : null,
        );
        host.notify(i18n.t('actions.addresses.saved', { name }), 'success');
        onSaved(updated);
      } catch (error) {
        setFailure(error);
      }
    });
  };

  const copyBilling = () => setShipping({ ...shipping, ...pick(billing) });

  return (
    <form className="action-form" noValidate onSubmit={submit} aria-label={i18n.t('actions.addresses.title')}>
      <h2 className="action-title">{i18n.t('actions.addresses.title')}</h2>
      <p className="muted">{customer.displayName || customer.email}</p>
      <AddressFields legend={i18n.t('actions.address.billing')} value={billing} onChange={setBilling} disabled={busy} />
      <AddressFields legend={i18n.t('actions.address.shipping')} value={shipping} onChange={setShipping} disabled={busy} />
      <button type="button" className="link-button" onClick={copyBilling} disabled={busy}>
        {i18n.t('actions.address.copyBilling')}
      </button>
      {unchanged && (
        <p className="muted" role="status">
          {i18n.t('actions.addresses.unchanged')}
        </p>
      )}
      {failure !== null && <ActionError error={failure} note={i18n.t('actions.addresses.notSaved')} />}
      <FormButtons
        busy={busy}
        label={busy ? i18n.t('actions.addresses.submitting') : i18n.t('actions.addresses.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}

function pick(a: AddressDraft): Pick<AddressDraft, 'attention' | 'street' | 'city' | 'state' | 'zip' | 'country'> {
  return { attention: a.attention, street: a.street, city: a.city, state: a.state, zip: a.zip, country: a.country };
}
