/** The Desk simulation's loose records and popup options, read into what the simulator shell shows. */
import type { DeskRecordOption, PendingConfirm } from './api';

export type Rec = Record<string, unknown>;

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function ticketOption(t: Rec): DeskRecordOption {
  return { id: str(t.id), label: `#${str(t.number)} ${str(t.subject)}`.trim(), detail: str(t.contactName) || str(t.email) };
}
export function contactOption(c: Rec): DeskRecordOption {
  const name = `${str(c.firstName)} ${str(c.lastName)}`.trim();
  return { id: str(c.id), label: name || str(c.email) || str(c.id), detail: str(c.email) };
}
export function accountOption(a: Rec): DeskRecordOption {
  return { id: str(a.id), label: str(a.accountName) || str(a.name) || str(a.id), detail: str(a.website) };
}

/** Fields of a Desk data record, whatever the record's declared type. */
export function asRecords(list: unknown): Rec[] {
  return Array.isArray(list) ? (list.filter((x) => x !== null && typeof x === 'object') as Rec[]) : [];
}

/** Desk's confirmation popup options → what the dialog shows (tolerant of every plausible shape). */
export function toPendingConfirm(id: number, options: unknown): PendingConfirm {
  const o = (options && typeof options === 'object' ? options : {}) as Rec;
  return {
    id,
    title: str(o.title) || 'Confirm',
    message: str(o.content) || str(o.message),
    okText: str(o.okText) || 'OK',
    cancelText: str(o.cancelText) || 'Cancel',
    danger: o.color === 'red' || o.danger === true,
    html: o.contentType === 'html',
  };
}
