/**
 * The OAuth scopes of the Billing connection and why each is asked for. The call table (callTable.ts)
 * names one per call; scripts/scopes.json (read by `npm run connection`) and README "Permissions" are
 * generated from this file and the table, and checked against them by tests/unit/billing/callTable.test.ts.
 * Apart from the table so these words stay out of the panel's script (only `Scope`, a type, is imported).
 *
 * The connection asks for every scope here but those marked `ask: false`; `optional` ones may be left
 * out (the panel falls back). `desk`: Desk's own API (src/host), not a Billing call. `ahead`: asked for
 * before the call table has its calls (settings offer the actions that will use it); drop the mark when
 * the first entry names it (the test fails on a stale mark).
 */
import { ENTRIES } from './callTable';

interface ScopeInfo {
  why: string;
  optional?: true;
  desk?: true;
  ask?: false;
  ahead?: true;
}

export const SCOPES = {
  'Desk.basic.READ': { why: "read the ticket's contact, an account's contacts, and the agent's profile (admin check)", desk: true },
  'Desk.contacts.READ': { why: "read the ticket's contact and an account's contacts", desk: true },
  'Desk.settings.READ': { why: "read the agent's profile to decide who may change settings", desk: true },
  'Desk.tickets.UPDATE': { why: "every action from the ticket leaves a private comment on it (the audit)", desk: true },
  'ZohoSubscriptions.settings.READ': { why: "list Billing organizations and the user's role in each" },
  'ZohoSubscriptions.customers.READ': { why: 'find the customer, balances, addresses, transactions' },
  'ZohoSubscriptions.customers.CREATE': { why: 'create a customer from a Desk contact' },
  'ZohoSubscriptions.customers.UPDATE': { why: "edit a customer's addresses" },
  'ZohoSubscriptions.subscriptions.READ': { why: 'subscriptions, their details and history' },
  'ZohoSubscriptions.subscriptions.CREATE': { why: 'cancel, reactivate or postpone a subscription (actions from the ticket)', ahead: true },
  'ZohoSubscriptions.invoices.READ': { why: 'invoices, PDF' },
  'ZohoSubscriptions.invoices.CREATE': { why: 'create an invoice from a ticket; act on an invoice (open a draft, e-mail it)' },
  'ZohoSubscriptions.quotes.CREATE': { why: "create a quote (Billing's counterpart of a sales order)" },
  'ZohoSubscriptions.hostedpages.CREATE': { why: "links for replies: an invoice's payment page (when it has no page of its own) and a subscription's card update page", optional: true },
  'ZohoSubscriptions.items.READ': { why: 'line-item picker for invoices and quotes', optional: true },
  'ZohoSubscriptions.plans.READ': { why: 'line-item picker for invoices and quotes', optional: true },
  'ZohoSubscriptions.quotes.READ': {
    why: 'not asked for: the write guard reads quotes when an answer was lost; refused, it leaves the decision to the agent',
    ask: false,
  },
} as const satisfies Record<string, ScopeInfo>;

export type Scope = keyof typeof SCOPES;


/** What scripts/scopes.json holds, derived from SCOPES and the call table (never edited by hand). */
export interface ScopeList {
  required: string[];
  optional: string[];
}

/** Each scope the connection asks for, and the Billing calls (method and Zoho path) that need it. */
export function scopeUse(): Map<Scope, string[]> {
  const use = new Map<Scope, string[]>();
  for (const scope of Object.keys(SCOPES) as Scope[]) use.set(scope, []);
  for (const entry of Object.values(ENTRIES)) {
    for (const c of [entry, ...(entry.also ?? [])]) {
      const calls = use.get(c.scope);
      const named = `${c.method} ${c.path}`;
      if (calls && !calls.includes(named)) calls.push(named);
    }
  }
  return use;
}

export function scopeList(): ScopeList {
  const asked = (Object.keys(SCOPES) as Scope[]).filter((s) => !('ask' in SCOPES[s]));
  return {
    required: asked.filter((s) => !('optional' in SCOPES[s])),
    optional: asked.filter((s) => 'optional' in SCOPES[s]),
  };
}

/**
 * README "Permissions": one row per scope with why (the calls themselves are in the table, so a new call
 * under a scope already asked for changes nothing here).
 */
export function permissionsTable(): string {
  const rows = (Object.keys(SCOPES) as Scope[]).map((scope) => {
    const s: ScopeInfo = SCOPES[scope];
    const why = s.optional ? `${s.why} (optional)` : s.why;
    return `| \`${scope}\` | ${s.desk ? 'Desk: ' : ''}${why} |`;
  });
  return ['| scope | why |', '|---|---|', ...rows].join('\n');
}
