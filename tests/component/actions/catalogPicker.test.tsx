import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogEntry } from '../../../src/billing/types';
import { createI18n } from '../../../src/i18n/i18n';
import { CatalogPicker } from '../../../src/panel/actions/CatalogPicker';
import { I18nProvider } from '../../../src/ui/i18nContext';

const entry = (id: string, name: string): CatalogEntry => ({ kind: 'item', id, name, description: '', price: 10, currencyCode: 'USD' });

/** listCatalog whose answers the test releases one by one, in any order. */
function slowCatalog() {
  const asked: Array<{ query: string; answer: (entries: CatalogEntry[]) => void; fail: (e: unknown) => void }> = [];
  const api = {
    listCatalog: (query: string) =>
      new Promise<CatalogEntry[]>((answer, fail) => {
        asked.push({ query, answer, fail });
      }),
  };
  return { api, asked };
}

function renderPicker(api: { listCatalog: (query: string) => Promise<CatalogEntry[]> }) {
  const onAdd = vi.fn<(e: CatalogEntry) => void>();
  render(
    <I18nProvider i18n={createI18n('en', 'UTC')}>
      <CatalogPicker api={api} baseCurrency="USD" disabled={false} onAdd={onAdd} />
    </I18nProvider>,
  );
  return onAdd;
}

describe('CatalogPicker', () => {
  it('the latest search wins: a slower answer to an earlier search never replaces it', async () => {
    const { api, asked } = slowCatalog();
    const user = userEvent.setup();
    const onAdd = renderPicker(api);
    await user.type(screen.getByLabelText('Search items and plans'), 'setup');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(asked.map((a) => a.query)).toEqual(['', 'setup']);

    asked[1]!.answer([entry('i2', 'On-site setup')]);
    const list = await screen.findByRole('list', { name: 'Items and plans found' });
    asked[0]!.answer([entry('i1', 'Everything (initial list)')]);
    await new Promise((r) => setTimeout(r, 20));
    expect(within(list).getByText('On-site setup')).toBeInTheDocument();
    expect(screen.queryByText('Everything (initial list)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
    expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ id: 'i2' }));
  });

  it('a failed search offers Retry, which asks again for the same text', async () => {
    const { api, asked } = slowCatalog();
    const user = userEvent.setup();
    renderPicker(api);
    asked[0]!.fail(new Error('offline'));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('status')).toHaveTextContent(/loading/i);
    expect(asked.map((a) => a.query)).toEqual(['', '']);
    asked[1]!.answer([]);
    expect(await screen.findByText('Zoho Billing has no active items or plans.')).toBeInTheDocument();
  });
});
