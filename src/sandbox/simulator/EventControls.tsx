import type { DeskSimulatorApi, SimulatorState } from './api';

export function EventControls({ state, api }: { state: SimulatorState; api: DeskSimulatorApi }) {
  const { location } = state.config;
  return (
    <fieldset className="sim-group">
      <legend>Desk events</legend>
      <div className="sim-buttons">
        <button type="button" disabled={location !== 'ticket'} onClick={() => api.shiftTicket()}>
          Next ticket (ticket_Shift)
        </button>
        <button type="button" disabled={location !== 'contact' && location !== 'account'} onClick={() => api.openNextRecord()}>
          Next {location === 'account' ? 'account' : 'contact'} (pageChange)
        </button>
        <button
          type="button"
          onClick={() =>
            api.emit('pageChange', {
              previousView: { module: moduleOf(location), page: pageOf(location) },
              currentView: { module: moduleOf(location), page: pageOf(location) },
            })
          }
        >
          Fire pageChange (same page)
        </button>
        <button
          type="button"
          disabled={location !== 'ticket'}
          onClick={() => api.emit('ticket_replyEditor.opened', { mode: 'reply', threadId: null, ticketId: state.config.ticketId })}
        >
          Open reply editor
        </button>
      </div>
    </fieldset>
  );
}

function moduleOf(location: SimulatorState['config']['location']): string {
  if (location === 'ticketForm') return 'ticket';
  if (location === 'settings') return 'setup';
  return location;
}

function pageOf(location: SimulatorState['config']['location']): string {
  return location === 'ticketForm' ? 'addForm' : 'detail';
}
