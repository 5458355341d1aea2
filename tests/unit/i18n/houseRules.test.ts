// translations/README.md's house rules, over both catalogs. Each rule is also shown to catch a bad string,
// so none of these can pass by checking nothing.
import { describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import ja from '../../../translations/ja.json';
import { JA_TERMS } from '../../fixtures/jaTerms';
import { messages, type Message, type Tree } from './catalog';
import { englishViolations, japaneseTypographyViolations, termViolations } from './lint';

const jaMessages = messages(ja as Tree);
const enMessages = messages(en as Tree);
const one = (key: string, message: Message) => new Map([[key, message]]);

describe('Japanese: one word per concept, Zoho\'s (ja-terms.md §2 as data)', () => {
  it('no Japanese message uses a word the guide bans for a concept, and each concept\'s strings use Zoho\'s word', () => {
    expect(termViolations(jaMessages, JA_TERMS)).toEqual([]);
  });

  it.each([
    ['保存済みの紐付けで一致', 'Mapping a Desk contact'],
    ['各エージェントのパネル', 'Agent'],
    ['Billing の組織の管理者にお問い合わせください。', 'ticket only'],
    ['更新なし', 'Renewal'],
    ['自動回収', 'Auto-collect'],
    ['支払条件', 'Okurigana'],
    ['「再試行」を押したときだけ', 'Quoting control names'],
    ['今日の上限', 'Today'],
    ['{name} と連携しました。', 'Choosing the Billing organization'],
  ])('catches %s', (bad, concept) => {
    const bannedOnly = JA_TERMS.map((rule) => ({ ...rule, keys: [] }));
    const found = termViolations(one('x', bad), bannedOnly);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(concept);
  });

  it("catches a concept's string that lost Zoho's word", () => {
    const catalog = new Map(jaMessages);
    catalog.set('panel.subscriptions.autoCollect', '自動');
    expect(termViolations(catalog, JA_TERMS)).toEqual(['panel.subscriptions.autoCollect: does not say 自動課金 (Auto-collect)']);
  });
});

describe('Japanese typography', () => {
  it('one spacing rule, full-width punctuation, Zoho brackets and 「、」 lists in every Japanese message', () => {
    expect(japaneseTypographyViolations(jaMessages)).toEqual([]);
  });

  it.each([
    'Zoho Billingに接続できませんでした。',
    '1分ほど待ってください。',
    '{name}を追加',
    '本日（UTC）: {calls} 回',
    'ID {id} · 通貨 {currency}',
    '{calls} 回 / 上限 {cap} 回',
    '検索条件：a, b',
    '[ 連携 ]をクリック',
  ])('catches %s', (bad) => {
    expect(japaneseTypographyViolations(one('x', bad))).toHaveLength(1);
  });

  it('a placeholder holding Japanese text (a date, a reason) may touch Japanese', () => {
    expect(japaneseTypographyViolations(one('x', '{date}に終了予定。{reason}'))).toEqual([]);
  });
});

describe('English', () => {
  it('every count of things is a plural node; American spelling; no contractions', () => {
    expect(englishViolations(enMessages)).toEqual([]);
  });

  it.each([
    'Shown from {minutes} minutes ago.',
    '{count} billing cycles left',
    '{count} check(s) failed.',
    'The connection is not authorised.',
    "Couldn't check.",
  ])('catches %s', (bad) => {
    expect(englishViolations(one('x', bad)).length).toBeGreaterThan(0);
  });

  it('a plural node passes', () => {
    expect(englishViolations(one('x', { one: '{count} billing cycle left', other: '{count} billing cycles left' }))).toEqual([]);
  });
});
