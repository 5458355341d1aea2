import { useEffect, useState } from 'react';
import { DATA_CENTERS, DESK_FONTS, DESK_THEMES, type DataCenter } from '../../host/types';
import type { DeskRecordOption, SimulatorState } from './api';
import { PANEL_WIDTH, SIM_LOCALES, TIME_ZONES, type SimLocale, type SimulatorConfig, type SimulatorConfigPatch } from './config';

interface Props {
  state: SimulatorState;
  configure: (patch: SimulatorConfigPatch) => void;
}

function RecordSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: DeskRecordOption[];
  onChange: (id: string) => void;
}) {
  const current = value ?? options[0]?.id ?? '';
  return (
    <label className="sim-field">
      {label}
      <select value={current} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
            {o.detail ? ` — ${o.detail}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The add-ticket form's fields as the agent "types" them; applied on blur/Enter, like Desk's form. */
function TicketFormFields({ state, configure }: Props) {
  const [draft, setDraft] = useState(state.config.form);
  useEffect(() => setDraft(state.config.form), [state.config.form]);
  const commit = () => {
    const { contactId, email, accountId } = state.config.form;
    if (draft.contactId !== contactId || draft.email !== email || draft.accountId !== accountId) configure({ form: draft });
  };
  const field = (key: keyof typeof draft, label: string, list?: string) => (
    <label className="sim-field">
      {label}
      <input
        value={draft[key]}
        list={list}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
  return (
    <fieldset className="sim-subgroup">
      <legend>Add-ticket form (what the agent typed)</legend>
      {field('contactId', 'Contact id', 'sim-contact-ids')}
      {field('email', 'Email')}
      {field('accountId', 'Account id', 'sim-account-ids')}
      <datalist id="sim-contact-ids">
        {state.desk.contacts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </datalist>
      <datalist id="sim-account-ids">
        {state.desk.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </datalist>
    </fieldset>
  );
}

export function ContextControls({ state, configure }: Props) {
  const { config, desk } = state;
  return (
    <fieldset className="sim-group">
      <legend>Desk context</legend>
      {config.location === 'ticket' && (
        <RecordSelect label="Ticket" value={config.ticketId} options={desk.tickets} onChange={(ticketId) => configure({ ticketId })} />
      )}
      {config.location === 'contact' && (
        <RecordSelect label="Contact" value={config.contactId} options={desk.contacts} onChange={(contactId) => configure({ contactId })} />
      )}
      {config.location === 'account' && (
        <RecordSelect label="Account" value={config.accountId} options={desk.accounts} onChange={(accountId) => configure({ accountId })} />
      )}
      {config.location === 'ticketForm' && <TicketFormFields state={state} configure={configure} />}

      <label className="sim-field">
        Language
        <select value={config.locale} onChange={(e) => configure({ locale: e.target.value as SimLocale })}>
          {SIM_LOCALES.map((l) => (
            <option key={l} value={l}>
              {l === 'en' ? 'English (en)' : '日本語 (ja)'}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-field">
        Data center
        <select value={config.dataCenter} onChange={(e) => configure({ dataCenter: e.target.value as DataCenter })}>
          {DATA_CENTERS.map((dc) => (
            <option key={dc} value={dc}>
              {dc}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-field">
        Time zone
        <select value={config.timeZone} onChange={(e) => configure({ timeZone: e.target.value })}>
          {(TIME_ZONES as readonly string[]).concat((TIME_ZONES as readonly string[]).includes(config.timeZone) ? [] : [config.timeZone]).map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </select>
      </label>
      <div className="sim-radios" role="radiogroup" aria-label="Appearance">
        {(['light', 'dark'] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="sim-appearance" checked={config.appearance === a} onChange={() => configure({ appearance: a })} />
            {a === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </div>
      <label className="sim-check">
        <input type="checkbox" checked={config.pureDark} disabled={config.appearance !== 'dark'} onChange={(e) => configure({ pureDark: e.target.checked })} />
        Pure dark
      </label>
      <label className="sim-field">
        Desk theme colour
        <select value={config.theme} onChange={(e) => configure({ theme: e.target.value as SimulatorConfig['theme'] })}>
          {DESK_THEMES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-field">
        Desk font
        <select value={config.fontFamily} onChange={(e) => configure({ fontFamily: e.target.value as SimulatorConfig['fontFamily'] })}>
          {DESK_FONTS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-check">
        <input type="checkbox" checked={config.isAdmin} onChange={(e) => configure({ isAdmin: e.target.checked })} />
        Agent is a Desk admin
      </label>
      <label className="sim-field">
        Panel width: {config.panelWidth} px
        <input
          type="range"
          min={PANEL_WIDTH.min}
          max={PANEL_WIDTH.max}
          step={10}
          value={config.panelWidth}
          onChange={(e) => configure({ panelWidth: Number(e.target.value) })}
        />
      </label>
    </fieldset>
  );
}
