// SPEC C4 in real Chromium at the side panel's narrowest widths: nothing clipped, focus ring whole,
// forms at their natural height, and the first screen not eaten by the strip and buttons.
import type { Frame } from 'playwright-core';
import en from '../../translations/en.json';
import ja from '../../translations/ja.json';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import { openLocation, useSimulator } from './harness';

const e2e = useSimulator();
const WORDS = { en, ja } as const;
const PANEL_HEIGHT = 800;

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
      it(`${locale} ${width} px: the strip plus the action buttons take at most a third of an ${PANEL_HEIGHT} px panel`, async () => {
        const frame = await ticketPanel(locale, width);
        const strip = frame.getByRole('list', { name: WORDS[locale].panel.summary.label });
        const actions = frame.getByRole('group', { name: WORDS[locale].panel.actions.label });
        await actions.waitFor();
        const top = (await strip.boundingBox())!.y;
        const bottom = Math.max(...(await Promise.all([strip, actions].map(async (l) => (await l.boundingBox())!))).map((b) => b.y + b.height));
        expect(bottom - top).toBeLessThanOrEqual(PANEL_HEIGHT / 3);
      });
    }

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
      await frame.getByRole('button', { name: words.panel.actions.createInvoice }).click();
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

    it(`${locale} 320 px: the payment-link buttons break, if at all, only before "this ticket"`, async () => {
      const frame = await ticketPanel(locale, 320);
      const words = WORDS[locale];
      const actions = frame.getByRole('group', { name: words.panel.actions.label });
      const note = words.panel.actions.insertTicketLink.replace(/^.*\{number\}/, '').trim();
      const buttons = actions.getByRole('button', { name: new RegExp(`^${words.panel.actions.insertLink.replace('{number}', '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
      await buttons.first().waitFor();
      expect(await buttons.count()).toBe(2);
      for (const button of await buttons.all()) {
        // Where each rendered line starts, read per character of the label as the browser laid it out.
        const { text, breaks } = await button.evaluate((el) => {
          const chars: Array<{ at: number; top: number }> = [];
          let at = 0;
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const value = node.nodeValue ?? '';
            for (let i = 0; i < value.length; i += 1, at += 1) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = range.getClientRects()[0];
              if (rect && value[i]!.trim()) chars.push({ at, top: rect.top });
            }
          }
          const found: number[] = [];
          for (let i = 1; i < chars.length; i += 1) if (chars[i]!.top > chars[i - 1]!.top + 2) found.push(chars[i]!.at);
          return { text: el.textContent ?? '', breaks: found };
        });
        // The words are laid out, not changed: the button's name is still the whole sentence.
        expect(await actions.getByRole('button', { name: text, exact: true }).count()).toBe(1);
        const allowed = note && text.endsWith(note) ? [text.length - note.length] : [];
        expect({ text, breaks }).toEqual({ text, breaks: breaks.filter((b) => allowed.includes(b)) });
        expect(breaks.length, text).toBeLessThanOrEqual(1);
      }
    });
  }
});
