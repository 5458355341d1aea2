import { referencesTicket, ticketDigits } from '../billing/ticketReference';
import type { InvoiceSummary } from '../billing/types';
import { useBillingRead, type LoadState } from './useBilling';

/** Billing's largest page: one call covers every invoice a ticket could plausibly have. */
const SEARCH_PAGE_SIZE = 200;

/** "This ticket": the invoice's reference names the ticket (the DESK-<n> convention, billing/ticketReference). */
export function isForTicket(invoice: InvoiceSummary, ticketNumber: string): boolean {
  return referencesTicket(invoice.referenceNumber, ticketNumber);
}

export interface TicketInvoices {
  /** The ticket's invoices, newest first, from Billing's search and from the rows already loaded. */
  state: LoadState<InvoiceSummary[]> & { retry: () => void };
  /**
   * Billing answered rows that do not contain the ticket's digits at all: it ignored `search_text`
   * (unverified on Billing, §8.2). Then only paging through the whole list can find older invoices.
   */
  searchIgnored: boolean;
}

/**
 * Finds a ticket's invoices however many invoices the customer has (SPEC B6): one search call for the
 * ticket's digits (they appear in the DESK-<n> reference and in references typed by hand), every row
 * then checked against the reference here, so a looser search or an invoice number that happens to
 * contain the digits never shows up as the ticket's.
 */
export function useTicketInvoices(customerId: string, ticketNumber: string | null, enabled: boolean, loaded: InvoiceSummary[]): TicketInvoices {
  const digits = ticketDigits(ticketNumber) ?? '';
  const search = useBillingRead(enabled && digits ? 'listInvoices' : null, { customerId, searchText: digits, page: 1, perPage: SEARCH_PAGE_SIZE });
  if (search.status !== 'ready' || !ticketNumber) return { state: search as TicketInvoices['state'], searchIgnored: false };
  const found = new Map<string, InvoiceSummary>();
  for (const invoice of [...search.value.items, ...loaded]) if (isForTicket(invoice, ticketNumber)) found.set(invoice.id, invoice);
  const items = [...found.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const searchIgnored = search.value.items.some((i) => ![i.number, i.referenceNumber ?? ''].some((text) => text.includes(digits)));
  return { state: { ...search, value: items }, searchIgnored };
}
