/**
 * Which Billing customer is this Desk contact/account (SPEC B1)? A saved link wins; then every email
 * Desk knows (all at once, duplicates folded); for an account also its name against the customers'
 * company/display names and its contacts' emails. The method is kept so the panel can say how.
 */
import { isBillingError } from '../billing/errors';
import type { CustomerSummary } from '../billing/types';
import type { DeskHost } from '../host/types';
import type { BillingReader } from '../integration/cache/billingCache';
import { deleteCustomerLink, getCustomerLink, type LinkEntity } from '../integration/records/customerLinks';
import type { MatchMethod } from '../integration/records/types';

export interface ResolveTarget {
  /** The Desk entity a link is saved for (null when only an email is known, e.g. a new ticket form). */
  entity: { kind: LinkEntity; id: string } | null;
  emails: string[];
  /** Account names to match against Billing company/display names. */
  companyNames: string[];
  /** What to call the target in "No Billing customer for …". */
  label: string;
}

export interface Candidate {
  customer: CustomerSummary;
  method: Exclude<MatchMethod, 'saved' | 'manual' | 'created'>;
}

export type Resolution =
  | { kind: 'found'; customer: CustomerSummary; method: MatchMethod }
  | { kind: 'choose'; candidates: Candidate[] }
  | { kind: 'none'; searchedFor: string[] };

type LinkHost = Pick<DeskHost, 'storage'>;

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\b(inc|llc|ltd|co|corp|gmbh|kk)\b/g, ' ')
    .replace(/株式会社|有限会社|合同会社/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function uniqueLower(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v.includes('@')))];
}

export async function resolveCustomer(
  target: ResolveTarget,
  billing: BillingReader,
  host: LinkHost,
): Promise<Resolution> {
  if (target.entity) {
    const link = await getCustomerLink(host, target.entity.kind, target.entity.id, billing.organizationId);
    // A storage hiccup should not hide the customer: fall through to matching.
    if (link.ok && link.value) {
      const customerId = link.value.customerId;
      // The id is known already: ask for the tabs' first pages in the same round trip as the customer.
      // The cache shares these with the views that mount next; a failure here is theirs to show.
      billing.read('listSubscriptions', customerId, 1).catch(() => undefined);
      billing.read('listInvoices', { customerId, page: 1 }).catch(() => undefined);
      try {
        const customer = (await billing.read('getCustomer', customerId)).value;
        return { kind: 'found', customer, method: 'saved' };
      } catch (e) {
        if (!(isBillingError(e) && e.kind === 'not-found')) throw e;
        // The customer was deleted in Billing: forget the link and match afresh.
        await deleteCustomerLink(host, target.entity.kind, target.entity.id);
      }
    }
  }

  const emails = uniqueLower(target.emails);
  const names = [...new Set(target.companyNames.map((n) => n.trim()).filter(Boolean))];

  const byEmail = Promise.all(emails.map((email) => billing.read('findCustomersByEmail', email)));
  const byName = Promise.all(names.map((name) => billing.read('searchCustomers', name, 1)));
  const [emailAnswers, nameAnswers] = await Promise.all([byEmail, byName]);

  const found = new Map<string, Candidate>();
  for (const answer of emailAnswers) {
    for (const customer of answer.value) if (!found.has(customer.id)) found.set(customer.id, { customer, method: 'email' });
  }
  const wanted = new Set(names.map(normaliseName));
  for (const answer of nameAnswers) {
    for (const customer of answer.value.items) {
      const matches =
        (customer.companyName && wanted.has(normaliseName(customer.companyName))) ||
        (customer.displayName && wanted.has(normaliseName(customer.displayName)));
      if (matches && !found.has(customer.id)) found.set(customer.id, { customer, method: 'company' });
    }
  }

  const candidates = [...found.values()];
  const only = candidates[0];
  if (candidates.length === 1 && only) return { kind: 'found', customer: only.customer, method: only.method };
  if (candidates.length > 1) return { kind: 'choose', candidates };
  return { kind: 'none', searchedFor: [...emails, ...names] };
}

