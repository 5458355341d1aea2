/**
 * The simulator's configuration applied to its two halves: the Desk simulation (location, locale,
 * signed-in agent, the page's record, faults) and the Billing sandbox (its faults), plus the stored
 * integration a connected start needs.
 */
import { LOCATIONS } from '../../host/types';
import { SETTINGS_KEY } from '../../integration/records/settingsStore';
import type { BillingSandbox } from '../billing/sandbox';
import { DESK_FIXTURES } from '../desk/deskFixtures';
import type { DeskSimulation } from '../desk/simulation';
import type { SimulatorConfig, SimulatorConfigPatch } from './config';
import { asRecords, str, type Rec } from './shapes';

/**
 * Which configuration changes need the widget to start again (it reads context once, at onload).
 * Faults are read per request, the width is the shell's, and the look (appearance, pure dark, theme, font) reaches a live widget
 * through Desk's user_preference.changed event, as it does in Desk.
 */
export function needsReload(before: SimulatorConfig, after: SimulatorConfig, patch: SimulatorConfigPatch): boolean {
  const live = (c: SimulatorConfig) => JSON.stringify({ ...c, faults: null, panelWidth: 0, appearance: null, pureDark: null, theme: null, fontFamily: null });
  if ('location' in patch) return true;
  return live(before) !== live(after);
}

function pick(list: Rec[], id: string | null): Rec | null {
  if (list.length === 0) return null;
  return list.find((r) => str(r.id) === id) ?? list[0] ?? null;
}

export function applyConfig(sim: DeskSimulation, sandbox: BillingSandbox, c: SimulatorConfig): void {
  sim.app.location = LOCATIONS[c.location];
  sim.app.locale = c.locale;
  sim.app.dcType = c.dataCenter;
  sim.app.appearance = c.appearance === 'dark' && c.pureDark ? 'pureDark' : c.appearance;
  sim.app.theme = c.theme;
  sim.app.fontFamily = c.fontFamily;
  sim.app.user = { ...sim.app.user, timeZone: c.timeZone };
  sim.app.isAdmin = c.isAdmin;
  const d = sandbox.desk;
  // Admin or not is a property of WHO is signed in: switch the agent, as Desk would.
  d.currentAgentId = c.isAdmin ? DESK_FIXTURES.adminAgentId : DESK_FIXTURES.agentAgentId;
  const agent = d.agents.find((a) => a.id === d.currentAgentId);
  if (agent) sim.app.user = { id: agent.id, name: agent.name, email: agent.emailId, timeZone: c.timeZone };
  sim.app.portalId = d.portalId;
  const tickets = asRecords(d.tickets);
  const contacts = asRecords(d.contacts);
  const accounts = asRecords(d.accounts);
  sim.page = {
    ticket: c.location === 'ticket' ? pick(tickets, c.ticketId) : null,
    contact: c.location === 'contact' ? pick(contacts, c.contactId) : null,
    account: c.location === 'account' ? pick(accounts, c.accountId) : null,
    ticketForm:
      c.location === 'ticketForm'
        ? {
            contactId: c.form.contactId || null,
            email: c.form.email || null,
            accountId: c.form.accountId || null,
            contactName: contactName(contacts, c.form.contactId),
            accountName: accountName(accounts, c.form.accountId),
            subject: null,
          }
        : null,
  };
  sim.faults.notAuthorised = c.faults.notAuthorised;
  sim.faults.hostReject = c.faults.hostReject;
  sim.faults.storageFails = c.faults.storageFails;
  sim.faults.storageWritesFail = c.faults.storageWritesFail;
  sandbox.faults.mode = c.faults.billing;
  sandbox.faults.retryAfterSeconds = c.faults.retryAfterSeconds;
  sandbox.faults.latencyMs = c.faults.latencyMs;
  sandbox.faults.timeoutMs = c.faults.timeoutMs;
  sandbox.faults.organizations = c.faults.organizations;
  sandbox.faults.actions = { cardDeclines: c.faults.cardDeclines, churnReasons: c.faults.churnReasons };
  sandbox.desk.commentsFail = c.faults.commentsFail;
}

function contactName(contacts: Rec[], id: string): string | null {
  const c = id ? contacts.find((r) => str(r.id) === id) : undefined;
  return c ? `${str(c.firstName)} ${str(c.lastName)}`.trim() || null : null;
}
function accountName(accounts: Rec[], id: string): string | null {
  const a = id ? accounts.find((r) => str(r.id) === id) : undefined;
  return a ? str(a.accountName) || null : null;
}

/** Stores a connected integration (the sample organization), so panels show data at once. */
export function connectSample(sim: DeskSimulation, sandbox: BillingSandbox, config: SimulatorConfig): void {
  // The organization a single-org account would auto-link: the one that holds the sample customers.
  const primaryId = sandbox.dataset.organizationSets.one?.[0];
  const org = sandbox.dataset.organizations.find((o) => o.organization_id === primaryId) ?? sandbox.dataset.organizations[0];
  if (!org) return;
  sim.storage.set(SETTINGS_KEY, {
    key: SETTINGS_KEY,
    queriableValue: 'settings',
    value: {
      version: 1,
      enabled: true,
      organization: {
        id: org.organization_id,
        name: org.name,
        currencyCode: org.currency_code || null,
        dataCenter: config.dataCenter,
      },
      linkedHow: config.faults.organizations === 'one' ? 'auto' : 'chosen',
      updatedBy: { id: sim.app.user.id, name: sim.app.user.name },
      updatedAt: '2026-11-27T00:00:00.000Z',
    },
  });
}

/**
 * A Desk portal and its Billing organization live in one data center, so switching the simulated
 * portal's data center moves the stored organization with it (otherwise the panel would talk to
 * the old region and the switch would seem to do nothing).
 */
export function moveStoredOrganization(sim: DeskSimulation, dataCenter: SimulatorConfig['dataCenter']): void {
  const record = sim.storage.get(SETTINGS_KEY);
  const value = record?.value as Rec | undefined;
  const organization = value?.organization as Rec | null | undefined;
  if (!record || !value || !organization || typeof organization !== 'object') return;
  sim.storage.set(SETTINGS_KEY, { ...record, value: { ...value, organization: { ...organization, dataCenter } } });
}
