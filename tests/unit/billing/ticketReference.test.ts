import { describe, expect, it } from 'vitest';
import { referencesTicket, ticketDigits, ticketNumberOf, ticketReference } from '../../../src/billing/ticketReference';

describe('ticket reference (DESK-<n>): one writer, its readers', () => {
  it('writes DESK-<number>, without a leading # and not for a missing number', () => {
    expect(ticketReference('104233')).toBe('DESK-104233');
    expect(ticketReference(' #104233 ')).toBe('DESK-104233');
    expect(ticketReference('')).toBeNull();
    expect(ticketReference(null)).toBeNull();
  });

  it('reads what it wrote and hand-typed references, never a longer number', () => {
    expect(referencesTicket(ticketReference('104233'), '104233')).toBe(true);
    expect(referencesTicket('Ticket #104233 (renewal)', '104233')).toBe(true);
    expect(referencesTicket('DESK-1042330', '104233')).toBe(false);
    expect(referencesTicket('PO-9104233', '104233')).toBe(false);
    expect(referencesTicket(null, '104233')).toBe(false);
  });

  it('a ticket number without digits matches nothing', () => {
    expect(ticketDigits('#abc')).toBeNull();
    expect(referencesTicket('anything at all', '#abc')).toBe(false);
    expect(referencesTicket('anything at all', '')).toBe(false);
  });

  it('gives back the ticket number of a reference it wrote', () => {
    expect(ticketNumberOf(ticketReference('104240'))).toBe('104240');
    expect(ticketNumberOf('INV-7')).toBeNull();
    expect(ticketNumberOf('DESK-')).toBeNull();
  });
});
