// SPEC A1 in real Chromium: Connect works on the FIRST click. The admin arrives with Desk's page focused,
// so the first mousedown inside the extension also focuses its window, and the page re-checks the
// connection on focus; that re-check must not take the button away between mousedown and mouseup.
import en from '../../translations/en.json';
import { SIM_RESUME_URL } from '../../src/sandbox/desk/fakeZohoDesk';
import { openLocation, useSimulator } from './harness';

const e2e = useSimulator();

async function openedUrls(): Promise<string[]> {
  return e2e.page.evaluate(() => window.__deskSimulator!.state().opened);
}

describe('Connect (A1)', () => {
  for (const attempt of [1, 2, 3]) {
    it(`one click opens the authorisation page (try ${attempt} of 3)`, async () => {
      const frame = await openLocation(e2e.page, 'settings', { faults: { notAuthorised: true } }, { storage: 'empty' });
      const connect = frame.getByRole('button', { name: en.settings.connect.button, exact: true });
      await connect.waitFor();
      // Focus on Desk's own page, outside the extension's frame, as when the admin opens the settings page.
      await e2e.page.getByRole('heading', { level: 1 }).click();
      const before = await openedUrls();

      await connect.click();

      // The simulator logs every window.open of the frame; exactly one new entry, the resume URL.
      await expect.poll(async () => (await openedUrls()).slice(before.length), { timeout: 5_000 }).toEqual([SIM_RESUME_URL]);
      await frame.getByText(en.settings.connect.afterOpen).waitFor();
    });
  }

  it('the panel\'s Connect (ticket page, admin) also opens the authorisation page on the first click', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { faults: { notAuthorised: true } });
    const connect = frame.getByRole('button', { name: en.panel.notConnected.connect, exact: true });
    await connect.waitFor();
    await e2e.page.getByRole('heading', { level: 1 }).click();
    const before = await openedUrls();
    await connect.click();
    await expect.poll(async () => (await openedUrls()).slice(before.length), { timeout: 5_000 }).toEqual([SIM_RESUME_URL]);
  });

  it('coming back from the authorisation tab still checks again', async () => {
    const frame = await openLocation(e2e.page, 'settings', { faults: { notAuthorised: true } }, { storage: 'empty' });
    await frame.getByRole('button', { name: en.settings.connect.button, exact: true }).click();
    await e2e.page.evaluate(() => window.__deskSimulator!.configure({ faults: { notAuthorised: false } }, { reload: false }));
    // The admin returns from the Zoho tab: the extension's window gets the focus back.
    await e2e.page.getByRole('heading', { level: 1 }).click();
    await frame.getByRole('heading', { level: 1 }).click();
    await frame.getByRole('button', { name: en.settings.connect.button, exact: true }).waitFor({ state: 'detached' });
  });
});
