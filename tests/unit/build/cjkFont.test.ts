// `npm run shots` stops, with the install command, when the Japanese shots would be empty boxes.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CJK_INSTALL, missingCjkFont } from '../../../scripts/cjkFont.mjs';
import { projectRoot } from '../../../scripts/pack.mjs';

describe('the CJK font check of npm run shots', () => {
  it('passes when fontconfig lists a Japanese font', () => {
    expect(missingCjkFont(() => 'Noto Sans CJK JP,Noto Sans CJK JP Regular\n')).toBeNull();
  });

  it('names the install command when no font covers Japanese', () => {
    expect(missingCjkFont(() => '')).toContain(CJK_INSTALL);
    expect(missingCjkFont(() => '\n  \n')).toContain('apt-get install -y fonts-noto-cjk');
  });

  it('says so, with the command, when fc-list itself cannot run', () => {
    const message = missingCjkFont(() => {
      throw new Error('spawn fc-list ENOENT');
    });
    expect(message).toMatch(/fc-list/);
    expect(message).toContain('fonts-noto-cjk');
  });

  it('stops the run before any build or browser when fc-list finds nothing', () => {
    // A PATH whose fc-list prints nothing: the script must exit 1 with the command, having shot nothing.
    const bin = mkdtempSync(join(tmpdir(), 'zbd-fc-'));
    writeFileSync(join(bin, 'fc-list'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'fc-list'), 0o755);
    const run = spawnSync(process.execPath, ['scripts/shots.mjs', '--only', 'ticket-overview'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
      timeout: 20_000,
    });
    rmSync(bin, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(CJK_INSTALL);
    expect(run.stdout).not.toMatch(/shots in/);
  });
});
