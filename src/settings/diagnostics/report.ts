/**
 * "Copy report": the diagnostics as plain text an admin can paste into a support ticket. The checks
 * already keep customer data out; this is the second wall, applied to every line, because messages
 * from Desk and Billing are free text: e-mail addresses, long numeric ids (org, user, record ids),
 * URL paths and queries, and bearer-like tokens are replaced before anything is copied.
 */
import type { I18n } from '../../i18n/i18n';
import type { CheckResult } from './checks';
import { verdictText } from './verdict';

export function redact(text: string): string {
  return (
    text
      // URLs: the origin tells support which host; paths and queries may carry ids or tokens.
      .replace(/\bhttps?:\/\/[^\s/"'<>]+[^\s"'<>]*/gi, (url) => {
        try {
          return new URL(url).origin;
        } catch {
          return '[url]';
        }
      })
      .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi, '[email]')
      .replace(/\b(?:1000\.)?[a-f0-9]{24,}(?:\.[a-f0-9]{16,})?\b/gi, '[token]')
      // Ids: 6+ digits (Desk and Billing ids are 15–19 digits; version numbers and statuses are short).
      .replace(/\d{6,}/g, '[id]')
  );
}

export interface ReportFacts {
  version: string;
  location: string;
  language: string;
  when: Date;
}

const MARK: Record<CheckResult['status'], string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };

export function diagnosticsReport(i18n: I18n, results: readonly CheckResult[], facts: ReportFacts): string {
  const lines = [
    'Zoho Billing for Zoho Desk — diagnostics',
    `build ${facts.version} · ${facts.location} · ${facts.language} · ${facts.when.toISOString()}`,
    '',
  ];
  for (const r of results) {
    lines.push(`${MARK[r.status]}  ${i18n.t(`settings.diagnostics.check.${r.id}`)}: ${verdictText(i18n, r)}`);
    for (const s of r.shape) lines.push(`      ${s}`);
  }
  return lines.map(redact).join('\n');
}
