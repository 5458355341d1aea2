/**
 * What the settings page shows and can do: the model useSettingsPage builds and the page components
 * render. Kept apart so a component that only renders a piece of it does not import the hook.
 */
import type { BillingError } from '../billing/errors';
import type { BillingApi, Organization } from '../billing/types';
import type { DeskHost, HostError } from '../host/types';
import type { I18n } from '../i18n/i18n';
import type { ActionGroup } from '../integration/records/actionAccess';
import type { IntegrationSettings } from '../integration/records/types';

export type OrganizationsApi = Pick<BillingApi, 'listOrganizations'>;

export type Connection =
  | { status: 'checking' }
  | { status: 'ok'; organizations: Organization[]; forbidden: boolean }
  | { status: 'not-authorised'; authUrl: string | null }
  | { status: 'error'; error: BillingError };

/**
 * 'unknown': Desk could not say whether the user is an admin (treated as read-only, the safe side).
 * 'needs-connection': the role is read through the same Desk connection, so before it is authorised
 * nobody can be confirmed; the user may still authorise it (Connect), then the role is checked again.
 */
export type Access = 'checking' | 'admin' | 'not-admin' | 'unknown' | 'needs-connection';

export type Loaded =
  | { status: 'loading' }
  | { status: 'ok'; value: IntegrationSettings }
  | { status: 'error'; error: HostError };

export interface Notice {
  tone: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

export type Busy = null | 'saving' | 'removing';

export interface SettingsPageModel {
  access: Access;
  canEdit: boolean;
  settings: Loaded;
  connection: Connection;
  /** Organizations where the user is an admin: the only ones offered (SPEC A2). */
  adminOrganizations: Organization[];
  busy: Busy;
  notice: Notice | null;
  /** The admin pressed Connect and the authorisation tab is (probably) open. */
  awaitingAuthorisation: boolean;
  /** The chooser is open to replace the linked organization. */
  changing: boolean;
  recheck(): void;
  reload(): void;
  connect(): void;
  linkOrganization(org: Organization): Promise<void>;
  startChange(): void;
  cancelChange(): void;
  setEnabled(enabled: boolean): Promise<void>;
  /** Allow (or no longer allow) one Desk profile to use one group of actions. */
  setActionAccess(group: ActionGroup, profileId: string, allowed: boolean): Promise<void>;
  remove(): Promise<void>;
  dismissNotice(): void;
  /** The Billing client the page uses (the diagnostics check the connection through the same one). */
  organizationsApi: OrganizationsApi;
}

export interface SettingsPageDeps {
  host: DeskHost;
  i18n: I18n;
  /** Injected in tests; by default the real Billing client over the Desk connection. */
  billing?: OrganizationsApi;
  now?: () => Date;
}
