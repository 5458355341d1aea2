/**
 * The access gate for the portal-shared snapshot (SPEC E1, security). Desk storage is shared by every
 * agent of the portal, but Billing data is not everyone's to see: an agent sees a snapshot only once
 * their OWN connection has shown it can read that Billing organization in this browser session.
 *  - Any successful Billing answer through the agent's own connection is such proof (noteProven).
 *  - Otherwise one cheap call proves it: GET /organizations, and the organization must be listed.
 *  - The proof is kept in the tab's sessionStorage for the session (one call per agent per session),
 *    keyed by organization and Desk user, so another person in another session never inherits it.
 * Not authorised and forbidden become those errors, so the panel shows that state, never the data.
 */
import { BillingError, toBillingError } from '../../billing/errors';
import type { Organization } from '../../billing/types';

export const ACCESS_PREFIX = 'zbd:access:v1:';

export interface AccessGateOptions {
  organizationId: string;
  deskUserId: string;
  /** The tab's sessionStorage (null: refused by the browser; the proof then lives in memory only). */
  session: Storage | null;
  /** The organizations this agent's own connection can read (the Billing client's listOrganizations). */
  listOrganizations: () => Promise<Organization[]>;
  now?: () => number;
}

export interface AccessGate {
  proven(): boolean;
  /** Record proof from a successful Billing answer of the agent's own connection. */
  noteProven(): void;
  /** Resolves once access is proven; throws the BillingError (not-authorised, forbidden, …) otherwise. */
  ensure(): Promise<void>;
  /** Calls made to prove access (bench, diagnostics). */
  readonly checks: number;
}

export function createAccessGate(options: AccessGateOptions): AccessGate {
  const key = `${ACCESS_PREFIX}${options.organizationId}:${options.deskUserId}`;
  const now = options.now ?? Date.now;
  let inMemory = false;
  let pending: Promise<void> | null = null;
  let checks = 0;

  const proven = () => {
    if (inMemory) return true;
    try {
      inMemory = typeof options.session?.getItem(key) === 'string';
    } catch {
      inMemory = false;
    }
    return inMemory;
  };
  const noteProven = () => {
    inMemory = true;
    try {
      options.session?.setItem(key, String(now()));
    } catch {
      // memory only
    }
  };

  async function check(): Promise<void> {
    checks += 1;
    let orgs: Organization[];
    try {
      orgs = await options.listOrganizations();
    } catch (e) {
      throw toBillingError(e);
    }
    if (!orgs.some((o) => o.id === options.organizationId)) {
      throw new BillingError('forbidden', 'This connection cannot read the Billing organization the integration uses.');
    }
    noteProven();
  }

  return {
    proven,
    noteProven,
    async ensure() {
      if (proven()) return;
      pending ??= check().finally(() => {
        pending = null;
      });
      return pending;
    },
    get checks() {
      return checks;
    },
  };
}
