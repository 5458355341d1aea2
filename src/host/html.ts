/** Escaping for the few places the SDK takes HTML (reply editor, popups, toasts). */
import { httpsUrl } from './guards';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Plain text as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}


/** Reply-editor HTML for plain text, an optional https link and a line after it; everything escaped. */
export function replyHtml(text: string, url?: string, after?: string): string {
  const parts: string[] = [];
  if (text.trim() !== '') parts.push(textToHtml(text));
  const safe = httpsUrl(url);
  if (safe !== null) {
    const href = escapeHtml(safe);
    parts.push(`<a href="${href}" target="_blank" rel="noopener noreferrer">${href}</a>`);
  } else if (url !== undefined && url.trim() !== '') {
    // A non-https link is kept as inert text so nothing the agent meant to share disappears silently.
    parts.push(escapeHtml(url.trim()));
  }
  if (after !== undefined && after.trim() !== '') parts.push(textToHtml(after));
  return parts.join('<br>');
}
