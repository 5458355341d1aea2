import { PanelApp } from '../panel/PanelApp';
import { startWidget } from './startWidget';

void startWidget({ noDesk: 'panel.noDesk', startFailed: 'panel.startFailed' }, (host, i18n) => (
  <PanelApp host={host} i18n={i18n} />
));
