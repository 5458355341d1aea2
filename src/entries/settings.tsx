import { SettingsPage } from '../settings/SettingsPage';
import { startWidget } from './startWidget';

void startWidget({ noDesk: 'settings.noDesk', startFailed: 'settings.startFailed' }, (host, i18n) => (
  <SettingsPage host={host} i18n={i18n} />
));
