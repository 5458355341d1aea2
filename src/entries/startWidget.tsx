import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/theme.css';
import { watchCspViolations } from '../host/cspWatch';
import { connectDeskHost, deskSdkPresent } from '../host/deskHost';
import type { Appearance, DeskHost } from '../host/types';
import { createI18n, type I18n } from '../i18n/i18n';

function applyAppearance(appearance: Appearance): void {
  document.documentElement.dataset.appearance = appearance;
}

/**
 * What every widget page does first: wait for Desk, pick the agent's language and appearance, then
 * render. `messages` names the page's own "not in Desk" and "could not start" texts.
 */
export async function startWidget(
  messages: { noDesk: string; startFailed: string },
  render: (host: DeskHost, i18n: I18n) => ReactNode,
): Promise<void> {
  // First, so a violation caused while Desk starts the widget is reported too (diagnostics).
  watchCspViolations();
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const plainMessage = (key: string) => {
    // Without Desk there is no agent language: say it in the browser's.
    const i18n = createI18n(navigator.language);
    document.documentElement.lang = i18n.language;
    root.render(<p role="alert">{i18n.t(key)}</p>);
  };

  if (!deskSdkPresent()) {
    // Opened outside Desk (or the SDK script was blocked): a plain message, not a crash.
    plainMessage(messages.noDesk);
    return;
  }
  let host: DeskHost;
  try {
    host = await connectDeskHost();
  } catch {
    plainMessage(messages.startFailed);
    return;
  }

  const context = host.context();
  const i18n = createI18n(context.locale, context.user.timeZone);
  document.documentElement.lang = i18n.language;
  applyAppearance(context.appearance);
  host.on('preferencesChanged', () => applyAppearance(host.context().appearance));
  root.render(<StrictMode>{render(host, i18n)}</StrictMode>);
}
