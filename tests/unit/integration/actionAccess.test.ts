import { describe, expect, it } from 'vitest';
import {
  ACTION_GROUPS,
  DEFAULT_ACTION_ACCESS,
  GROUP_SCOPES,
  missingScopes,
  permissionFor,
  withProfile,
} from '../../../src/integration/records/actionAccess';
import { zohoAuthorisation } from '../../../plugin-manifest.json';

const admin = { id: 'p-admin', name: 'Administrator', type: 'Administrator', isAdmin: true };
const agent = { id: 'p-agent', name: 'Agent', type: 'Standard', isAdmin: false };

describe('who may act', () => {
  it('Desk administrators always may; other profiles not until allowed, per group', () => {
    for (const group of ACTION_GROUPS) {
      expect(permissionFor(DEFAULT_ACTION_ACCESS, group, admin)).toEqual({ allowed: true });
      expect(permissionFor(DEFAULT_ACTION_ACCESS, group, agent)).toEqual({ allowed: false, reason: 'not-allowed', profile: 'Agent' });
    }
    const access = withProfile(DEFAULT_ACTION_ACCESS, 'payment', 'p-agent', true);
    expect(permissionFor(access, 'payment', agent)).toEqual({ allowed: true });
    expect(permissionFor(access, 'subscription', agent).allowed).toBe(false);
    expect(permissionFor(withProfile(access, 'payment', 'p-agent', false), 'payment', agent).allowed).toBe(false);
  });

  it('an agent whose profile Desk does not name may not act', () => {
    expect(permissionFor({ payment: ['p-agent'], subscription: ['p-agent'] }, 'payment', null)).toEqual({
      allowed: false,
      reason: 'profile-unknown',
      profile: null,
    });
  });

  it('allowing twice keeps one entry; the default is never changed in place', () => {
    const once = withProfile(DEFAULT_ACTION_ACCESS, 'subscription', 'p-lead', true);
    expect(withProfile(once, 'subscription', 'p-lead', true).subscription).toEqual(['p-lead']);
    expect(DEFAULT_ACTION_ACCESS).toEqual({ payment: [], subscription: [] });
  });
});

describe('scopes per group', () => {
  it('every group needs the ticket comment scope and its module’s CREATE', () => {
    expect(GROUP_SCOPES.payment).toEqual(['ZohoSubscriptions.invoices.CREATE', 'Desk.tickets.UPDATE']);
    expect(GROUP_SCOPES.subscription).toContain('ZohoSubscriptions.subscriptions.CREATE');
    expect(missingScopes('subscription', ['ZohoSubscriptions.settings.READ'])).toEqual(['ZohoSubscriptions.subscriptions.CREATE', 'Desk.tickets.UPDATE']);
  });

  it('the manifest’s connection asks for every group’s scopes', () => {
    for (const group of ACTION_GROUPS) expect(missingScopes(group, zohoAuthorisation.scope)).toEqual([]);
  });
});
