import type { SimulatorState } from './api';
import { LOCATION_LABELS } from './LocationSwitcher';

/** A stand-in for the Desk page the widget sits on: what the agent has open, and the right panel. */
export function DeskPage({ state, onFrameLoad }: { state: SimulatorState; onFrameLoad: (key: number) => void }) {
  const { config, desk, frameKey, framePath } = state;
  const record =
    config.location === 'ticket'
      ? (desk.tickets.find((t) => t.id === config.ticketId) ?? desk.tickets[0])
      : config.location === 'contact'
        ? (desk.contacts.find((c) => c.id === config.contactId) ?? desk.contacts[0])
        : config.location === 'account'
          ? (desk.accounts.find((a) => a.id === config.accountId) ?? desk.accounts[0])
          : undefined;
  const heading =
    config.location === 'settings'
      ? 'Setup → Marketplace → Zoho Billing'
      : config.location === 'ticketForm'
        ? 'New ticket'
        : `${LOCATION_LABELS[config.location]}: ${record?.label ?? '—'}`;

  return (
    <section className="sim-desk" aria-label="Desk page">
      <div className="sim-desk-main">
        <h2>{heading}</h2>
        {record?.detail && <p className="sim-desk-detail">{record.detail}</p>}
        {config.location === 'ticketForm' && (
          <dl className="sim-desk-form">
            <dt>Contact id</dt>
            <dd>{config.form.contactId || '—'}</dd>
            <dt>Email</dt>
            <dd>{config.form.email || '—'}</dd>
            <dt>Account id</dt>
            <dd>{config.form.accountId || '—'}</dd>
          </dl>
        )}
        <p className="sim-hint">
          {config.locale} · {config.dataCenter} · {config.timeZone} · {config.isAdmin ? 'admin' : 'agent'}
        </p>
      </div>
      <div
        className={config.location === 'settings' ? 'sim-panel sim-panel-wide' : 'sim-panel'}
        style={config.location === 'settings' ? undefined : { width: `${config.panelWidth}px` }}
      >
        <div className="sim-panel-bar">Zoho Billing</div>
        <iframe
          key={frameKey}
          title="Zoho Billing extension"
          src={`${framePath}?frame=${frameKey}`}
          onLoad={() => onFrameLoad(frameKey)}
        />
      </div>
    </section>
  );
}
