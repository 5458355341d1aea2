/**
 * SPEC C5 on the settings page: hostile Billing organization names (and other organization text) are shown
 * as text in the chooser and the status card; nothing is injected.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createI18n } from '../../../src/i18n/i18n';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { SettingsPage } from '../../../src/settings/SettingsPage';
import { DANGEROUS_SCHEMES, INJECTED_TAGS, SHORT_XSS_PAYLOADS, XSS_MARKER_ATTRIBUTE } from '../../fixtures/xss';

function injectionProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const tag of INJECTED_TAGS) if (root.querySelector(tag)) problems.push(`<${tag}>`);
  if (root.querySelector(`[${XSS_MARKER_ATTRIBUTE}]`)) problems.push(XSS_MARKER_ATTRIBUTE);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) problems.push(`${el.tagName} ${attr.name}`);
  }
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href.startsWith('https://') || DANGEROUS_SCHEMES.test(href)) problems.push(`link ${href.slice(0, 60)}`);
  }
  return problems;
}

describe('hostile organization text on the settings page', () => {
  for (const offset of [0, 29]) {
    it(`organization names from the corpus (offset ${offset}) are listed as text`, async () => {
      const env = await createSandboxHost({ location: 'settings' });
      env.sandbox.faults.organizations = 'many';
      const visible = env.sandbox.dataset.organizationSets.many;
      const names: string[] = [];
      visible.forEach((id, i) => {
        const org = env.sandbox.dataset.organizations.find((o) => o.organization_id === id)!;
        const payload = SHORT_XSS_PAYLOADS[(offset + i) % SHORT_XSS_PAYLOADS.length]!.value;
        org.name = payload;
        org.contact_name = SHORT_XSS_PAYLOADS[(offset + i + 7) % SHORT_XSS_PAYLOADS.length]!.value;
        org.email = SHORT_XSS_PAYLOADS[(offset + i + 11) % SHORT_XSS_PAYLOADS.length]!.value;
        names.push(payload.trim());
      });
      const context = env.host.context();
      render(<SettingsPage host={env.host} i18n={createI18n(context.locale, context.user.timeZone)} />);
      const group = await screen.findByRole('group', { name: /Choose the Zoho Billing organization/ }, { timeout: 8000 });
      const options = within(group).getAllByRole('radio');
      expect(options.length).toBeGreaterThan(1);
      const shown = names.filter((n) => n !== '' && (group.textContent ?? '').includes(n));
      expect(shown.length).toBeGreaterThan(0);
      expect(injectionProblems(document.body)).toEqual([]);

      // Choosing one puts its hostile name into the status card and the saved settings, still as text.
      await userEvent.setup().click(options[0]!);
      expect(injectionProblems(document.body)).toEqual([]);
    }, 30_000);
  }
});
