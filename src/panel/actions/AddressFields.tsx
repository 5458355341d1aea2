import { useId } from 'react';
import type { Address } from '../../billing/types';
import { useI18n } from '../../ui/i18nContext';

/**
 * The address parts an agent edits, in Billing's own keys (street + street2 are its two street lines,
 * billing-api.md §5.3 / §12.3); phone, fax and state_code are carried through untouched.
 */
export const EDITED_ADDRESS_KEYS = ['attention', 'street', 'street2', 'city', 'state', 'zip', 'country'] as const;
export type EditedAddressKey = (typeof EDITED_ADDRESS_KEYS)[number];
/**
 * The order a Japanese agent fills an address in: 郵便番号 → 都道府県 → 市区町村 → 町名・番地 → 建物名 (the
 * reverse of the English order; the postal code finds the rest). Same fields, same Billing keys.
 */
const JAPANESE_ORDER: readonly EditedAddressKey[] = ['attention', 'zip', 'state', 'city', 'street', 'street2', 'country'];
export type AddressDraft = Partial<Address> & Record<EditedAddressKey, string>;

export function addressDraft(from: Partial<Address> | null | undefined): AddressDraft {
  return {
    ...(from ?? {}),
    attention: from?.attention ?? '',
    street: from?.street ?? '',
    street2: from?.street2 ?? '',
    city: from?.city ?? '',
    state: from?.state ?? '',
    zip: from?.zip ?? '',
    country: from?.country ?? '',
  };
}

export function isBlankAddress(a: AddressDraft): boolean {
  return EDITED_ADDRESS_KEYS.every((key) => a[key].trim() === '');
}

export function sameAddress(a: AddressDraft, b: AddressDraft): boolean {
  return EDITED_ADDRESS_KEYS.every((key) => a[key].trim() === b[key].trim());
}

export function AddressFields({
  legend,
  value,
  onChange,
  disabled = false,
}: {
  legend: string;
  value: AddressDraft;
  onChange: (next: AddressDraft) => void;
  disabled?: boolean;
}) {
  const i18n = useI18n();
  const base = useId();
  return (
    <fieldset className="action-fieldset" disabled={disabled}>
      <legend>{legend}</legend>
      {(i18n.language === 'ja' ? JAPANESE_ORDER : EDITED_ADDRESS_KEYS).map((key) => {
        const id = `${base}-${key}`;
        return (
          <div className="action-field" key={key}>
            <label htmlFor={id}>{i18n.t(`actions.address.${key}`)}</label>
            <input
              id={id}
              type="text"
              autoComplete="off"
              value={value[key]}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
