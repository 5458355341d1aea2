import { useRef, useState, type FormEvent } from 'react';
import type { BillingApi, Customer, CustomerInput } from '../../billing/types';
import type { DeskAccount, DeskContact, DeskHost } from '../../host/types';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { FormButtons } from './FormButtons';
import { AddressFields, addressDraft, isBlankAddress, type AddressDraft } from './AddressFields';
import { TextField } from './TextField';
import { useOnce } from './useOnce';
import './actions.css';

export interface CreateCustomerFormProps {
  host: DeskHost;
  api: Pick<BillingApi, 'createCustomer'>;
  /** The Desk contact to start from (null: an empty form, e.g. from an account page). */
  contact: DeskContact | null;
  /** The contact's Desk account: its name becomes the company. */
  account?: DeskAccount | null;
  /** The panel links the new customer to the Desk record (method 'created') and shows it. */
  onCreated: (customer: Customer) => void;
  onCancel?: () => void;
}

/** What the agent is typing: the customer fields, with addresses as editable drafts. */
interface Draft extends Omit<CustomerInput, 'billingAddress' | 'shippingAddress'> {
  billing: AddressDraft;
  shipping: AddressDraft;
  shippingSame: boolean;
}

type FieldErrors = Partial<Record<'displayName' | 'email', string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function initialDraft(contact: DeskContact | null, account: DeskAccount | null | undefined): Draft {
  const company = account?.name || contact?.accountName || '';
  const address = contact?.address ?? account?.address ?? null;
  const billing = addressDraft(address);
  return {
    displayName: contact?.name || company,
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.emails[0] ?? '',
    companyName: company,
    phone: contact?.phone ?? account?.phone ?? '',
    billing,
    shipping: addressDraft(address),
    shippingSame: true,
  };
}

export function CreateCustomerForm({ host, api, contact, account, onCreated, onCancel }: CreateCustomerFormProps) {
  const i18n = useI18n();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(contact, account));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const { busy, run } = useOnce();
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const validate = (d: Draft): FieldErrors => {
    const found: FieldErrors = {};
    if (d.displayName.trim() === '') found.displayName = i18n.t('actions.customer.displayNameRequired');
    if (d.email.trim() === '') found.email = i18n.t('actions.customer.emailRequired');
    else if (!EMAIL.test(d.email.trim())) found.email = i18n.t('actions.customer.emailInvalid');
    return found;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const found = validate(draft);
      setErrors(found);
      if (found.displayName) return nameRef.current?.focus();
      if (found.email) return emailRef.current?.focus();
      const shipping = draft.shippingSame ? draft.billing : draft.shipping;
      const input: CustomerInput = {
        displayName: draft.displayName.trim(),
        firstName: draft.firstName.trim(),
        lastName: draft.lastName.trim(),
        email: draft.email.trim(),
        companyName: draft.companyName.trim(),
        phone: draft.phone.trim(),
        billingAddress: isBlankAddress(draft.billing) ? null : draft.billing,
        shippingAddress: isBlankAddress(shipping) ? null : shipping,
      };
      const ok = await host.confirm({
        title: i18n.t('actions.customer.confirmTitle'),
        message: i18n.t('actions.customer.confirmMessage', { name: input.displayName, email: input.email }),
        okText: i18n.t('actions.customer.submit'),
        cancelText: i18n.t('actions.cancel'),
      });
      if (!ok) return;
      setFailure(null);
      try {
        const customer = await api.createCustomer(input);
        host.notify(i18n.t('actions.customer.created', { name: customer.displayName || input.displayName }), 'success');
        onCreated(customer);
      } catch (error) {
        // The typed values stay in the form: the agent fixes what Billing refused and tries again.
        setFailure(error);
      }
    });
  };

  return (
    <form className="action-form" noValidate onSubmit={submit} aria-label={i18n.t('actions.customer.title')}>
      <h2 className="action-title">{i18n.t('actions.customer.title')}</h2>
      <p className="muted">{i18n.t('actions.requiredNote')}</p>
      <fieldset className="action-fieldset" disabled={busy}>
        <legend className="visually-hidden">{i18n.t('actions.customer.details')}</legend>
        <TextField
          label={i18n.t('actions.customer.displayName')}
          value={draft.displayName}
          onChange={(v) => set('displayName', v)}
          error={errors.displayName}
          required
          inputRef={nameRef}
        />
        <div className="action-pair">
          {/* A Japanese name is written family name first (姓 → 名); an English one given name first. */}
          {(i18n.language === 'ja' ? (['lastName', 'firstName'] as const) : (['firstName', 'lastName'] as const)).map((part) => (
            <TextField key={part} label={i18n.t(`actions.customer.${part}`)} value={draft[part]} onChange={(v) => set(part, v)} />
          ))}
        </div>
        <TextField
          label={i18n.t('actions.customer.email')}
          type="email"
          inputMode="email"
          value={draft.email}
          onChange={(v) => set('email', v)}
          error={errors.email}
          required
          inputRef={emailRef}
        />
        <TextField label={i18n.t('actions.customer.company')} value={draft.companyName} onChange={(v) => set('companyName', v)} />
        <TextField label={i18n.t('actions.customer.phone')} type="tel" inputMode="tel" value={draft.phone} onChange={(v) => set('phone', v)} />
      </fieldset>
      <AddressFields
        legend={i18n.t('actions.address.billing')}
        value={draft.billing}
        onChange={(v) => set('billing', v)}
        disabled={busy}
      />
      <label className="action-check">
        <input
          type="checkbox"
          checked={draft.shippingSame}
          disabled={busy}
          onChange={(e) => set('shippingSame', e.target.checked)}
        />
        {i18n.t('actions.address.sameAsBilling')}
      </label>
      {!draft.shippingSame && (
        <AddressFields
          legend={i18n.t('actions.address.shipping')}
          value={draft.shipping}
          onChange={(v) => set('shipping', v)}
          disabled={busy}
        />
      )}
      {failure !== null && <ActionError error={failure} note={i18n.t('actions.customer.notCreated')} />}
      <FormButtons
        busy={busy}
        label={busy ? i18n.t('actions.customer.submitting') : i18n.t('actions.customer.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}
