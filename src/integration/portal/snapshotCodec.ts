/**
 * Compact rows for the portal-shared snapshot (SPEC E1). A Desk storage value holds at most 5.1 KB
 * (desk-sdk.md §5.1), so records are stored as tuples in a fixed field order (no repeated keys), and a
 * list is split into chunks that each fit. Decoding checks every field's type: a row written by an older
 * build, or damaged, decodes to null and is treated as missing, never shown half-right.
 *
 * The field lists are typed against the Billing model, so a field added there fails to compile here
 * until it is given a place (otherwise a snapshot would silently lose it).
 */
import type { Address, ContactPerson, Customer, CustomerSummary, InvoiceSummary, Subscription } from '../../billing/types';
import type { JsonValue } from '../../host/types';

type Kind = 's' | 's?' | 'n?' | 'b?';
type Spec<T> = { readonly [K in keyof T]-?: Kind };

const SUMMARY: Spec<CustomerSummary> = {
  id: 's',
  displayName: 's',
  companyName: 's',
  email: 's',
  firstName: 's',
  lastName: 's',
  phone: 's',
  status: 's',
  currencyCode: 's?',
  unusedCredits: 'n?',
  outstanding: 'n?',
  updatedTime: 's?',
};

const ADDRESS: Spec<Address> = {
  attention: 's',
  street: 's',
  street2: 's',
  city: 's',
  state: 's',
  zip: 's',
  country: 's',
  phone: 's',
  fax: 's',
};

const CONTACT: Spec<ContactPerson> = { id: 's', firstName: 's', lastName: 's', email: 's', phone: 's' };

/** Customer fields beyond the summary; addresses and contact persons are nested tuples. */
type CustomerRest = Omit<Customer, keyof CustomerSummary | 'billingAddress' | 'shippingAddress' | 'contactPersons'>;
const CUSTOMER_REST: Spec<CustomerRest> = { mobile: 's', paymentTerms: 'n?', paymentTermsLabel: 's', createdTime: 's?' };

export const SUBSCRIPTION: Spec<Subscription> = {
  id: 's',
  number: 's',
  name: 's',
  planName: 's',
  planCode: 's',
  status: 's',
  amount: 'n?',
  currencyCode: 's?',
  interval: 'n?',
  intervalUnit: 's',
  activatedAt: 's?',
  createdAt: 's?',
  currentTermStartsAt: 's?',
  currentTermEndsAt: 's?',
  nextBillingAt: 's?',
  lastBillingAt: 's?',
  expiresAt: 's?',
  cancelledAt: 's?',
  autoCollect: 'b?',
  createdTime: 's?',
};

export const INVOICE: Spec<InvoiceSummary> = {
  id: 's',
  number: 's',
  status: 's',
  date: 's?',
  dueDate: 's?',
  total: 'n?',
  balance: 'n?',
  currencyCode: 's?',
  customerId: 's?',
  referenceNumber: 's?',
  transactionType: 's?',
};

export { SUMMARY as CUSTOMER_SUMMARY };

function fits(kind: Kind, v: unknown): boolean {
  if (kind === 's') return typeof v === 'string';
  if (v === null) return true;
  if (kind === 's?') return typeof v === 'string';
  if (kind === 'n?') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === 'boolean';
}

export function pack<T>(spec: Spec<T>, record: T): JsonValue[] {
  return (Object.keys(spec) as Array<keyof T>).map((k) => {
    const v = record[k] as unknown;
    return v === undefined ? null : (v as JsonValue);
  });
}

export function unpack<T>(spec: Spec<T>, tuple: unknown): T | null {
  const keys = Object.keys(spec) as Array<keyof T & string>;
  if (!Array.isArray(tuple) || tuple.length !== keys.length) return null;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as keyof T & string;
    if (!fits(spec[key], tuple[i])) return null;
    out[key] = tuple[i];
  }
  return out as T;
}

export function unpackAll<T>(spec: Spec<T>, tuples: unknown): T[] | null {
  if (!Array.isArray(tuples)) return null;
  const out: T[] = [];
  for (const t of tuples) {
    const one = unpack(spec, t);
    if (!one) return null;
    out.push(one);
  }
  return out;
}

/** Contact persons kept with the customer: the first few (the panel shows a handful; more do not fit). */
export const MAX_CONTACT_PERSONS = 8;

export function packCustomer(c: Customer, contacts = MAX_CONTACT_PERSONS): JsonValue[] {
  return [
    pack(SUMMARY, c),
    pack(CUSTOMER_REST, c),
    c.billingAddress ? pack(ADDRESS, c.billingAddress) : null,
    c.shippingAddress ? pack(ADDRESS, c.shippingAddress) : null,
    c.contactPersons.slice(0, contacts).map((p) => pack(CONTACT, p)),
  ];
}

export function unpackCustomer(tuple: unknown): Customer | null {
  if (!Array.isArray(tuple) || tuple.length !== 5) return null;
  const [summaryT, restT, billingT, shippingT, contactsT] = tuple as unknown[];
  const summary = unpack(SUMMARY, summaryT);
  const rest = unpack(CUSTOMER_REST, restT);
  const billingAddress = billingT === null ? null : unpack(ADDRESS, billingT);
  const shippingAddress = shippingT === null ? null : unpack(ADDRESS, shippingT);
  const contactPersons = unpackAll(CONTACT, contactsT);
  if (!summary || !rest || (billingT !== null && !billingAddress) || (shippingT !== null && !shippingAddress) || !contactPersons) {
    return null;
  }
  return { ...summary, ...rest, billingAddress, shippingAddress, contactPersons };
}

/**
 * Splits tuples into chunks whose stored value (with `envelope` added) stays within `maxBytes`.
 * Returns null when one tuple alone does not fit or more than `maxChunks` would be needed: such a
 * list is not shared (each agent reads it from Billing), rather than shared incomplete.
 */
export function chunk(
  tuples: JsonValue[],
  sizeOf: (tuples: JsonValue[]) => number,
  maxBytes: number,
  maxChunks: number,
): JsonValue[][] | null {
  const chunks: JsonValue[][] = [];
  let current: JsonValue[] = [];
  for (const t of tuples) {
    const next = [...current, t];
    if (sizeOf(next) <= maxBytes) {
      current = next;
      continue;
    }
    if (current.length === 0) return null;
    chunks.push(current);
    current = [t];
    if (sizeOf(current) > maxBytes) return null;
  }
  chunks.push(current);
  return chunks.length <= maxChunks ? chunks : null;
}
