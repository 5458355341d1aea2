/**
 * The one convention that ties a Billing document to a Desk ticket: its reference number is
 * "DESK-<ticket number>" (SPEC B8). The create forms write it; the "this ticket" filter, Billing searches
 * and the sandbox read it. Agents also type references by hand ("#104233", "Ticket 104233"), so the
 * reader matches the ticket's digits as a whole number anywhere in the reference, not only our prefix.
 */

const PREFIX = 'DESK-';

/** Writer: the reference for a document created from this ticket; null when there is no ticket number. */
export function ticketReference(ticketNumber: string | null | undefined): string | null {
  const n = (ticketNumber ?? '').trim().replace(/^#/, '');
  return n === '' ? null : `${PREFIX}${n}`;
}

/** Reader: the digits to look for (and to search Billing with); null when the ticket number has none. */
export function ticketDigits(ticketNumber: string | null | undefined): string | null {
  const digits = (ticketNumber ?? '').replace(/\D/g, '');
  return digits === '' ? null : digits;
}

/** Reader: whether a reference names this ticket (its digits as a whole number, not inside a longer one). */
export function referencesTicket(reference: string | null | undefined, ticketNumber: string | null | undefined): boolean {
  const digits = ticketDigits(ticketNumber);
  return digits !== null && new RegExp(`(^|\\D)${digits}(\\D|$)`).test(reference ?? '');
}

/** Reader: the ticket number of a reference we wrote ("DESK-104233" → "104233"), else null. */
export function ticketNumberOf(reference: string | null | undefined): string | null {
  const ref = (reference ?? '').trim();
  return ref.toUpperCase().startsWith(PREFIX) && ref.length > PREFIX.length ? ref.slice(PREFIX.length) : null;
}
