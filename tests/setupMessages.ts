// The app loads its catalogs per language at start (src/entries/startWidget.tsx); tests that build an
// I18n directly get both up front, as a widget has them once started.
// A key that neither catalog has would show as raw text ("actions.errors.over-cap"): every test that renders
// or words one fails (the type check catches literal keys; this catches keys built at run time).
import { afterEach } from 'vitest';
import { addMessages, onMissingKey } from '../src/i18n/i18n';
import en from '../translations/en.json';
import ja from '../translations/ja.json';

addMessages('en', en);
addMessages('ja', ja);

const missing: string[] = [];
export const reportMissing = (key: string, language: string): void => {
  missing.push(`${language}: ${key}`);
};
onMissingKey(reportMissing);

afterEach(() => {
  if (missing.length === 0) return;
  const keys = [...new Set(missing.splice(0))];
  throw new Error(`raw message keys reached the screen (no words in either catalog): ${keys.join(', ')}`);
});
