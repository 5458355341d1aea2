/**
 * The fault matrix's rows and columns (tests/e2e/faults.test.ts runs them; the README test checks that the
 * README names them): every Desk location × every fault, with the words an agent must see for each.
 */
import type { LocationKind } from '../../src/host/types';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import { DEFAULT_FAULTS, type SimulatorConfigPatch, type SimulatorFaults } from '../../src/sandbox/simulator/config';
import type { AdminFailureKind, MessageKey } from '../../src/i18n/i18n';
import en from '../../translations/en.json';

type Dict = { [key: string]: string | Dict };
export function t(path: MessageKey, values: Record<string, string> = {}): string {
  let node: string | Dict = en as unknown as Dict;
  for (const part of path.split('.')) {
    if (typeof node === 'string' || !(part in node)) throw new Error(`translations/en.json has no ${path}`);
    node = node[part] as string | Dict;
  }
  if (typeof node !== 'string') throw new Error(`${path} is not a string`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
/** The fixed words before the first placeholder (for sentences that carry a time or a name). */
const prefix = (path: MessageKey) => t(path).split('{')[0]!.trim();

/** settings.connect.error wraps the reason: "Could not check the connection to Zoho Billing. {reason}". */
const settingsError = (reason: AdminFailureKind) => t('settings.connect.error', { reason: t(`errors.admin.${reason}`) });

/** A simulated timeout answers 504 after this long (the simulator's knob; real Desk gives up after ~30 s). */
export const SHORT_TIMEOUT_MS = 1500;

export type Kind = 'billing' | 'connection' | 'host' | 'storage-read' | 'storage-write';

export interface Fault {
  id: string;
  kind: Kind;
  faults: Partial<SimulatorFaults>;
  /** Any of these, visible, counts as the plain-language message. */
  panel: string[];
  settings: string[];
}

/** The simulator's own "no fault" values (the organization set is left as the case sets it), with a short timeout. */
const { organizations: _leftAsSet, ...noFaults } = DEFAULT_FAULTS;
export const CLEAR: Partial<SimulatorFaults> = { ...noFaults, timeoutMs: SHORT_TIMEOUT_MS };

export const FAULTS: Fault[] = [
  { id: 'not authorised', kind: 'connection', faults: { notAuthorised: true }, panel: [t('panel.notConnected.title')], settings: [t('settings.connect.notAuthorised')] },
  {
    id: 'forbidden (403)',
    kind: 'billing',
    faults: { billing: 'forbidden' },
    panel: [t('errors.agent.forbidden')],
    // A 403 on GET /organizations: the account may use no organization; the saved one is kept and flagged.
    settings: [t('settings.org.noneForbidden')],
  },
  { id: 'not found (404/1002)', kind: 'billing', faults: { billing: 'not-found' }, panel: [t('errors.agent.not-found')], settings: [settingsError('not-found')] },
  { id: 'record gone (400/3004)', kind: 'billing', faults: { billing: 'gone' }, panel: [t('errors.agent.not-found')], settings: [settingsError('not-found')] },
  {
    id: 'rate limited (429, Retry-After 30)',
    kind: 'billing',
    faults: { billing: 'rate-limited', retryAfterSeconds: 30 },
    panel: [prefix('errors.agent.rateLimitedUntil'), t('errors.agent.rate-limited')],
    settings: [settingsError('rate-limited')],
  },
  {
    id: 'rate limited (429, no Retry-After)',
    kind: 'billing',
    faults: { billing: 'rate-limited', retryAfterSeconds: null },
    // The cache knows when its cool-down ends, so the panel names that time here too (issue 15).
    panel: [prefix('errors.agent.rateLimitedUntil'), t('errors.agent.rate-limited')],
    settings: [settingsError('rate-limited')],
  },
  { id: 'server error (500)', kind: 'billing', faults: { billing: 'server-error' }, panel: [t('errors.agent.server')], settings: [settingsError('server')] },
  {
    id: 'timeout (504 after the proxy gives up)',
    kind: 'billing',
    faults: { billing: 'timeout', timeoutMs: SHORT_TIMEOUT_MS },
    panel: [t('errors.agent.timeout'), t('errors.agent.server'), t('errors.agent.network')],
    settings: [settingsError('server'), settingsError('network')],
  },
  { id: 'malformed JSON', kind: 'billing', faults: { billing: 'malformed-json' }, panel: [t('errors.agent.malformed')], settings: [settingsError('malformed')] },
  {
    id: 'HTML error page (502)',
    kind: 'billing',
    faults: { billing: 'html-error' },
    panel: [t('errors.agent.server'), t('errors.agent.malformed')],
    settings: [settingsError('server'), settingsError('malformed')],
  },
  { id: 'code ≠ 0 on HTTP 200', kind: 'billing', faults: { billing: 'code-nonzero' }, panel: [t('errors.agent.rejected')], settings: [settingsError('rejected')] },
  {
    id: 'host rejection ({errMsg})',
    kind: 'host',
    faults: { hostReject: true },
    panel: [t('errors.agent.network'), t('errors.agent.rejected'), t('panel.hostError')],
    settings: [settingsError('network'), settingsError('rejected')],
  },
  {
    id: 'Desk storage read failure',
    kind: 'storage-read',
    faults: { storageFails: true },
    panel: [t('panel.storageError')],
    settings: [t('settings.storage.loadFailed', { reason: t('errors.admin.storage') })],
  },
  {
    id: 'Desk storage write failure',
    kind: 'storage-write',
    faults: { storageWritesFail: true },
    panel: [t('panel.picker.saveFailed')],
    settings: [t('settings.storage.saveFailed', { reason: t('errors.admin.storage') })],
  },
];

export interface Place {
  /** Column name in the matrix. */
  label: string;
  kind: LocationKind;
  /** Opens a record with exactly one Billing customer. */
  config: SimulatorConfigPatch;
  /** Opens a record with several candidates, so choosing one writes a link to Desk storage. */
  pickConfig: SimulatorConfigPatch;
  /** The customer heading once the panel shows billing data. */
  ready: string;
}

export const PLACES: Place[] = [
  { label: 'ticket', kind: 'ticket', config: { ticketId: D.singleMatchTicketId }, pickConfig: { ticketId: D.multiMatchTicketId }, ready: 'Bowman Furniture' },
  { label: 'contact', kind: 'contact', config: { contactId: D.singleMatchContactId }, pickConfig: { contactId: D.multiMatchContactId }, ready: 'Bowman Furniture' },
  { label: 'account', kind: 'account', config: { accountId: D.japaneseAccountId }, pickConfig: { accountId: D.accountWithContactsId }, ready: '株式会社山田商事' },
  {
    label: 'add-ticket form',
    kind: 'ticketForm',
    config: { form: { contactId: D.singleMatchContactId } },
    pickConfig: { form: { contactId: D.multiMatchContactId } },
    ready: 'Bowman Furniture',
  },
  { label: 'settings', kind: 'settings', config: {}, pickConfig: {}, ready: t('settings.status.overall.connected') },
];

