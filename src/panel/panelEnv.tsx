import { createContext, useContext, type ReactNode } from 'react';
import type { DataCenter, DeskHost } from '../host/types';
import type { BillingCache } from '../integration/cache/billingCache';
import type { ActionAccess } from '../integration/records/actionAccess';

/** What every part of one open panel shares. */
export interface PanelEnv {
  host: DeskHost;
  billing: BillingCache;
  /** currencyCode: the organization's base currency, the one catalog prices are in (null: not known). */
  organization: { id: string; name: string; dataCenter: DataCenter; currencyCode: string | null };
  /** null: Desk did not say; worded like an agent (ask the admin) to be safe. */
  isAdmin: boolean | null;
  /** Ticket number on a ticket page, for the "This ticket" invoice filter. */
  ticketNumber: string | null;
  /**
   * Who may act (issue 20) as the settings said when the panel opened, and who last changed them (the
   * person to ask); the runner reads the settings again at the click. Absent: nobody but admins.
   */
  acting?: { access: ActionAccess; askName: string | null };
}

const Env = createContext<PanelEnv | null>(null);

export function PanelEnvProvider({ env, children }: { env: PanelEnv; children: ReactNode }) {
  return <Env.Provider value={env}>{children}</Env.Provider>;
}

export function usePanelEnv(): PanelEnv {
  const env = useContext(Env);
  if (!env) throw new Error('usePanelEnv outside PanelEnvProvider');
  return env;
}
