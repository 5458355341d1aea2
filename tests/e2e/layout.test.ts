// SPEC C4 in real Chromium at the side panel's narrowest widths: nothing clipped, focus ring whole,
// forms at their natural height, and the tabs in the first third (not eaten by the strip and buttons).
import type { Frame, Locator } from 'playwright-core';
import en from '../../translations/en.json';
import ja from '../../translations/ja.json';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import { openLocation, useSimulator } from './harness';

const e2e = useSimulator();
const WORDS = { en, ja } as const;
const PANEL_HEIGHT = 800;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The payment-link button's words before its invoice number (en "Insert payment link · ", ja "支払いリンクを挿入（"). */
const linkPrefix = (words: (typeof WORDS)[keyof typeof WORDS]) => words.panel.actions.insertLink.split('{number}')[0] ?? '';

/** An element's box in its frame's own coordinates (boundingBox() is the page's). */
async function inFrame(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

async function ticketPanel(locale: 'en' | 'ja', width: number, ticketId: string = D.singleMatchTicketId): Promise<Frame> {
  const frame = await openLocation(e2e.page, 'ticket', { locale, panelWidth: width, ticketId });
  await frame.getByRole('tab', { name: WORDS[locale].panel.tabs.overview }).waitFor();
  return frame;
}

/** Box of an element in its frame, and whether any ancestor (up to the body) would clip it. */
async function visibleBox(frame: Frame, selector: string, index: number) {
  return frame.evaluate(
    ({ selector, index }) => {
      const el = document.querySelectorAll<HTMLElement>(selector)[index]!;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // The focus ring: outline width + offset around the border box.
      const ring = parseFloat(style.outlineWidth || '0') + parseFloat(style.outlineOffset || '0');
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const r = p.getBoundingClientRect();
        if (rect.left - ring < r.left || rect.right + ring > r.right || rect.top - ring < r.top || rect.bottom + ring > r.bottom) clipped = true;
      }
      return {
        left: rect.left - Math.max(ring, 0),
        right: rect.right + Math.max(ring, 0),
        viewport: document.documentElement.clientWidth,
        textFits: el.scrollWidth <= el.clientWidth,
        clipped,
      };
    },
    { selector, index },
  );
}

