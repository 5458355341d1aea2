/**
 * The requests of the actions an agent takes from a ticket (issue 20), exactly as Zoho's OpenAPI files
 * define them, and the limits checked before any is sent:
 *  - Cancel a subscription (subscription.yml "Cancel a subscription"): no body; the query `cancel_at_end`
 *    is a string in the file and is always sent, `true` or `false` (billing-actions.md §2.1).
 *  - Reactivate (subscription.yml "Reactivate subscription"): no query, no body.
 *  - Postpone renewal (subscription.yml "Postpone renewal"): `{renewal_at}` (YYYY-MM-DD), forward only.
 *  - Add a note (subscription.yml "Add a note"): `{description}`.
 *  - Collect charge (invoices.yml "Collect charge via bank account / credit card"): `oneOf {card_id} |
 *    {account_id}`; we only ever send the card.
 * Pure functions, no I/O: the mutation tests run over this file.
 */
import { toDate } from './coerce';
import { BillingError } from './errors';

function refuse(detail: string): never {
  throw new BillingError('rejected', 'The action is incomplete', { detail });
}

export function cancelQuery(atEnd: boolean): { cancel_at_end: 'true' | 'false' } {
  return { cancel_at_end: atEnd ? 'true' : 'false' };
}

/** The days between two YYYY-MM-DD dates (b − a), in whole days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * How far a renewal may be moved. Billing's rule: "can only be postponed and not preponed", so the
 * earliest is the day after the current renewal (and never today or before). The latest is ours: one
 * year past the current renewal, so a slip of the picker cannot give a customer years for free.
 */
export const POSTPONE_MAX_DAYS = 365;

export function postponeBounds(nextBillingAt: string, today: string): { min: string; max: string } | null {
  if (toDate(nextBillingAt) === null || toDate(today) === null) return null;
  const afterRenewal = addDays(nextBillingAt, 1);
  const tomorrow = addDays(today, 1);
  const min = afterRenewal > tomorrow ? afterRenewal : tomorrow;
  return { min, max: addDays(nextBillingAt, POSTPONE_MAX_DAYS) };
}

export function postponeBody(renewalAt: string, bounds: { min: string; max: string } | null): { renewal_at: string } {
  if (toDate(renewalAt) === null) refuse(`renewal date "${renewalAt}" is not YYYY-MM-DD`);
  if (bounds === null) refuse('the current renewal date is not known');
  if (renewalAt < bounds.min) refuse(`a renewal can only be postponed, to ${bounds.min} or later`);
  if (renewalAt > bounds.max) refuse(`a renewal can be postponed to ${bounds.max} at the latest`);
  return { renewal_at: renewalAt };
}

export function collectBody(cardId: string): { card_id: string } {
  if (cardId.trim() === '') refuse('no card on file');
  return { card_id: cardId };
}

/** Billing's own limit for a note is not documented; Desk's comment limit is far beyond a reason's length. */
export const NOTE_MAX_LENGTH = 2000;

export function noteBody(description: string): { description: string } {
  const text = description.trim();
  if (text === '') refuse('an empty note');
  return { description: text.length > NOTE_MAX_LENGTH ? `${text.slice(0, NOTE_MAX_LENGTH - 1)}…` : text };
}
