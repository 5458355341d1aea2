/**
 * The simulator shell: a Desk-like page with the extension framed in a right panel, the switches
 * around it and logs of what the extension did. Every value from the sandbox is rendered as text.
 */
import { useSyncExternalStore } from 'react';
import type { DeskSimulatorApi } from './api';
import { BudgetControls } from './BudgetControls';
import { ConfirmDialog } from './ConfirmDialog';
import { ContextControls } from './ContextControls';
import { EventControls } from './EventControls';
import { FaultControls } from './FaultControls';
import { LocationSwitcher } from './LocationSwitcher';
import { Logs } from './Logs';
import { DeskPage } from './DeskPage';

export function SimulatorApp({ api }: { api: DeskSimulatorApi }) {
  const state = useSyncExternalStore(api.subscribe, api.state);
  const configure = (patch: Parameters<DeskSimulatorApi['configure']>[0]) => {
    void api.configure(patch);
  };

  return (
    <div className="sim" data-appearance={state.config.appearance}>
      <header className="sim-header">
        <h1>Desk simulator</h1>
        <p className="sim-subtitle">Zoho Billing for Zoho Desk — sandbox data, nothing leaves this page</p>
        <div className="sim-header-actions">
          <button type="button" onClick={() => void api.reload()}>
            Reload panel
          </button>
          <button type="button" onClick={() => void api.resetData()}>
            Reset sandbox data
          </button>
        </div>
      </header>
      <div className="sim-layout">
        <aside className="sim-controls" aria-label="Simulator controls">
          <LocationSwitcher value={state.config.location} onChange={(location) => configure({ location })} />
          <ContextControls state={state} configure={configure} />
          <FaultControls faults={state.config.faults} configure={configure} />
          <BudgetControls stored={state.config.stored} api={api} />
          <EventControls state={state} api={api} />
        </aside>
        <DeskPage state={state} onFrameLoad={(key) => api.frameLoaded(key)} />
        <Logs state={state} api={api} />
      </div>
      <ConfirmDialog pending={state.pendingConfirm} onAnswer={(answer) => api.answerConfirm(answer)} />
    </div>
  );
}
