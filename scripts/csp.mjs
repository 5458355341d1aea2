// The Content-Security-Policy of the widget pages (pages/panel.html, pages/settings.html), written into
// their <meta> at build time from plugin-manifest.json. One home: vite.config.ts applies it, the
// security tests check the built pages against it, the README explains it.
//
// Two jobs pull against each other. The policy must keep an injected script from running (we never
// render Billing data as HTML, SPEC C5, and this is the second wall). And it must never break Zoho's
// SDK, whose source we cannot read: no public Desk extension ships a meta CSP of its own, so nothing
// shows what the SDK needs (desk-sdk.md §11). So scripts stay locked down and everything the platform
// may plausibly load besides scripts is allowed; a violation that still happens on a live portal is
// reported to the settings page's diagnostics (src/host/cspWatch.ts), which names the directive.

/** Where Desk's pages, popups and sign-in live, per region: derived from the manifest's whitelisted Desk hosts. */
function zohoWildcards(manifest) {
  const out = new Set();
  for (const origin of validOrigins(manifest?.whiteListedDomains)) {
    const [first, ...rest] = new URL(origin).hostname.split('.');
    // desk.zoho.eu → *.zoho.eu (Desk, accounts.zoho.eu sign-in), desk.zohocloud.ca → *.zohocloud.ca.
    // The API hosts (www.zohoapis.*) are never framed.
    const parent = rest.join('.');
    if (first === 'desk' && /^zoho/.test(parent)) out.add(`https://*.${parent}`);
  }
  return [...out];
}

/**
 * https origins only, each at most once. A manifest entry that is not a plain https origin is left out:
 * a typo there must never turn into a keyword such as 'unsafe-eval' in the policy.
 */
export function validOrigins(list) {
  if (!Array.isArray(list)) return [];
  const out = [];
  for (const entry of list) {
    if (typeof entry !== 'string') continue;
    let url;
    try {
      url = new URL(entry.trim().replace(/\*\./, 'wildcard.'));
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' || url.pathname.replace(/\/$/, '') !== '' || url.search || url.hash || url.username) continue;
    const origin = entry.trim().replace(/\/$/, '');
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

/** Sources of what Zoho's platform serves to extension frames (zet's dev server and live portals). */
const ZOHO_PLATFORM = [
  // Zoho's static CDN: the SDK itself and whatever it loads next. zet's own dev server allows it.
  'https://*.zohostatic.com',
  // Sigma, where the extension's files and server-side functions run. zet's dev server allows it.
  'https://*.sigmausercontent.com',
  // Reported by a widget author as allowed by the live platform's own CSP (desk-sdk.md §11).
  'https://*.zappsusercontent.com',
];

/**
 * Each directive with the reason for each source. Returns [directive, sources][] in a stable order.
 * @param {unknown} manifest plugin-manifest.json, parsed
 */
export function cspDirectives(manifest) {
  const extra = (key) => validOrigins(manifest?.cspDomains?.[key]);
  const zoho = zohoWildcards(manifest);
  return [
    // Anything not named below: only our own files.
    ['default-src', ["'self'"]],
    // Kept strict: our bundle and Zoho's SDK, nothing inline, no eval. The manifest's cspDomains
    // script-src is deliberately not read: a new script source is a code review, not a config edit.
    ['script-src', ["'self'", 'https://js.zohostatic.com']],
    // Inline styles: React sets style attributes (the invoice list's windowing), and the SDK may
    // inject <style> or style="" for its popups. A style cannot run code; blocking it only breaks layout.
    ['style-src', ["'self'", "'unsafe-inline'", ...ZOHO_PLATFORM, ...extra('style-src')]],
    // Images: Desk hands out avatars and logos from several Zoho CDNs; data:/blob: for icons and
    // previews the SDK may build. Images cannot run code; https only, so nothing is fetched in clear.
    ['img-src', ["'self'", 'data:', 'blob:', 'https:', ...extra('img-src')]],
    // Fonts: Desk's own fonts (Puvi, Lato, Roboto) come from Zoho's CDN.
    ['font-src', ["'self'", 'data:', ...ZOHO_PLATFORM]],
    // XHR/fetch/WebSocket: the SDK talks to its platform hosts; the manifest's whitelisted domains and
    // cspDomains are where the extension itself may connect (zet's dev server sends the same set).
    ['connect-src', ["'self'", ...ZOHO_PLATFORM, ...validOrigins(manifest?.whiteListedDomains), ...extra('connect-src')]],
    // Frames: the SDK may frame Desk pages (popups, sign-in to authorise the connection) from the
    // portal's region; blob: for a PDF shown in-frame.
    ['frame-src', ["'self'", 'blob:', ...ZOHO_PLATFORM, ...zoho]],
    // Workers: only our own and ones built from our own code (blob:).
    ['worker-src', ["'self'", 'blob:']],
    // Kept: no plugins at all (object/embed are a script vector).
    ['object-src', ["'none'"]],
    // Kept: an injected <base> could re-point every relative URL, including our scripts.
    ['base-uri', ["'none'"]],
    // Forms: our React forms never submit natively; the SDK may post to Zoho (sign-in), nowhere else.
    ['form-action', ["'self'", ...zoho]],
  ];
}

/** The policy as the <meta http-equiv="Content-Security-Policy"> content. */
export function contentSecurityPolicy(manifest) {
  return cspDirectives(manifest)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}

export const CSP_PLACEHOLDER = '__CONTENT_SECURITY_POLICY__';

/** Puts the policy into a page that carries the placeholder; throws when a page has none (no silent pages without CSP). */
export function applyCsp(html, manifest) {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`widget page has no ${CSP_PLACEHOLDER} meta`);
  return html.split(CSP_PLACEHOLDER).join(contentSecurityPolicy(manifest));
}
