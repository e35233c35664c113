// Table output on a terminal: `--color auto` colours it (with colorama's reset after every
// write), and the terminal's width decides when tables turn vertical (a width of 0 counts as
// narrow). Run under `script`, which gives the command a pseudo-terminal. Expected bytes were
// recorded from AWS CLI 2.33.31 the same way; 2.9.19 is compared live when installed.
import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { ourBinary, realAws, runCommand, skipWithoutRealAws } from '../helpers/cli';

const script = '/usr/bin/script';
const args =
  "ec2 release-ipam-pool-allocation --ipam-pool-id a --cidr b --ipam-pool-allocation-id c --generate-cli-skeleton output " +
  "--region us-east-1 --output table --query '{a: `1`, b: `\"xy\"`}'";

const R = '\x1b[0m';
const blue = (text: string) => `\x1b[1m\x1b[34m${text}${R}`;
const line = (text: string) => `${R}${R}${text}${R}${R}\n`;
const top = '---------------------------\n';
const title = line('|ReleaseIpamPoolAllocation|');
const rule = line('+----------+--------------+');

const horizontal =
  top + title + rule + line('|     a    |      b       |') + rule + line(`|  ${blue('1')}       |  ${blue('xy')}          |`) + rule + `${R}${R}`;
const vertical =
  top + title + rule + line(`|  ${blue('a')}       |  ${blue('1')}           |`) + line(`|  ${blue('b')}       |  ${blue('xy')}          |`) + rule + `${R}${R}`;

async function onTerminal(binary: string, columns: number): Promise<string> {
  const result = await runCommand([script, '-qec', `stty cols ${columns}; ${binary} ${args}`, '/dev/null']);
  return result.stdout.replaceAll('\r\n', '\n');
}

describe('table output on a terminal', () => {
  beforeEach(skipUnless(existsSync(script), `${script} (util-linux) is not installed`));
  test.each([
    [200, horizontal],
    [20, vertical],
    [0, vertical],
  ])('%i columns', async (columns, expected) => {
    expect(await onTerminal(`${process.execPath} ${ourBinary}`, columns)).toBe(expected);
  });

  test.for([200, 20, 0])('same as live aws 2.9.19 at %i columns', async (columns, context) => {
    skipWithoutRealAws(context);
    const [ours, real] = await Promise.all([onTerminal(`${process.execPath} ${ourBinary}`, columns), onTerminal(realAws, columns)]);
    expect(ours).toBe(real);
  });
});
