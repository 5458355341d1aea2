/**
 * Entry of the Desk simulator page (sim-dist/simulator.html, `npm start`). Never part of app/.
 * Owns the one simulator core and publishes it as window.__deskSimulator before any widget frame
 * exists, because /sim/sdk-shim.js in the frame calls window.parent.__deskSimulator.createSdk.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configFromSearch, configToSearch } from './config';
import { createSimulatorCore } from './core';
import { forgetTabSession, seedBudget } from './seedBudget';
import { SimulatorApp } from './SimulatorApp';
import './simulator.css';
import './simulatorLogs.css';

forgetTabSession();
const params = new URLSearchParams(window.location.search);
const seed = params.has('seed') ? Number(params.get('seed')) : undefined;
const core = createSimulatorCore({
  ...(seed !== undefined && Number.isFinite(seed) ? { seed } : {}),
  initial: configFromSearch(window.location.search),
  connected: params.get('connected') !== '0',
});
window.__deskSimulator = core;

// Keep the address bar in step with the switches, so a state can be reloaded or shared as a link.
const kept = new URLSearchParams(window.location.search);
let lastSearch = window.location.search;
core.subscribe(() => {
  const search = new URLSearchParams(configToSearch(core.state().config));
  for (const name of ['seed', 'connected']) {
    const value = kept.get(name);
    if (value !== null) search.set(name, value);
  }
  const next = search.toString() ? `?${search.toString()}` : '';
  if (next !== lastSearch) {
    lastSearch = next;
    window.history.replaceState(null, '', `${window.location.pathname}${next}`);
  }
});

// Stored state the URL asks for (shared snapshot, daily meter) is in place before the widget frame exists.
const seeded = seedBudget(core.sim, core.sandbox, core.state().config).catch((e: unknown) => {
  console.error('The simulator could not seed the stored budget state:', e);
});

const root = document.getElementById('root');
if (root) {
  const shell = root;
  void seeded.then(() => createRoot(shell).render(
    <StrictMode>
      <SimulatorApp api={core} />
    </StrictMode>,
  ));
}
