import type { DataCenter } from '../../host/types';
import { DEFAULT_ACTION_ACCESS, type ActionAccess } from './actionAccess';

/** Portal-wide settings, one record in Desk storage (group 'settings', key SETTINGS_KEY). */
export interface IntegrationSettings {
  /** Bumped on every save; a save that finds a different version on read-back lost a race. */
  version: number;
  enabled: boolean;
  organization: {
    id: string;
    name: string;
    currencyCode: string | null;
    dataCenter: DataCenter;
  } | null;
  /** How the organization was chosen: the only one (auto) or by an admin (chosen). */
  linkedHow: 'auto' | 'chosen' | null;
  updatedBy: { id: string; name: string } | null;
  /** ISO instant of the last change. */
  updatedAt: string | null;
  /**
   * Which Desk profiles may use each group of actions (administrators always may). Always present once
   * read from storage; optional so a record written before it existed still types (it means "nobody else").
   */
  actionAccess?: ActionAccess;
}

export const DEFAULT_SETTINGS: IntegrationSettings = {
  version: 0,
  enabled: true,
  organization: null,
  linkedHow: null,
  updatedBy: null,
  updatedAt: null,
  actionAccess: DEFAULT_ACTION_ACCESS,
};

/** How a Desk contact/account was tied to a Billing customer (shown to the agent, SPEC B1). */
export type MatchMethod = 'saved' | 'email' | 'company' | 'manual' | 'created';

/** A saved Desk → Billing customer link (group 'link'). */
export interface CustomerLink {
  deskEntity: 'contact' | 'account';
  deskId: string;
  customerId: string;
  organizationId: string;
  method: Exclude<MatchMethod, 'saved'>;
  linkedAt: string;
  linkedBy: string | null;
}
