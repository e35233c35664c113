// Shell completion in real shells (tmux): bash with `complete -C aws_completer aws`, and zsh
// with bashcompinit, installed the way the README says.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { haveTmux, Terminal } from './tmux';

const haveZsh = (() => {
  try {
    execFileSync('zsh', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const INSTALL = {
  bash: 'complete -C aws_completer aws',
  zsh: 'autoload -Uz compinit bashcompinit && compinit -u && bashcompinit && complete -C aws_completer aws',
} as const;

for (const shell of ['bash', 'zsh'] as const) {
  describe(`in a terminal: ${shell} completion`, () => {
    beforeEach(skipUnless(haveTmux, 'tmux is not installed (apt-get install tmux)'));
    if (shell === 'zsh') beforeEach(skipUnless(haveZsh, 'zsh is not installed (apt-get install zsh)'));
    let term: Terminal;
    afterEach(async () => {
      await term?.kill();
    });

    const start = async () => {
      term = await Terminal.start({ shell });
      writeFileSync(join(term.home, 'release.json'), '{}');
      await term.type(INSTALL[shell]);
      await term.press('Enter');
      await term.clear();
    };

    /**
     * Types a line and presses Tab, then types `after` (a mark showing where the completion left
     * the cursor); returns the screen once it shows `until`, and empties the line.
     */
    const complete = async (line: string, until: RegExp | string, after = '') => {
      await term.type(line);
      await term.press('Tab');
      if (after) await term.type(after);
      return settle(until);
    };

    /** Types a line with several completions and asks the shell to list them (bash: Tab Tab, zsh: Tab). */
    const list = async (line: string, until: RegExp | string) => {
      await term.type(line);
      await term.press('Tab');
      if (shell === 'bash') await term.press('Tab');
      return settle(until);
    };

    const settle = async (until: RegExp | string) => {
      const screen = await term.waitFor(until);
      await term.press('C-e', 'C-u');
      await term.clear();
      return screen;
    };

    test('commands, options, values and file paths', async () => {
      await start();
      // a finished word gets a space after it
      await complete('aws ec2 rel', /\$ aws ec2 release-ipam-pool-allocation #$/m, '#');
      await complete('aws e', /\$ aws ec2 #$/m, '#');
      await complete('aws ec2 release-ipam-pool-allocation --dry', /--dry-run #$/m, '#');
      await complete('aws ec2 release-ipam-pool-allocation --cli-input-json file://rel', /file:\/\/release\.json/);
      let screen = await list('aws ec2 release-ipam-pool-allocation --ipam-pool-', '--ipam-pool-allocation-id');
      expect(screen).toContain('--ipam-pool-id');
      screen = await list('aws ec2 release-ipam-pool-allocation --output ', 'yaml-stream');
      for (const format of ['json', 'text', 'table', 'yaml']) expect(screen).toMatch(new RegExp(`\\b${format}\\b`));
      screen = await list('aws --color o', /\boff\b/);
      expect(screen).toMatch(/\bon\b/);
      await list('aws --region eu-west-', 'eu-west-3');
    });
  });
}
