// SPEC C5 in real Chromium: hostile Billing text (the XSS corpus) in the customer's names, addresses, plans,
// activities and invoices, and hostile Desk text on the sandbox's hostile ticket. The payloads set
// `window.__xss` if they ever run; the built panel must show them as text, inject no element, attach no
// handler, make no non-https link, and never open a dialog.
import type { Dialog, Frame } from 'playwright-core';
import { BILLING_FIXTURES as B } from '../../src/sandbox/billing/fixtures';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import { INJECTED_TAGS, SHORT_XSS_PAYLOADS, XSS_MARKER_ATTRIBUTE } from '../fixtures/xss';
import { openLocation, useSimulator } from './harness';

const e2e = useSimulator();

// Lone surrogates cannot cross page.evaluate intact; everything else goes in as is.
const PAYLOADS = SHORT_XSS_PAYLOADS.map((p) => p.value).filter((v) => !/[\uD800-\uDFFF]/.test(v.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));

/** Writes the corpus into every text field of one customer's records in the shell's Billing sandbox. */
async function poisonCustomer(customerId: string, offset: number): Promise<void> {
  await e2e.page.evaluate(
    ({ customerId: id, payloads, offset: start }) => {
      type Rec = Record<string, unknown>;
      const sandbox = window.__deskSimulator!.sandbox as { dataset: Rec };
      const ds = sandbox.dataset as {
        customers: Rec[];
        contactPersons: Record<string, Rec[]>;
        subscriptions: Rec[];
        activities: Record<string, Rec[]>;
        invoices: Rec[];
      };
      let i = start;
      const next = () => payloads[i++ % payloads.length]!;
      const fill = (r: Rec | undefined, keys: string[]) => {
        if (r && typeof r === 'object') for (const k of keys) r[k] = next();
      };
      const customer = ds.customers.find((c) => c.customer_id === id)!;
      fill(customer, ['display_name', 'company_name', 'first_name', 'last_name', 'phone', 'mobile', 'website', 'payment_terms_label', 'notes']);
      const address = ['attention', 'street', 'street2', 'city', 'state', 'zip', 'country'];
      fill(customer.billing_address as Rec, address);
      fill(customer.shipping_address as Rec, address);
      for (const p of ds.contactPersons[id] ?? []) fill(p, ['first_name', 'last_name', 'email', 'phone']);
      for (const s of ds.subscriptions.filter((x) => x.customer_id === id)) {
        fill(s, ['name', 'plan_name', 'subscription_number', 'status']);
        fill(s.plan as Rec, ['name', 'description']);
        for (const a of (s.addons as Rec[]) ?? []) fill(a, ['name']);
        fill(s.coupon as Rec, ['coupon_code']);
        for (const n of (s.notes as Rec[]) ?? []) fill(n, ['description', 'commented_by']);
        for (const a of ds.activities[String(s.subscription_id)] ?? []) fill(a, ['description', 'commented_by']);
      }
      for (const inv of ds.invoices.filter((x) => x.customer_id === id)) {
        fill(inv, ['number', 'status', 'notes']);
        inv.invoice_url = 'javascript:window.__xss=1';
        for (const l of (inv.invoice_items as Rec[]) ?? []) fill(l, ['name', 'description', 'code']);
        for (const p of (inv.payments as Rec[]) ?? []) fill(p, ['payment_mode', 'reference_number']);
      }
    },
    { customerId, payloads: PAYLOADS, offset },
  );
}

interface Findings {
  xss: unknown;
  shellXss: unknown;
  marked: number;
  tags: string[];
  handlers: string[];
  badLinks: string[];
  scripts: string[];
  textHasMarkup: boolean;
}

async function findings(frame: Frame): Promise<Findings> {
  const inFrame = await frame.evaluate(
    ({ tags, marker }) => {
      const w = window as unknown as { __xss?: unknown };
      const handlers: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) handlers.push(`${el.tagName} ${attr.name}`);
      }
      return {
        xss: w.__xss,
        marked: document.querySelectorAll(`[${marker}]`).length,
        tags: tags.filter((t) => document.body.querySelector(t) !== null),
        handlers,
        badLinks: Array.from(document.querySelectorAll('a[href]'))
          .map((a) => a.getAttribute('href') ?? '')
          .filter((h) => !h.startsWith('https://')),
        // Only the simulator's SDK shim, our early CSP-violation recorder and our own modules may be scripts.
        scripts: Array.from(document.scripts)
          .map((s) => s.getAttribute('src') ?? `inline:${s.textContent?.slice(0, 40)}`)
          .filter(
            (src) =>
              src !== '/sim/sdk-shim.js' && src !== './csp-early.js' && !/^\.?\/?(?:app\/)?assets\/[\w.-]+\.js$/.test(src.replace(/^\/app\//, './')),
          ),
        textHasMarkup: /<(?:img|script|svg|iframe|a|details|math)\b/i.test(document.body.innerText),
      };
    },
    { tags: [...INJECTED_TAGS].filter((t) => t !== 'body'), marker: XSS_MARKER_ATTRIBUTE },
  );
  const shellXss = await e2e.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  return { ...inFrame, shellXss };
}

