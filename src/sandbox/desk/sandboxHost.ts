/**
 * The whole sandbox in one process: Billing sandbox (msw handlers for Billing + Desk API) →
 * fake ZOHODESK → the REAL adapter (connectDeskHost). Component tests and the bench use this; the
 * simulator shell builds the same pieces per frame.
 */
import { connectDeskHost } from '../../host/deskHost';
import { httpsUrl } from '../../host/guards';
import type { ZohoDeskGlobal } from '../../host/sdkTypes';
import { LOCATIONS, type DataCenter, type DeskHost, type LocationKind } from '../../host/types';
import { createBillingSandbox, type BillingSandbox } from '../billing/sandbox';
import type { DeskData, DeskAgentRecord } from './deskRecords';
import { DESK_FIXTURES } from './deskFixtures';
import { createFakeZohoDesk } from './fakeZohoDesk';
import {
  createDeskSimulation,
  type DeskSimulation,
  type DeskSimulationFaults,
  type DeskSimulationPage,
  type SimAppearance,
  type StorageLimits,
  type StoredRecord,
} from './simulation';

export interface SandboxFormInput {
  contactId?: string | null;
  accountId?: string | null;
  email?: string | null;
}

export interface SandboxHostOptions {
  location?: LocationKind;
  locale?: string;
  seed?: number;
  dataCenter?: DataCenter;
  appearance?: SimAppearance;
  /** Whether the Desk user is an administrator (default true). */
  isAdmin?: boolean;
  /** Which record is open; defaults to a ticket/contact/account with exactly one Billing customer. */
  ticketId?: string | null;
  contactId?: string | null;
  accountId?: string | null;
  /** What the agent typed in the add-ticket form (location 'ticketForm'). */
  form?: SandboxFormInput;
  faults?: Partial<DeskSimulationFaults>;
  /** Share Desk storage with other hosts: several agents of one portal (snapshot, lease, meter). */
  storage?: Map<string, StoredRecord>;
  storageLimits?: StorageLimits | null;
  storageClock?: () => number;
  /** Which Desk agent is signed in (default: the admin or the plain agent of the Desk data). */
  user?: { id: string; name: string; email: string; timeZone: string };
  /** Reuse a Billing sandbox (e.g. to share its dataset between several hosts). */
  sandbox?: BillingSandbox;
  confirmAnswer?: (options: unknown) => Promise<boolean>;
}

export interface SandboxHost {
  host: DeskHost;
  sim: DeskSimulation;
  sandbox: BillingSandbox;
  zohodesk: ZohoDeskGlobal;
}

/** The agent the simulated user is: Desk's admin or a plain agent from the Desk data. */
export function agentFor(desk: DeskData, isAdmin: boolean): DeskAgentRecord | undefined {
  const wanted = isAdmin ? DESK_FIXTURES.adminAgentId : DESK_FIXTURES.agentAgentId;
  return desk.agents.find((a) => a.id === wanted) ?? desk.agents[0];
}

function plain(record: object | undefined): Record<string, unknown> | null {
  return record ? (structuredClone(record) as Record<string, unknown>) : null;
}

