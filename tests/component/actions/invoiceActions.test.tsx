import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvoiceActions } from '../../../src/panel/actions';
import { pdfFileName } from '../../../src/panel/actions/InvoiceActions';
import { CUSTOMER_ID, setupActions } from './harness';

async function setup(options: { status?: 'unpaid' | 'paid'; canInsert?: boolean; location?: 'ticket' | 'contact'; ownPage?: boolean } = {}) {
  const t = await setupActions({ location: options.location ?? 'ticket' });
  const wire = t.sandbox.dataset.invoices.find(
    (i) =>
      i.customer_id === CUSTOMER_ID &&
      (options.status === 'paid' ? i.status === 'paid' : ['sent', 'overdue', 'partially_paid'].includes(i.status)),
  );
  if (!wire) throw new Error('no such invoice in the sandbox');
  // invoices.yml's own example has `invoice_url: ""`: an invoice without a page of its own.
  if (options.ownPage === false) wire.invoice_url = '';
  const invoice = await t.api.getInvoice(wire.invoice_id);
  t.renderUi(
    <InvoiceActions
      host={t.host}
      api={t.api}
      invoice={invoice}
      organization={{ id: t.org.organization_id, dataCenter: 'US' }}
      canInsert={options.canInsert ?? true}
    />,
  );
  const user = userEvent.setup();
  return { ...t, invoice, user };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('InvoiceActions', () => {
  it("inserts the invoice's own page, which does not expire: escaped text plus an https link, no hosted page", async () => {
    const t = await setup();
    await t.user.click(screen.getByRole('button', { name: 'Insert payment link' }));
    expect(await screen.findByText('Payment link inserted into the reply.')).toBeInTheDocument();
    const inserted = t.sim.log.inserted as Array<{ value: string }>;
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.value).toContain(`You can view and pay invoice ${t.invoice.number} using the link below.`);
    expect(inserted[0]!.value).toContain(`<a href="${t.invoice.invoiceUrl!.replace(/&/g, '&amp;')}"`);
    expect(inserted[0]!.value).not.toMatch(/works until|<script|javascript:/i);
    expect(t.posts('/hostedpages/invoicepayment')).toBe(0);
  });

  it('without a page of its own: a hosted page, and the button, the reply and the notice say until when', async () => {
    const t = await setup({ ownPage: false });
    await t.user.click(screen.getByRole('button', { name: 'Insert payment link (valid 1 hour)' }));
    const notice = await screen.findByText(/^Payment link inserted into the reply\. It works until .+\.$/);
    expect(t.posts('/hostedpages/invoicepayment')).toBe(1);
    const value = (t.sim.log.inserted as Array<{ value: string }>)[0]!.value;
    expect(value).toMatch(/<a href="https:\/\/billing\.zoho\.com\/hostedpage\/[^"]+"/);
    // The sentence after the link names the same time as the agent's notice, with its zone.
    const time = /It works until (.+)\.$/.exec(notice.textContent ?? '')![1]!;
    expect(time).toMatch(/\(.+\)$/);
    expect(value).toContain(`<br>This link works until ${time}. If it has expired when you open it, just reply to this message and we will send you a new one.`);
  });

  it('copies the same link without creating a second payment page', async () => {
    const t = await setup({ ownPage: false });
    const writeText = vi.fn<(s: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await t.user.click(screen.getByRole('button', { name: 'Insert payment link (valid 1 hour)' }));
    await screen.findByText(/^Payment link inserted into the reply\./);
    await t.user.click(screen.getByRole('button', { name: 'Copy payment link (valid 1 hour)' }));
    expect(await screen.findByText(/^Payment link copied\. It works until /)).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]![0]).toMatch(/^https:\/\/billing\.zoho\.com\/hostedpage\//);
    expect(t.posts('/hostedpages/invoicepayment')).toBe(1);
  });

  it('shows the link to copy by hand when the clipboard is unavailable', async () => {
    const t = await setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await t.user.click(screen.getByRole('button', { name: 'Copy payment link' }));
    expect(await screen.findByText(/clipboard is not available/)).toBeInTheDocument();
    expect((screen.getByLabelText('Payment link') as HTMLInputElement).value).toMatch(/^https:\/\//);
  });

  it('opens the invoice in Zoho Billing over https', async () => {
    const t = await setup();
    await t.user.click(screen.getByRole('button', { name: 'Open invoice' }));
    expect(t.sim.log.opened).toEqual([`https://billing.zoho.com/app/${t.org.organization_id}#/invoices/${t.invoice.id}`]);
  });

  it('downloads the PDF as <number>.pdf and revokes the object URL', async () => {
    const t = await setup();
    const created: Blob[] = [];
    const revoked: string[] = [];
    const downloads: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test/1';
    });
    URL.revokeObjectURL = vi.fn((url: string) => {
      revoked.push(url);
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download}|${this.getAttribute('href')}`);
    });
    await t.user.click(screen.getByRole('button', { name: 'Download PDF' }));
    expect(await screen.findByText(`${t.invoice.number}.pdf downloaded.`)).toBeInTheDocument();
    expect(downloads).toEqual([`${t.invoice.number}.pdf|blob:test/1`]);
    expect(created[0]!.type).toBe('application/pdf');
    await waitFor(() => expect(revoked).toEqual(['blob:test/1']));
  });

  it('explains a failure in plain words', async () => {
    const t = await setup();
    t.sandbox.faults.mode = 'server-error';
    await t.user.click(screen.getByRole('button', { name: 'Download PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Zoho Billing ran into a problem.');
  });

  it('offers no payment link for a paid invoice, and no insert where there is no reply editor', async () => {
    await setup({ status: 'paid' });
    expect(screen.queryByRole('button', { name: 'Insert payment link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy payment link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeInTheDocument();
  });

  it('without a reply editor only copy is offered', async () => {
    await setup({ canInsert: false, location: 'contact' });
    expect(screen.queryByRole('button', { name: 'Insert payment link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy payment link' })).toBeInTheDocument();
  });

  it('never lets Billing text become HTML in the reply', async () => {
    const t = await setupActions({ location: 'ticket' });
    const wire = t.sandbox.dataset.invoices.find((i) => i.customer_id === CUSTOMER_ID && i.status !== 'paid' && i.status !== 'void')!;
    t.renderUi(
      <InvoiceActions
        host={t.host}
        api={t.api}
        invoice={{ id: wire.invoice_id, number: '<img src=x onerror=alert(1)>', status: 'sent', balance: 10 }}
        organization={{ id: t.org.organization_id, dataCenter: 'US' }}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Insert payment link' }));
    await screen.findByText('Payment link inserted into the reply.');
    const value = (t.sim.log.inserted as Array<{ value: string }>)[0]!.value;
    expect(value).not.toContain('<img');
    expect(value).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('names PDF files safely', () => {
    expect(pdfFileName('INV/2026:7')).toBe('INV_2026_7.pdf');
    // Issue 11: no internal id anywhere in the panel, so an invoice without a number is not named by its id.
    expect(pdfFileName('')).toBe('invoice.pdf');
  });
});
