import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/theme.css';
import { connectDeskHost } from '../host/deskHost';
import type { Appearance } from '../host/types';
import { createI18n } from '../i18n/i18n';
import { PanelApp } from '../panel/PanelApp';

function applyAppearance(appearance: Appearance): void {
  document.documentElement.dataset.appearance = appearance;
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);

  if (!window.ZOHODESK) {
    // Opened outside Desk (or the SDK script was blocked): a plain message, not a crash.
    const i18n = createI18n(navigator.language);
    document.documentElement.lang = i18n.language;
    root.render(<p role="alert">{i18n.t('panel.noDesk')}</p>);
    return;
  }

  let host;
  try {
    host = await connectDeskHost();
  } catch {
    const i18n = createI18n(navigator.language);
    document.documentElement.lang = i18n.language;
    root.render(<p role="alert">{i18n.t('panel.startFailed')}</p>);
    return;
  }

  const context = host.context();
  const i18n = createI18n(context.locale, context.user.timeZone);
  document.documentElement.lang = i18n.language;
  applyAppearance(context.appearance);
  host.on('preferencesChanged', () => applyAppearance(host.context().appearance));

  root.render(
    <StrictMode>
      <PanelApp host={host} i18n={i18n} />
    </StrictMode>,
  );
}

void main();
