// `npm run shots` renders Japanese screens: without a CJK font Chromium draws every Japanese character
// as an empty box and the shots look fine at a glance. So the run stops first, with the command to run.
import { execFileSync } from 'node:child_process';

export const CJK_INSTALL = 'sudo apt-get install -y fonts-noto-cjk';

/** Asks fontconfig (Chromium's font source on Linux) for the fonts that cover Japanese. */
function fcListJapanese() {
  return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/**
 * null when a Japanese font is installed, else the sentence to print. `list` returns fc-list's output
 * (or throws when fc-list cannot run); tests pass their own.
 */
export function missingCjkFont(list = fcListJapanese) {
  let families;
  try {
    families = list();
  } catch {
    return `Cannot tell whether a Japanese font is installed: fc-list (fontconfig) did not run. Install both: sudo apt-get install -y fontconfig fonts-noto-cjk`;
  }
  if (families.split('\n').some((line) => line.trim())) return null;
  return `No Japanese (CJK) font is installed, so the Japanese shots would show empty boxes. Install one: ${CJK_INSTALL} (or pass --locales en)`;
}
