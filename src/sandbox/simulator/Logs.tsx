import type { DeskSimulatorApi, SimulatorState } from './api';

/** JSON as text (never HTML), shortened so one huge value cannot swamp the page. */
function show(value: unknown, max = 600): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)} …` : text;
}

function time(at: number): string {
  return new Date(at).toISOString().slice(11, 23);
}

export function Logs({ state, api }: { state: SimulatorState; api: DeskSimulatorApi }) {
  return (
    <section className="sim-logs" aria-label="What the extension did">
      <details open>
        <summary>Storage ({state.storage.length})</summary>
        <div className="sim-buttons">
          <button type="button" onClick={() => api.clearStorage()} disabled={state.storage.length === 0}>
            Clear storage
          </button>
          <button type="button" onClick={() => api.connectSample()}>
            Store a connected integration
          </button>
        </div>
        <table className="sim-table sim-storage" aria-label="Storage">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Group</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {state.storage.map((e) => (
              <tr key={e.key}>
                <td>
                  <code>{e.key}</code>
                </td>
                <td>{e.queriableValue}</td>
                <td>
                  <code className="sim-json">{show(e.value)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <details open>
        <summary>Billing calls ({state.billingCalls.length})</summary>
        <table className="sim-table sim-calls" aria-label="Billing calls">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.billingCalls
              .slice(-200)
              .reverse()
              .map((c, i) => (
                <tr key={`${c.at}-${i}`} className={c.status >= 400 ? 'sim-bad' : undefined}>
                  <td>{time(c.at)}</td>
                  <td>{c.method}</td>
                  <td title={c.url}>
                    <code>{c.path}</code>
                  </td>
                  <td>{c.status}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>

      <details open>
        <summary>Notifications ({state.notifications.length})</summary>
        <ul className="sim-list" aria-label="Notifications">
          {state.notifications.map((n, i) => (
            <li key={i}>
              <code className="sim-json">{show(n)}</code>
            </li>
          ))}
        </ul>
      </details>

      <details open>
        <summary>Reply editor inserts ({state.inserted.length})</summary>
        <ul className="sim-list" aria-label="Reply editor inserts">
          {state.inserted.map((n, i) => (
            <li key={i}>
              <code className="sim-json">{show(n)}</code>
            </li>
          ))}
        </ul>
      </details>

      <details>
        <summary>Opened links ({state.opened.length})</summary>
        <ul className="sim-list" aria-label="Opened links">
          {state.opened.map((url, i) => (
            <li key={i}>
              <code>{url}</code>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
