import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/theme.css';
import { watchCspViolations } from '../host/cspWatch';
import { recordUnknownWord } from '../host/observations';
import { onUnknownWord } from '../ui/unknownWords';
import { connectDeskHost, deskSdkPresent } from '../host/deskHost';
import type { DeskContext, DeskHost, DeskLook } from '../host/types';
import { createI18n, loadMessages, pickLanguage, type I18n, type MessageKey } from '../i18n/i18n';

/** The one text that cannot come from a catalog: the catalogs themselves failed to load. */
const FILES_DID_NOT_LOAD = 'Zoho Billing could not load its files. Reload the page. / Zoho Billing のファイルを読み込めませんでした。ページを再読み込みしてください。';

/**
 * The agent's Desk look on <html>, for theme.css: light/dark, pure dark, theme colour and font family. What
 * Desk does not tell is removed, so the panel's defaults apply (and a change back to them is followed).
 */
function applyLook(context: DeskContext): void {
  const look: DeskLook = context.look ?? { appearance: context.appearance, pureDark: false, theme: null, fontFamily: null };
  const data = document.documentElement.dataset;
  data.appearance = look.appearance;
  const set = (key: 'pureDark' | 'theme' | 'font', value: string | null) => {
    if (value === null) delete data[key];
    else data[key] = value;
  };
  set('pureDark', look.pureDark ? 'true' : null);
  set('theme', look.theme);
  set('font', look.fontFamily?.toLowerCase() ?? null);
}

/**
 * What every widget page does first: wait for Desk, pick the agent's language and appearance, then
 * render. `messages` names the page's own "not in Desk" and "could not start" texts.
 */
export async function startWidget(
  messages: { noDesk: MessageKey; startFailed: MessageKey },
  render: (host: DeskHost, i18n: I18n) => ReactNode,
): Promise<void> {
  // First, so a violation caused while Desk starts the widget is reported too (diagnostics).
  watchCspViolations();
  // A Billing value without words is named in the diagnostics (the settings page reads every frame's record).
  onUnknownWord(recordUnknownWord);
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  // The catalog chunks load while Desk starts: English always (the fallback), the browser's language as
  // a good guess at the agent's. A catalog that cannot load is retried below, where it is needed.
  const guessed = loadMessages(pickLanguage(navigator.language)).catch(() => undefined);
  const plainMessage = async (key: MessageKey) => {
    // Without Desk there is no agent language: say it in the browser's.
    await guessed;
    const i18n = createI18n(navigator.language);
    document.documentElement.lang = i18n.language;
    root.render(<p role="alert">{i18n.t(key)}</p>);
  };

  if (!deskSdkPresent()) {
    // Opened outside Desk (or the SDK script was blocked): a plain message, not a crash.
    await plainMessage(messages.noDesk);
    return;
  }
  let host: DeskHost;
  try {
    host = await connectDeskHost();
  } catch {
    await plainMessage(messages.startFailed);
    return;
  }

  const context = host.context();
  await guessed;
  try {
    await loadMessages(pickLanguage(context.locale));
  } catch {
    // The page's own files did not load (connection dropped mid-start): no words to show but these.
    root.render(<p role="alert">{FILES_DID_NOT_LOAD}</p>);
    return;
  }
  const i18n = createI18n(context.locale, context.user.timeZone);
  document.documentElement.lang = i18n.language;
  applyLook(context);
  host.on('preferencesChanged', () => applyLook(host.context()));
  root.render(<StrictMode>{render(host, i18n)}</StrictMode>);
}
