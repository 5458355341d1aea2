/** Issue 20: every link put into a reply works when the customer reads it, or says until when. */
import { createI18n } from '../../../src/i18n/i18n';
import { replyHtml } from '../../../src/host/html';
import { linkNotice, paymentLinkFor, replyContent, untilWhen } from '../../../src/panel/actions/paymentLink';
import type { InvoiceDetail, ReplyLink } from '../../../src/billing/types';

const HOSTED: ReplyLink = { url: 'https://billing.zoho.com/hostedpage/2-abc/checkout', expiresAt: '2026-11-27T15:05:00-08:00' };

function api(invoiceUrl: string | null) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      getInvoice: async (id: string) => {
        calls.push(`getInvoice ${id}`);
        return { invoiceUrl } as InvoiceDetail;
      },
      createInvoicePaymentLink: async (id: string) => {
        calls.push(`createInvoicePaymentLink ${id}`);
        return HOSTED;
      },
    },
  };
}

describe('paymentLinkFor', () => {
  it("prefers the invoice's own page, which lasts: no hosted page is made", async () => {
    const a = api('https://zohosecurepay.com/billing/zylker/secure?CInvoiceID=2-x');
    expect(await paymentLinkFor(a.api, 'i1')).toEqual({ url: 'https://zohosecurepay.com/billing/zylker/secure?CInvoiceID=2-x', expiresAt: null });
    expect(a.calls).toEqual(['getInvoice i1']);
  });

  it('without one (or a non-https one), a hosted page with its expiry', async () => {
    for (const own of [null, '', 'javascript:alert(1)', 'http://x.example']) {
      const a = api(own);
      expect(await paymentLinkFor(a.api, 'i1')).toEqual(HOSTED);
      expect(a.calls).toEqual(['getInvoice i1', 'createInvoicePaymentLink i1']);
    }
  });

  it('the detail at hand spares the read', async () => {
    const a = api('https://unused.example');
    expect(await paymentLinkFor(a.api, 'i1', { invoiceUrl: null })).toEqual(HOSTED);
    expect(a.calls).toEqual(['createInvoicePaymentLink i1']);
  });
});

describe('the reply', () => {
  it('a lasting link: the sentence and the link, nothing about an expiry', () => {
    const en = createI18n('en', 'America/Los_Angeles');
    expect(replyContent(en, 'payment', 'INV-1', { url: 'https://x.example/i', expiresAt: null })).toEqual({ text: 'You can view and pay invoice INV-1 using the link below.', url: 'https://x.example/i' });
  });

  it('an expiring one says until when, with the zone, in the reply language (Japanese in keigo)', () => {
    const en = createI18n('en', 'America/Los_Angeles');
    expect(untilWhen(en, HOSTED.expiresAt!)).toBe('Nov 27, 2026, 3:05 PM (PST)');
    expect(replyContent(en, 'payment', 'INV-1', HOSTED).after).toBe(
      'This link works until Nov 27, 2026, 3:05 PM (PST). If it has expired when you open it, just reply to this message and we will send you a new one.',
    );
    const ja = createI18n('ja', 'Asia/Tokyo');
    const reply = replyContent(ja, 'card', 'スタンダード（月額）', HOSTED);
    expect(reply.text).toBe('スタンダード（月額） のお支払いに使用するカードは、以下のリンクから更新いただけます。');
    expect(reply.after).toBe(
      'なお、こちらのリンクの有効期限は 2026年11月28日 8:05（JST）です。期限が過ぎている場合は、お手数ですが本メールにご返信ください。新しいリンクをお送りいたします。',
    );
    expect(linkNotice(ja, 'payment', 'inserted', HOSTED)).toBe('支払いリンクを返信に挿入しました。有効期限は 2026年11月28日 8:05（JST）です。');
    expect(linkNotice(en, 'card', 'copied', { ...HOSTED, expiresAt: null })).toBe('Card update link copied.');
  });

  it('goes into the editor as text, link, then the line after it, all escaped', () => {
    expect(replyHtml('Pay <here>:', 'https://x.example/?a=1&b=2', 'Until 3 PM & later')).toBe(
      'Pay &lt;here&gt;:<br><a href="https://x.example/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">https://x.example/?a=1&amp;b=2</a><br>Until 3 PM &amp; later',
    );
  });
});
