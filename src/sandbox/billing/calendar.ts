/** Date arithmetic on "YYYY-MM-DD" strings in UTC, plus Billing's datetime form (`2025-03-05T00:04:51-0800`). */

export const SANDBOX_TODAY = '2026-11-27';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function toDate(day: string): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

function fromDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  const wanted = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(wanted, lastDay));
  return fromDate(date);
}

export function addInterval(day: string, count: number, unit: string): string {
  return unit.startsWith('year') ? addMonths(day, 12 * count) : unit.startsWith('week') ? addDays(day, 7 * count) : addMonths(day, count);
}

/** Whole calendar months from `from` to `to` (a month counts once its day-of-month is reached). */
export function monthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

/** Number of whole billing periods between `from` and `to` (never negative). */
export function periodsBetween(from: string, to: string, interval: number, unit: string): number {
  if (to < from) return 0;
  if (unit.startsWith('week')) return Math.floor(daysBetween(from, to) / (7 * interval));
  const perPeriod = unit.startsWith('year') ? 12 * interval : interval;
  return Math.max(0, Math.floor(monthsBetween(from, to) / perPeriod));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

/** The sandbox orgs sit in America/Los_Angeles; DST is approximated by month, which is all the UI can tell. */
function offsetFor(day: string): string {
  const month = Number(day.slice(5, 7));
  return month >= 4 && month <= 10 ? '-0700' : '-0800';
}

/** Billing datetime: local wall time with a colon-less offset. `secondOfDay` picks the time. */
export function dateTime(day: string, secondOfDay: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  return `${day}T${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}${offsetFor(day)}`;
}

/** A real instant (epoch ms) as Billing writes one: the org's wall time with its offset (hosted pages' times). */
export function instantAt(ms: number): string {
  const utcDay = new Date(ms).toISOString().slice(0, 10);
  const offset = offsetFor(utcDay);
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  const local = new Date(ms + minutes * 60_000).toISOString();
  return `${local.slice(0, 19)}${offset}`;
}

/** "MM/DD/YY", the org's configured date format (used only in *_formatted twins). */
export function formattedDate(day: string): string {
  return `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(2, 4)}`;
}