function expectClean(f: Findings): void {
  expect({ ...f, textHasMarkup: undefined }).toEqual({
    xss: undefined,
    shellXss: undefined,
    marked: 0,
    tags: [],
    handlers: [],
    badLinks: [],
    scripts: [],
    textHasMarkup: undefined,
  });
}

const dialogs: string[] = [];

describe('hostile text in the built panel (Chromium)', () => {
  beforeAll(() => {
    e2e.page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  for (const offset of [0, 23]) {
    it(`Billing customer poisoned (offset ${offset}): every tab and detail shows text, runs nothing`, async () => {
      e2e.clearProblems();
      await e2e.page.evaluate(() => window.__deskSimulator!.resetData());
      await poisonCustomer(B.bowmanCustomerId, offset);
      const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId });
      await frame.getByRole('tab', { name: 'Overview' }).waitFor({ timeout: 20_000 });
      await frame.getByText('Billing address').first().waitFor({ timeout: 20_000 });
      const first = await findings(frame);
      expectClean(first);
      expect(first.textHasMarkup).toBe(true);

      await frame.getByRole('tab', { name: 'Activity' }).click();
      await frame.getByRole('group', { name: 'Activity' }).waitFor({ timeout: 20_000 });
      expectClean(await findings(frame));

      await frame.getByRole('tab', { name: 'Subscriptions' }).click();
      await frame.getByRole('button', { name: /^Open subscription/ }).first().click({ timeout: 20_000 });
      await frame.getByRole('button', { name: /All subscriptions/ }).waitFor({ timeout: 20_000 });
      expectClean(await findings(frame));

      await frame.getByRole('tab', { name: 'Invoices' }).click();
      const list = frame.getByRole('list', { name: 'Invoices' });
      await list.waitFor({ timeout: 20_000 });
      await list.getByRole('listitem').first().getByRole('button').first().click();
      await frame.getByRole('button', { name: /All invoices/ }).waitFor({ timeout: 20_000 });
      expectClean(await findings(frame));

      expect(dialogs).toEqual([]);
      expect(e2e.problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
    }, 90_000);
  }

  it("the sandbox's hostile ticket (hostile subject, Desk contact and Billing customer)", async () => {
    e2e.clearProblems();
    await e2e.page.evaluate(() => window.__deskSimulator!.resetData());
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.hostileTicketId });
    await frame.getByText(B.hostileDisplayName.trim()).first().waitFor({ timeout: 20_000 });
    const f = await findings(frame);
    expectClean(f);
    expect(f.textHasMarkup).toBe(true);
    expect(dialogs).toEqual([]);
    expect(e2e.problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
  }, 60_000);

  it('the detector itself sees an injected element, handler, script and javascript: link (and the CSP stops them running)', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId });
    await frame.getByRole('tab', { name: 'Overview' }).waitFor({ timeout: 20_000 });
    await frame.evaluate((marker) => {
      // Positive signals that the browser has dealt with the injection: the image's load failed (so its
      // onerror would have run now) and the CSP reported blocking the inline handler.
      const w = window as unknown as { __imgFailed?: boolean; __cspBlocked?: string[] };
      w.__cspBlocked = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspBlocked!.push(e.effectiveDirective));
      const img = document.createElement('img');
      img.addEventListener('error', () => (w.__imgFailed = true));
      img.setAttribute(marker, '');
      img.setAttribute('onerror', 'window.__xss=99');
      img.src = 'x';
      const a = document.createElement('a');
      a.href = 'javascript:void 0';
      const script = document.createElement('script');
      script.textContent = 'void 0';
      document.body.append(img, a, script);
    }, XSS_MARKER_ATTRIBUTE);
    // The page's Content-Security-Policy forbids inline handlers and scripts: even injected markup cannot run.
    await frame.waitForFunction(() => {
      const w = window as unknown as { __imgFailed?: boolean; __cspBlocked?: string[] };
      return w.__imgFailed === true && (w.__cspBlocked ?? []).some((d) => d.startsWith('script-src'));
    });
    expect(await frame.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await frame.evaluate(() => {
      (window as unknown as { __xss?: unknown }).__xss = 99;
    });
    const f = await findings(frame);
    expect(f.xss).toBe(99);
    expect(f.marked).toBe(1);
    expect(f.tags).toContain('img');
    expect(f.handlers).toEqual(['IMG onerror']);
    expect(f.badLinks).toEqual(['javascript:void 0']);
    expect(f.scripts).toEqual(['inline:void 0']);
  }, 60_000);

  afterAll(async () => {
    await e2e.page?.evaluate(() => window.__deskSimulator?.resetData()).catch(() => undefined);
  });
});
