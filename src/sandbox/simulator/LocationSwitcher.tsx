import type { LocationKind } from '../../host/types';
import { LOCATIONS } from '../../host/types';
import { LOCATION_KINDS } from './config';

export const LOCATION_LABELS: Record<LocationKind, string> = {
  ticket: 'Ticket',
  contact: 'Contact',
  account: 'Account',
  ticketForm: 'Add-ticket form',
  settings: 'Settings',
};

export function LocationSwitcher({ value, onChange }: { value: LocationKind; onChange: (kind: LocationKind) => void }) {
  return (
    <fieldset className="sim-group">
      <legend>Location</legend>
      <div className="sim-radios">
        {LOCATION_KINDS.map((kind) => (
          <label key={kind} title={LOCATIONS[kind]}>
            <input
              type="radio"
              name="sim-location"
              value={kind}
              checked={value === kind}
              onChange={() => onChange(kind)}
            />
            {LOCATION_LABELS[kind]}
          </label>
        ))}
      </div>
      <p className="sim-hint">
        <code>{LOCATIONS[value]}</code>
      </p>
    </fieldset>
  );
}