/** The page objects Desk would expose at a location, chosen from the Desk data. */
export function pageForLocation(
  desk: DeskData,
  kind: LocationKind,
  ids: { ticketId?: string | null; contactId?: string | null; accountId?: string | null; form?: SandboxFormInput } = {},
): DeskSimulationPage {
  const page: DeskSimulationPage = { ticket: null, contact: null, account: null, ticketForm: null };
  if (kind === 'ticket') {
    const id = ids.ticketId ?? DESK_FIXTURES.singleMatchTicketId;
    page.ticket = plain(desk.tickets.find((t) => t.id === id) ?? desk.tickets[0]);
  } else if (kind === 'contact') {
    const id = ids.contactId ?? DESK_FIXTURES.singleMatchContactId;
    page.contact = plain(desk.contacts.find((c) => c.id === id) ?? desk.contacts[0]);
  } else if (kind === 'account') {
    const id = ids.accountId ?? DESK_FIXTURES.accountWithContactsId;
    page.account = plain(desk.accounts.find((a) => a.id === id) ?? desk.accounts[0]);
  } else if (kind === 'ticketForm') {
    const form = ids.form ?? { contactId: DESK_FIXTURES.singleMatchContactId };
    const contact = form.contactId ? desk.contacts.find((c) => c.id === form.contactId) : undefined;
    // The simulator sends '' for an empty field, so `||` rather than `??`.
    const accountId = form.accountId || contact?.accountId || null;
    const account = accountId ? desk.accounts.find((a) => a.id === accountId) : undefined;
    page.ticketForm = {
      subject: null,
      contactId: contact?.id ?? (form.contactId || null),
      contactName: contact ? `${contact.firstName} ${contact.lastName}`.trim() : null,
      email: form.email || contact?.email || null,
      accountId,
      accountName: account?.accountName ?? null,
    };
  }
  return page;
}

/**
 * Sends requests to the sandbox, except the current user's agent profile, which follows
 * `sim.app.isAdmin` so a test or the simulator can flip admin rights without swapping users.
 */
function simTransport(sim: DeskSimulation, sandbox: BillingSandbox): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const agent = /^\/api\/v1\/agents\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && agent && decodeURIComponent(agent[1] ?? '') === sim.app.user.id && url.hostname.startsWith('desk.')) {
      const record = agentFor(sandbox.desk, sim.app.isAdmin);
      if (record) {
        const include = (url.searchParams.get('include') ?? '').split(',').map((s) => s.trim());
        const { profile, role, ...base } = record;
        const body = {
          ...base,
          id: sim.app.user.id,
          name: sim.app.user.name,
          emailId: sim.app.user.email,
          ...(include.includes('profile') ? { profile } : {}),
          ...(include.includes('role') ? { role } : {}),
        };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
    }
    return sandbox.handle(request);
  };
}

export async function createSandboxHost(options: SandboxHostOptions = {}): Promise<SandboxHost> {
  const sandbox = options.sandbox ?? createBillingSandbox(options.seed === undefined ? {} : { seed: options.seed });
  const kind = options.location ?? 'ticket';
  const isAdmin = options.isAdmin ?? true;
  const agent = agentFor(sandbox.desk, isAdmin);
  const sim = createDeskSimulation({
    app: {
      location: LOCATIONS[kind],
      locale: options.locale ?? 'en',
      dcType: options.dataCenter ?? 'US',
      appearance: options.appearance ?? 'light',
      portalId: sandbox.desk.portalId,
      isAdmin,
      ...(options.user
        ? { user: options.user }
        : agent
          ? { user: { id: agent.id, name: agent.name, email: agent.emailId, timeZone: agent.timeZone } }
          : {}),
    },
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.storageLimits !== undefined ? { storageLimits: options.storageLimits } : {}),
    ...(options.storageClock ? { storageClock: options.storageClock } : {}),
    page: pageForLocation(sandbox.desk, kind, {
      ticketId: options.ticketId ?? null,
      contactId: options.contactId ?? null,
      accountId: options.accountId ?? null,
      ...(options.form ? { form: options.form } : {}),
    }),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.confirmAnswer ? { confirmAnswer: options.confirmAnswer } : {}),
  });
  sim.transport = simTransport(sim, sandbox);
  const zohodesk = createFakeZohoDesk(sim);
  const real = await connectDeskHost(zohodesk);
  // In-process there is no browser tab to open: record the (https-only) URL instead.
  const host: DeskHost = {
    ...real,
    openUrl(url: string) {
      const safe = httpsUrl(url);
      if (safe !== null) sim.log.opened.push(safe);
    },
  };
  return { host, sim, sandbox, zohodesk };
}
