/**
 * Reading the add-ticket form (desk.ticket.form.rightpanel, SPEC B7). What public code confirms
 * (desk-sdk.md §2.5, §11): `get('ticketForm.fields')` exists (its answer's shape is not published) and
 * `ticketForm.<apiName>` keys such as `email` and `phone` are set, so they name real fields.
 * `ticketForm.contactId` / `accountId` / `contactName` / `accountName` / `contact` / `account` appear in
 * no public code: they are read only as fallbacks, after the confirmed keys, and a key the SDK keeps
 * rejecting is no longer asked for (each poll would otherwise spend a call on it).
 */
import { formValue } from './entities';
import { isRecord } from './guards';
import { decodeJsonish, fail, ok, scalarText } from './parse';
import type { HostError, HostResult, TicketFormValues } from './types';

type Get = (key: string) => Promise<HostResult<unknown>>;
type Field = keyof TicketFormValues | 'contact' | 'account';

/** Unconfirmed keys, in the order they are tried. */
export const FALLBACK_FORM_KEYS: readonly Field[] = ['contactId', 'accountId', 'contactName', 'accountName', 'contact', 'account'];
/** After this many rejections in a row a fallback key is taken as unknown to this portal. */
export const KEY_GIVE_UP_AFTER = 3;

/** Field api names as Desk may spell them ("contactId", "contact_id", "Contact ID" …) → ours. */
function fieldOf(name: unknown): Field | null {
  const text = scalarText(name);
  if (text === null) return null;
  const key = text.replace(/^ticketForm\./i, '').toLowerCase().replace(/[^a-z]/g, '');
  switch (key) {
    case 'contactid':
      return 'contactId';
    case 'accountid':
      return 'accountId';
    case 'email':
    case 'contactemail':
      return 'email';
    case 'contactname':
      return 'contactName';
    case 'accountname':
      return 'accountName';
    case 'contact':
      return 'contact';
    case 'account':
      return 'account';
    default:
      return null;
  }
}

type Raw = Partial<Record<Field, unknown>>;

/**
 * `ticketForm.fields` in every plausible shape: a list of field entries `{apiName|name|fieldName|key,
 * value|displayValue}`, or a map `{apiName: value | {value} | {id, name}}`, possibly wrapped once more
 * under `fields` or `data`. Entries without a value (field metadata only) give nothing.
 */
export function valuesFromFields(answer: unknown): Raw {
  let node = decodeJsonish(answer, { left: 2 });
  for (let i = 0; i < 2 && isRecord(node) && (node.fields !== undefined || node.data !== undefined); i += 1) {
    node = decodeJsonish(node.fields ?? node.data, { left: 1 });
  }
  const out: Raw = {};
  const put = (field: Field | null, value: unknown): void => {
    if (field === null || out[field] !== undefined) return;
    const v = decodeJsonish(value, { left: 1 });
    // {value: …} wraps the value itself; {id, name} is a lookup value and stays whole.
    const inner = isRecord(v) && 'value' in v && !('id' in v) ? v.value : v;
    if (inner === undefined || inner === null || (scalarText(inner) === null && !isRecord(inner))) return;
    out[field] = inner;
  };
  if (Array.isArray(node)) {
    for (const entry of node) {
      const e = decodeJsonish(entry, { left: 1 });
      if (!isRecord(e)) continue;
      const field = fieldOf(e.apiName ?? e.api_name ?? e.name ?? e.fieldName ?? e.key ?? e.id);
      put(field, e.value ?? e.displayValue ?? e.selectedValue);
    }
  } else if (isRecord(node)) {
    for (const [name, value] of Object.entries(node)) put(fieldOf(name), value);
  }
  return out;
}

function merge(into: Raw, from: Raw): void {
  for (const [k, v] of Object.entries(from) as [Field, unknown][]) if (into[k] === undefined && v !== undefined) into[k] = v;
}

function toValues(raw: Raw): TicketFormValues {
  const text = (field: Field, preferName = false): string | null => (raw[field] === undefined ? null : formValue(raw[field], preferName));
  return {
    contactId: text('contactId') ?? text('contact'),
    accountId: text('accountId') ?? text('account'),
    email: text('email')?.toLowerCase() ?? null,
    contactName: text('contactName') ?? text('contact', true),
    accountName: text('accountName') ?? text('account', true),
  };
}

/** A reader that remembers, for this widget, which fallback keys the portal does not know. */
export function createTicketFormReader(get: Get): () => Promise<HostResult<TicketFormValues>> {
  const rejections = new Map<Field, number>();
  return async () => {
    const [fields, email] = await Promise.all([get('ticketForm.fields'), get('ticketForm.email')]);
    const raw: Raw = fields.ok ? valuesFromFields(fields.value) : {};
    if (email.ok && raw.email === undefined && email.value !== null && email.value !== undefined) raw.email = email.value;
    let firstError: HostError | null = !fields.ok ? fields.error : !email.ok ? email.error : null;
    let anyOk = fields.ok || email.ok;

    // The confirmed answer named the contact or account: nothing unconfirmed is asked.
    if (raw.contactId === undefined && raw.contact === undefined && raw.accountId === undefined && raw.account === undefined) {
      const keys = FALLBACK_FORM_KEYS.filter((k) => (rejections.get(k) ?? 0) < KEY_GIVE_UP_AFTER);
      const answers = await Promise.all(keys.map((k) => get(`ticketForm.${k}`)));
      const fallback: Raw = {};
      keys.forEach((key, i) => {
        const answer = answers[i];
        if (!answer) return;
        if (answer.ok) {
          rejections.delete(key);
          anyOk = true;
          if (answer.value !== null && answer.value !== undefined) fallback[key] = answer.value;
        } else {
          rejections.set(key, (rejections.get(key) ?? 0) + 1);
          firstError ??= answer.error;
        }
      });
      merge(raw, fallback);
    }
    if (!anyOk) return firstError ? { ok: false, error: firstError } : fail('not-in-context', 'No ticket form is open here.');
    return ok(toValues(raw));
  };
}