describe('layout at 320 and 360 px (C4)', () => {
  for (const locale of ['en', 'ja'] as const) {
    it(`${locale}: every tab label is whole at 320 px, also after moving to the last tab, and its focus ring is visible`, async () => {
      const frame = await ticketPanel(locale, 320);
      const tabs = frame.getByRole('tab');
      const count = await tabs.count();
      expect(count).toBe(4);
      await tabs.first().focus();
      await frame.page().keyboard.press('End');
      expect(await tabs.last().getAttribute('aria-selected')).toBe('true');
      for (let i = 0; i < count; i += 1) {
        const box = await visibleBox(frame, '[role="tab"]', i);
        const name = await tabs.nth(i).textContent();
        expect({ name, ...box }).toMatchObject({ textFits: true, clipped: false });
        expect(box.left, `${name} starts inside the panel`).toBeGreaterThanOrEqual(0);
        expect(box.right, `${name} ends inside the panel`).toBeLessThanOrEqual(box.viewport);
      }
    });

    for (const width of [320, 360]) {
      it(`${locale} ${width} px: the tabs start within the top third of an ${PANEL_HEIGHT} px panel (header, strip and one row of actions)`, async () => {
        const frame = await ticketPanel(locale, width);
        const words = WORDS[locale];
        const actions = frame.getByRole('group', { name: words.panel.actions.label });
        // The row in its final state: the one-click payment link has arrived with the invoices.
        await actions.getByRole('button', { name: new RegExp(`^${escape(linkPrefix(words))}`) }).waitFor();
        const { tabsTop, banners } = await frame.evaluate(() => {
          const header = document.querySelector('.panel-header')!;
          const strip = document.querySelector('.summary-strip')!;
          // A banner between the header and the strip (a stale answer, the budget, the customer's billing
          // problem) is the panel telling something: not counted in the third.
          let banners = 0;
          for (let el = header.nextElementSibling; el && el !== strip; el = el.nextElementSibling) {
            const style = getComputedStyle(el);
            banners += el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
          }
          return { tabsTop: document.querySelector('[role="tablist"]')!.getBoundingClientRect().top, banners };
        });
        expect(tabsTop - banners).toBeLessThanOrEqual(PANEL_HEIGHT / 3);
      });
    }

    it(`${locale} 320 px: the actions are one row, the payment link's label on one line, the rest in the "⋯" menu`, async () => {
      const frame = await ticketPanel(locale, 320);
      const words = WORDS[locale];
      const actions = frame.getByRole('group', { name: words.panel.actions.label });
      const link = actions.getByRole('button', { name: new RegExp(`^${escape(linkPrefix(words))}`) });
      await link.waitFor();
      const more = actions.getByRole('button', { name: words.panel.actions.more });
      const [linkBox, moreBox] = [await inFrame(link), await inFrame(more)];
      expect(Math.abs(linkBox.y - moreBox.y), 'same row').toBeLessThanOrEqual(1);
      const lineHeight = await link.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(linkBox.height, 'one line of text').toBeLessThan(lineHeight * 2);
      expect(moreBox.x + moreBox.width, 'the menu button ends inside the panel').toBeLessThanOrEqual(320);
      await more.click();
      const menu = frame.getByRole('menu', { name: words.panel.actions.more });
      // The ticket's own invoice is the button; another unpaid one (the latest) and the two forms are in the menu.
      // Which number is the latest depends on the simulator's day (its world is dated at the real today).
      const items = await menu.getByRole('menuitem').allTextContents();
      const buttonNumber = /INV-\d+/.exec((await link.textContent()) ?? '')?.[0];
      expect(items).toHaveLength(3);
      expect(items[0]).toMatch(new RegExp(`^${escape(linkPrefix(words))}INV-\\d+`));
      expect(buttonNumber, 'the button names an invoice').toBeTruthy();
      expect(items[0], 'the menu offers another invoice than the button').not.toContain(buttonNumber);
      expect(items.slice(1)).toEqual([words.panel.actions.createInvoice, words.panel.actions.createQuote]);
      const menuBox = await inFrame(menu);
      expect(menuBox.x).toBeGreaterThanOrEqual(0);
      expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(320);
      await frame.page().keyboard.press('Escape');
      await expect.poll(() => more.evaluate((el) => el === document.activeElement)).toBe(true);
    });

    it(`${locale}: write forms sit at natural height (no ~120 px block per field)`, async () => {
      const frame = await ticketPanel(locale, 360);
      const words = WORDS[locale];
      await frame.getByRole('button', { name: words.panel.actions.editAddresses }).click();
      const form = frame.getByRole('region', { name: words.panel.actions.addressesRegion });
      await form.getByRole('textbox').first().waitFor();
      // Both addresses have both street lines.
      expect(await form.getByRole('textbox', { name: words.actions.address.street2 }).count()).toBe(2);
      const fields = await form.getByRole('textbox').count();
      const height = (await form.boundingBox())!.height;
      expect(height / fields).toBeLessThan(70);
    });

    it(`${locale} 320 px: every catalog row has its Add button at the row's end, whatever the item's name`, async () => {
      const frame = await ticketPanel(locale, 320);
      const words = WORDS[locale];
      await frame.getByRole('button', { name: words.panel.actions.more }).click();
      await frame.getByRole('menuitem', { name: words.panel.actions.createInvoice }).click();
      const results = frame.getByRole('list', { name: words.actions.document.results });
      await results.waitFor();
      const rows = await results.evaluate((list) =>
        [...list.querySelectorAll(':scope > li')].map((li) => {
          const row = li.getBoundingClientRect();
          const add = li.querySelector('button')!.getBoundingClientRect();
          return { name: li.textContent, rowRight: row.right, rowTop: row.top, rowBottom: row.bottom, addRight: add.right, addLeft: add.left, addTop: add.top, addBottom: add.bottom };
        }),
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows) {
        // Same row, at its end: never on a line of its own under the name.
        expect(r.rowRight - r.addRight, `${r.name}: Add ends at the row's end`).toBeLessThanOrEqual(1);
        expect(r.addTop - r.rowTop, `${r.name}: Add is beside the name, not under it`).toBeLessThan((r.rowBottom - r.rowTop) / 2);
      }
      // One column of Add buttons.
      expect(new Set(rows.map((r) => Math.round(r.addLeft))).size).toBe(1);
    });

  }
});
