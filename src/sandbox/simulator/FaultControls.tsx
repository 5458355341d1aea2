import type { BillingFaultMode, OrganizationMode, SimulatorConfigPatch, SimulatorFaults } from './config';
import { BILLING_FAULT_MODES, ORGANIZATION_MODES } from './config';

export const BILLING_FAULT_LABELS: Record<BillingFaultMode, string> = {
  none: 'Normal answers',
  forbidden: '403 Forbidden',
  'not-found': '404 Not found',
  gone: '400 code 3004 (record gone)',
  'rate-limited': '429 Too many requests',
  'server-error': '500 Server error',
  'malformed-json': 'Malformed JSON',
  'html-error': 'HTML error page',
  'code-nonzero': '200 with code ≠ 0',
  timeout: 'Timeout (no answer)',
};

const ORGANIZATION_LABELS: Record<OrganizationMode, string> = {
  many: 'Several (admin in each)',
  one: 'Exactly one',
  none: 'None',
  'non-admin': 'Only where not admin',
};

export function FaultControls({ faults, configure }: { faults: SimulatorFaults; configure: (patch: SimulatorConfigPatch) => void }) {
  const set = (patch: Partial<SimulatorFaults>) => configure({ faults: patch });
  return (
    <fieldset className="sim-group">
      <legend>Faults</legend>
      <label className="sim-check">
        <input type="checkbox" checked={faults.notAuthorised} onChange={(e) => set({ notAuthorised: e.target.checked })} />
        Connection not authorised
      </label>
      <label className="sim-field">
        Zoho Billing answers
        <select value={faults.billing} onChange={(e) => set({ billing: e.target.value as BillingFaultMode })}>
          {BILLING_FAULT_MODES.map((m) => (
            <option key={m} value={m}>
              {BILLING_FAULT_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-check">
        <input
          type="checkbox"
          checked={faults.retryAfterSeconds !== null}
          onChange={(e) => set({ retryAfterSeconds: e.target.checked ? 30 : null })}
        />
        Send Retry-After with 429
      </label>
      {faults.retryAfterSeconds !== null && (
        <label className="sim-field">
          Retry-After (seconds)
          <input
            type="number"
            min={0}
            value={faults.retryAfterSeconds}
            onChange={(e) => set({ retryAfterSeconds: Math.max(0, Number(e.target.value) || 0) })}
          />
        </label>
      )}
      {faults.billing === 'timeout' && (
        <label className="sim-field">
          Timeout: 504 after (ms)
          <input type="number" min={0} step={1000} value={faults.timeoutMs} onChange={(e) => set({ timeoutMs: Math.max(0, Number(e.target.value) || 0) })} />
        </label>
      )}
      <label className="sim-field">
        Latency (ms)
        <input type="number" min={0} step={100} value={faults.latencyMs} onChange={(e) => set({ latencyMs: Math.max(0, Number(e.target.value) || 0) })} />
      </label>
      <label className="sim-field">
        Billing organizations
        <select value={faults.organizations} onChange={(e) => set({ organizations: e.target.value as OrganizationMode })}>
          {ORGANIZATION_MODES.map((m) => (
            <option key={m} value={m}>
              {ORGANIZATION_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-check">
        <input type="checkbox" checked={faults.hostReject} onChange={(e) => set({ hostReject: e.target.checked })} />
        Desk rejects requests (proxy down)
      </label>
      <label className="sim-check">
        <input type="checkbox" checked={faults.storageFails} onChange={(e) => set({ storageFails: e.target.checked })} />
        Desk storage fails (reads and writes)
      </label>
      <label className="sim-check">
        <input type="checkbox" checked={faults.storageWritesFail} onChange={(e) => set({ storageWritesFail: e.target.checked })} />
        Desk storage refuses writes (reads work)
      </label>
      <label className="sim-check">
        <input type="checkbox" checked={faults.cardDeclines} onChange={(e) => set({ cardDeclines: e.target.checked })} />
        Card declines Collect now
      </label>
      <label className="sim-check">
        <input type="checkbox" checked={faults.commentsFail} onChange={(e) => set({ commentsFail: e.target.checked })} />
        Desk refuses ticket comments
      </label>
      <label>
        Churn reasons{' '}
        <select value={faults.churnReasons} onChange={(e) => set({ churnReasons: e.target.value as SimulatorFaults['churnReasons'] })}>
          <option value="optional">offered</option>
          <option value="required">required</option>
          <option value="off">none set up</option>
        </select>
      </label>
    </fieldset>
  );
}
