// The agent's Desk look beyond light and dark (issue 22): meta.userPreferences' theme colour, font family and
// pure dark, read through the host seam in every shape a portal might plausibly send.
import { lookOf } from '../../../src/host/entities';

const never = () => null;
const dark = () => true;

describe("the agent's Desk look (meta.userPreferences)", () => {
  it('the documented shape', () => {
    expect(lookOf({ appearance: 'dark', theme: 'green', fontFamily: 'Lato' }, never)).toEqual({ appearance: 'dark', pureDark: false, theme: 'green', fontFamily: 'Lato' });
  });

  it.each([
    ['pureDark', { appearance: 'pureDark' }],
    ['PureDark', { appearance: 'PureDark' }],
    ['pure_dark', { appearance: 'pure_dark' }],
    ['"Pure Dark"', { appearance: 'Pure Dark' }],
    ['dark with a pureDark flag', { appearance: 'dark', pureDark: true }],
  ])('pure dark as %s', (_, prefs) => {
    expect(lookOf(prefs, never)).toMatchObject({ appearance: 'dark', pureDark: true });
  });

  it('a pureDark flag on a light appearance is not pure dark (there is nothing dark to deepen)', () => {
    expect(lookOf({ appearance: 'light', pureDark: true }, never)).toMatchObject({ appearance: 'light', pureDark: false });
  });

  it('auto follows the browser', () => {
    expect(lookOf({ appearance: 'auto', theme: 'red' }, dark)).toMatchObject({ appearance: 'dark', theme: 'red' });
    expect(lookOf({ appearance: 'auto' }, never)).toMatchObject({ appearance: 'light' });
  });

  it.each([
    ['a name', 'orange', 'orange'],
    ['another case', 'Yellow', 'yellow'],
    ['a prefixed name', 'theme-blue', 'blue'],
    ['an object', { name: 'red' }, 'red'],
    ['an object with a value', { value: 'GREEN' }, 'green'],
    ['an unknown colour', 'purple', null],
    ['a hex colour (no name we can keep contrast for)', '#ff00ff', null],
    ['a number', 3, null],
  ])('theme as %s', (_, theme, expected) => {
    expect(lookOf({ appearance: 'light', theme }, never).theme).toBe(expected);
  });

  it.each([
    ['a name', 'Roboto', 'Roboto'],
    ['lower case', 'puvi', 'Puvi'],
    ['a CSS stack', "'Lato', sans-serif", 'Lato'],
    ['an object', { name: 'Lato' }, 'Lato'],
    ['under another key', undefined, 'Roboto'],
    ['an unknown family (never written into the page)', 'Comic Sans MS', null],
  ])('font family as %s', (_, fontFamily, expected) => {
    const prefs = fontFamily === undefined ? { font: 'Roboto' } : { fontFamily };
    expect(lookOf(prefs, never).fontFamily).toBe(expected);
  });

  it('JSON strings, a bare appearance, nothing at all', () => {
    expect(lookOf(JSON.stringify({ appearance: 'dark', theme: 'green', fontFamily: 'Lato' }), never)).toEqual({ appearance: 'dark', pureDark: false, theme: 'green', fontFamily: 'Lato' });
    expect(lookOf('pureDark', never)).toEqual({ appearance: 'dark', pureDark: true, theme: null, fontFamily: null });
    expect(lookOf(undefined, never)).toEqual({ appearance: 'light', pureDark: false, theme: null, fontFamily: null });
    expect(lookOf(null, never)).toEqual({ appearance: 'light', pureDark: false, theme: null, fontFamily: null });
    expect(lookOf([1, 2], never)).toEqual({ appearance: 'light', pureDark: false, theme: null, fontFamily: null });
  });
});
