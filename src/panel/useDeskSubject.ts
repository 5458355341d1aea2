/**
 * What the panel is about at each Desk location, turned into a ResolveTarget, kept current as the
 * agent moves (ticket switch, page change, typing in the add-ticket form) — SPEC B7, B13.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskContact, DeskHost, HostError, LocationKind, TicketFormValues } from '../host/types';
import { watchTicketForm } from '../host/formPoller';
import { useLatest } from '../ui/useLatest';
import type { ResolveTarget } from './resolveCustomer';

export type DeskSubject =
  | { status: 'loading' }
  /** The add-ticket form has no contact, account or email yet. */
  | { status: 'nothing-yet' }
  | { status: 'error'; error: HostError }
  | { status: 'ready'; key: string; target: ResolveTarget; ticketNumber: string | null };

function contactTarget(contact: DeskContact, extraEmails: string[] = []): ResolveTarget {
  return {
    entity: { kind: 'contact', id: contact.id },
    emails: [...contact.emails, ...extraEmails],
    companyNames: [],
    // Never the Desk id: a contact with neither name nor email is worded by the panel ("this contact").
    label: contact.name || contact.emails[0] || '',
  };
}

async function accountTarget(host: DeskHost, accountId: string | undefined): Promise<{ ok: true; target: ResolveTarget; id: string } | { ok: false; error: HostError }> {
  const account = await host.account(accountId);
  if (!account.ok) return account;
  const contacts = await host.accountContacts(account.value.id);
  // Without the contacts the account name still matches; a failed contact list is not fatal.
  const emails = contacts.ok ? contacts.value.flatMap((c) => c.emails) : [];
  return {
    ok: true,
    id: account.value.id,
    target: { entity: { kind: 'account', id: account.value.id }, emails, companyNames: [account.value.name], label: account.value.name },
  };
}

type Load = () => Promise<DeskSubject>;

function loaderFor(host: DeskHost, kind: LocationKind, version: number, formValues: TicketFormValues | null): Load {
  switch (kind) {
    case 'ticket':
      return async () => {
        const ticket = await host.ticket();
        if (!ticket.ok) return { status: 'error', error: ticket.error };
        const t = ticket.value;
        const base = `ticket:${t.id}:${version}`;
        if (t.contactId) {
          const contact = await host.contact(t.contactId);
          if (contact.ok) {
            const target = contactTarget(contact.value, t.email ? [t.email] : []);
            return { status: 'ready', key: base, target, ticketNumber: t.number };
          }
        }
        if (!t.email) {
          return { status: 'ready', key: base, ticketNumber: t.number, target: { entity: null, emails: [], companyNames: [], label: t.contactName ?? t.number } };
        }
        const target: ResolveTarget = t.contactId
          ? { entity: { kind: 'contact', id: t.contactId }, emails: [t.email], companyNames: [], label: t.contactName || t.email }
          : { entity: null, emails: [t.email], companyNames: [], label: t.contactName || t.email };
        return { status: 'ready', key: base, target, ticketNumber: t.number };
      };
    case 'contact':
      return async () => {
        const contact = await host.contact();
        if (!contact.ok) return { status: 'error', error: contact.error };
        return { status: 'ready', key: `contact:${contact.value.id}:${version}`, target: contactTarget(contact.value), ticketNumber: null };
      };
    case 'account':
      return async () => {
        const r = await accountTarget(host, undefined);
        if (!r.ok) return { status: 'error', error: r.error };
        return { status: 'ready', key: `account:${r.id}:${version}`, target: r.target, ticketNumber: null };
      };
    case 'ticketForm':
    case 'settings':
      return async () => {
        const f = formValues;
        if (!f) return { status: 'loading' };
        const email = f.email?.trim().toLowerCase() || null;
        // A record the form names but Desk could not read is a failure to say (with Retry), not "nothing yet".
        let unread: HostError | null = null;
        if (f.contactId) {
          const contact = await host.contact(f.contactId);
          if (contact.ok) {
            return {
              status: 'ready',
              key: `form:c:${f.contactId}:${version}`,
              target: contactTarget(contact.value, email ? [email] : []),
              ticketNumber: null,
            };
          }
          unread = contact.error;
        }
        if (email) {
          return {
            status: 'ready',
            key: `form:e:${email}:${version}`,
            target: {
              entity: f.contactId ? { kind: 'contact', id: f.contactId } : null,
              emails: [email],
              companyNames: [],
              label: f.contactName || email,
            },
            ticketNumber: null,
          };
        }
        if (f.accountId) {
          const r = await accountTarget(host, f.accountId);
          if (r.ok) return { status: 'ready', key: `form:a:${r.id}:${version}`, target: r.target, ticketNumber: null };
          unread ??= r.error;
        }
        if (f.accountName?.trim()) {
          const name = f.accountName.trim();
          return {
            status: 'ready',
            key: `form:n:${name}:${version}`,
            target: { entity: null, emails: [], companyNames: [name], label: name },
            ticketNumber: null,
          };
        }
        return unread ? { status: 'error', error: unread } : { status: 'nothing-yet' };
      };
  }
}

function sameForm(a: TicketFormValues | null, b: TicketFormValues | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function useDeskSubject(host: DeskHost, kind: LocationKind): DeskSubject & { refresh: () => void } {
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState<TicketFormValues | null>(null);
  const formRef = useRef<TicketFormValues | null>(null);
  const isForm = kind === 'ticketForm';

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  // Ticket switch and page change: re-read everything; the old answers are dropped below.
  useEffect(() => {
    const offs = [host.on('ticketChanged', refresh), host.on('pageChanged', refresh)];
    return () => offs.forEach((off) => off());
  }, [host, refresh]);

  // The add-ticket form: re-read while visible, backing off, on focus, formChanged and Refresh (src/host/formPoller.ts).
  useEffect(() => {
    if (!isForm) return;
    return watchTicketForm(host, (next) => {
      if (!sameForm(formRef.current, next)) {
        formRef.current = next;
        setForm(next);
      }
    });
  }, [isForm, host, version]);

  // The previous subject stays on screen until the new one is known; an older answer never replaces it.
  const latest = useLatest(isForm && form === null ? null : loaderFor(host, kind, version, form), [host, kind, version, form, isForm], {
    keep: true,
  });
  const subject: DeskSubject =
    latest.status === 'error'
      ? { status: 'error', error: { kind: 'rejected', message: String(latest.error) } }
      : (latest.value ?? { status: 'loading' });
  return { ...subject, refresh };
}
