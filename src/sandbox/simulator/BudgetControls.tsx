import type { DeskSimulatorApi } from './api';
import { METER_PRESETS, type MeterPreset, type SimulatorStored } from './config';

const METER_LABELS: Record<MeterPreset, string> = {
  none: 'Nothing counted, no cap',
  week: 'A week of calls, today 1,126 of 2,000',
  near: 'Near the cap: today 1,862 of 2,000',
  over: 'Past the cap: today 2,006 of 2,000',
};

/**
 * The portal's stored Billing budget (seedBudget.ts). It is seeded when the simulator page opens (a new
 * portal), so the choice is kept in the address bar and applied by opening the page again.
 */
export function BudgetControls({ stored, api }: { stored: SimulatorStored; api: DeskSimulatorApi }) {
  const set = (patch: Partial<SimulatorStored>) => void api.configure({ stored: patch }, { reload: false });
  return (
    <fieldset className="sim-group">
      <legend>Portal budget (stored)</legend>
      <label className="sim-check">
        <input type="checkbox" checked={stored.sharedMinutes !== null} onChange={(e) => set({ sharedMinutes: e.target.checked ? 12 : null })} />
        Another agent shared this customer
      </label>
      {stored.sharedMinutes !== null && (
        <label className="sim-field">
          Shared snapshot age (minutes)
          <input
            type="number"
            min={0}
            value={stored.sharedMinutes}
            onChange={(e) => set({ sharedMinutes: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
          />
        </label>
      )}
      <label className="sim-field">
        Daily meter
        <select value={stored.meter} onChange={(e) => set({ meter: e.target.value as MeterPreset })}>
          {METER_PRESETS.map((m) => (
            <option key={m} value={m}>
              {METER_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => window.location.reload()}>
        Open a new portal with this
      </button>
      <p className="sim-hint">Seeded when the page opens: a new portal, sandbox and browser session.</p>
    </fieldset>
  );
}
