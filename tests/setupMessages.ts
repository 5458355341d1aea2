// The app loads its catalogs per language at start (src/entries/startWidget.tsx); tests that build an
// I18n directly get both up front, as a widget has them once started.
import { addMessages } from '../src/i18n/i18n';
import en from '../translations/en.json';
import ja from '../translations/ja.json';

addMessages('en', en);
addMessages('ja', ja);
