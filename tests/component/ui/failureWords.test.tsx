// Every BillingError kind, in both languages, through every place a failure is shown: the panel's error
// state and stale banner, a write's error (actions), the settings' reasons and the diagnostics' verdict.
// A kind without words there fails the type check first (errors.agent / errors.admin are typed by kind);
// this proves the words are there at run time, are sentences of the right language and are never a raw key.
import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingError, type BillingErrorKind } from '../../../src/billing/errors';
import type { HostErrorKind } from '../../../src/host/types';
import { createI18n, type SupportedLanguage } from '../../../src/i18n/i18n';
import { ActionError } from '../../../src/panel/actions/ActionError';
import { BillingErrorView, StaleBanner } from '../../../src/panel/BillingErrorView';
import { errorWords } from '../../../src/panel/errorWords';
import { PanelEnvProvider, type PanelEnv } from '../../../src/panel/panelEnv';
import { reasonText } from '../../../src/settings/reasons';
import { verdictText } from '../../../src/settings/diagnostics/verdict';
import { I18nProvider } from '../../../src/ui/i18nContext';
import en from '../../../translations/en.json';

// Record<kind, …>: a new kind in src/billing/errors.ts fails the type check until it is listed here.
const BILLING_KINDS = Object.keys({
  'not-authorised': 1, forbidden: 1, 'not-found': 1, 'rate-limited': 1, server: 1, rejected: 1, malformed: 1, network: 1, 'not-configured': 1, 'over-cap': 1,
} satisfies Record<BillingErrorKind, 1>) as BillingErrorKind[];
const HOST_KINDS = Object.keys({ 'not-authorised': 1, 'not-in-context': 1, storage: 1, malformed: 1, network: 1, rejected: 1 } satisfies Record<HostErrorKind, 1>) as HostErrorKind[];

// A catalog key: one of the catalog's top-level groups, then a dotted path.
const RAW_KEY = new RegExp(`\\b(?:${Object.keys(en).join('|')})\\.[\\w.-]+`);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function expectWords(text: string, language: SupportedLanguage, where: string) {
  expect(text.trim(), where).not.toBe('');
  expect(text, where).not.toMatch(RAW_KEY);
  if (language === 'ja') expect(text, where).toMatch(JAPANESE);
  else expect(text, where).not.toMatch(JAPANESE);
}

const env = { billing: { resume() {} }, host: { openUrl() {} }, isAdmin: false, ticketNumber: null, organization: { id: 'o', name: 'O', dataCenter: 'US', currencyCode: 'USD' } } as unknown as PanelEnv;

describe.each(['en', 'ja'] as const)('failure words in %s', (language) => {
  const i18n = createI18n(language);
  const renderIn = (node: React.ReactNode) =>
    render(
      <I18nProvider i18n={i18n}>
        <PanelEnvProvider env={env}>{node}</PanelEnvProvider>
      </I18nProvider>,
    );

  it.each(BILLING_KINDS)('%s: the panel (error state, stale banner, payment-link notice) and a write', (kind) => {
    const error = new BillingError(kind, 'technical English that must not show');
    const panelWords = errorWords(i18n, error, null, 0);
    expectWords(panelWords, language, 'errorWords');

    renderIn(<BillingErrorView error={error} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expectWords(alert.textContent ?? '', language, 'BillingErrorView');
    // Not connected has its own view (whom to ask); every other kind shows the agents' words for it.
    if (kind !== 'not-authorised') expect(alert).toHaveTextContent(panelWords);
    cleanup();

    renderIn(<StaleBanner ageMs={60_000} error={error} />);
    expect(screen.getByRole('status')).toHaveTextContent(panelWords);
    cleanup();

    renderIn(<ActionError error={error} />);
    const actionText = screen.getByRole('alert').textContent ?? '';
    expectWords(actionText, language, 'ActionError');
    expect(actionText).toBe(panelWords);
    expect(actionText).not.toContain('technical English');
  });

  it.each([...new Set([...BILLING_KINDS, ...HOST_KINDS])])('%s: the settings pages and the diagnostics verdict', (kind) => {
    const reason = reasonText(i18n, kind);
    expectWords(reason, language, 'reasonText');
    expectWords(i18n.t('settings.connect.error', { reason }), language, 'settings.connect.error');
    if ((BILLING_KINDS as string[]).includes(kind)) {
      const verdict = verdictText(i18n, { id: 'connection', status: 'fail', key: 'connection.failed', shape: [], reason: kind as BillingErrorKind });
      expectWords(verdict, language, 'diagnostics');
      expect(verdict).toContain(reason);
    }
  });

  it('the refinements of a failure (timeout, retry at, retry now) are worded too', () => {
    expectWords(errorWords(i18n, new BillingError('server', 'x', { status: 504 }), null, 0), language, 'timeout');
    expectWords(errorWords(i18n, new BillingError('rate-limited', 'x'), 90_000, 0), language, 'until');
    expectWords(errorWords(i18n, new BillingError('rate-limited', 'x'), 0, 1), language, 'over');
  });
});

describe('failure words are one dictionary per audience', () => {
  it('a write and a read show the same words for the same kind (actions.errors is gone)', () => {
    const i18n = createI18n('en');
    render(
      <I18nProvider i18n={i18n}>
        <ActionError error={new BillingError('over-cap', 'x')} />
      </I18nProvider>,
    );
    // The catalog search past the daily cap showed the raw key actions.errors.over-cap.
    expect(screen.getByRole('alert')).toHaveTextContent(i18n.t('errors.agent.over-cap'));
  });
});
