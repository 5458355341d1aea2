import { sessionPersistence, tabStorage } from '../integration/cache/sessionCache';
import { PanelApp } from '../panel/PanelApp';
import { startWidget } from './startWidget';

void startWidget({ noDesk: 'panel.noDesk', startFailed: 'panel.startFailed' }, (host, i18n) => (
  // Desk re-creates the widget on every open: answers kept in the tab survive that (SPEC C3).
  // Every agent's answers are shared through Desk storage, behind each agent's own access check (SPEC E1).
  <PanelApp host={host} i18n={i18n} cacheOptions={{ persist: sessionPersistence() }} portalShare={{ session: tabStorage() }} />
));
