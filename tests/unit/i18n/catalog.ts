// The catalogs as the tests read them: every message key with its words (a plural node is one message
// with a form per Intl.PluralRules category).
import { isPluralNode, type PluralForms } from '../../../src/i18n/i18n';

export type Tree = { [key: string]: string | Tree };
export type Message = string | PluralForms;

export function messages(tree: Tree, prefix = ''): Map<string, Message> {
  const out = new Map<string, Message>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || isPluralNode(v)) out.set(key, v);
    else for (const [lk, lv] of messages(v, key)) out.set(lk, lv);
  }
  return out;
}

/** Every text of a message: the string, or each plural form. */
export function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
}
