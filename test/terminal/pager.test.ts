// In a real terminal (tmux): help pages in the help pager, command output through the output
// pager and its settings, and Ctrl-C in the pager and while waiting for the service.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { FakeEc2 } from '../helpers/fake-ec2';
import { haveTmux, script, Terminal } from './tmux';

const keys = { AWS_ACCESS_KEY_ID: 'AKIDTESTKEY00000000', AWS_SECRET_ACCESS_KEY: 'test/secret', AWS_DEFAULT_REGION: 'us-east-1' };
const op = 'aws ec2 release-ipam-pool-allocation --ipam-pool-id ipam-pool-1 --cidr 10.0.0.0/24 --ipam-pool-allocation-id ipam-pool-alloc-1';
const SUCCESS = '{\n    "Success": true\n}';
/** The last shell prompt of the screen is alone on its line: the terminal is usable again. */
const promptLast = (screen: string) => /(^|\n)\$$/.test(screen.trimEnd());

/** An endpoint that accepts requests and never answers. */
async function silentEndpoint(): Promise<{ url: string; asked: () => Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer(() => {
    requests++;
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Resolves once a request has arrived (bounded by the test's timeout). */
    asked: async () => {
      const seen = requests;
      while (requests === seen) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('in a terminal: help, pager, interrupts', () => {
  beforeEach(skipUnless(haveTmux, 'tmux is not installed (apt-get install tmux)'));
  let term: Terminal;
  let ec2: FakeEc2;
  let silent: Awaited<ReturnType<typeof silentEndpoint>>;
  const pagers = mkdtempSync(join(tmpdir(), 'aws-pagers-'));
  const call = () => `${op} --endpoint-url ${ec2.url}`;

  beforeEach(async () => {
    term = await Terminal.start({ env: keys });
  });
  afterEach(async () => {
    await term?.kill();
  });

  beforeAll(async () => {
    ec2 = await new FakeEc2().start();
    silent = await silentEndpoint();
    // fake pagers that say who they are and what they were given, then show the output
    for (const name of ['pager-a', 'pager-b', 'pager-c']) {
      script(pagers, name, `echo "[${name} args=$* LESS=$LESS]"; cat`);
    }
    script(join(pagers, 'less-dir'), 'less', 'echo "[less args=$* LESS=$LESS]"; cat');
    mkdirSync(join(pagers, 'not-a-program'), { recursive: true });
  });

  afterAll(async () => {
    await ec2?.stop();
    await silent?.close();
  });

  const config = (body: string) => {
    mkdirSync(join(term.home, '.aws'), { recursive: true });
    writeFileSync(join(term.home, '.aws', 'config'), body);
  };

  test('help opens in the pager; Ctrl-C does not end it, q does, with exit 0', async () => {
    await term.clear();
    const n = await term.command('aws ec2 release-ipam-pool-allocation help');
    const page = await term.waitFor(/^:/m, 15_000, { escapes: true });
    expect(page).toContain('RELEASE-IPAM-POOL-ALLOCATION()');
    // less shows the page's bold headings in bold
    expect(page).toMatch(/\x1b\[1mNAME\n\x1b\[0m/);
    await term.press('C-c');
    await expect(term.waitFor(`EXIT${n}:`, 700)).rejects.toThrow(/timed out/);
    expect(await term.screen()).toContain('RELEASE-IPAM-POOL-ALLOCATION()');
    await term.press('q');
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).not.toMatch(/Error|Traceback|\n\s+at /);
  });

  test('aws help and aws ec2 help list only what this CLI provides', async () => {
    await term.clear();
    let n = await term.command('aws ec2 help');
    // the page fits on the screen: less says (END) at once
    let screen = await term.waitFor(/^\(END\)/m);
    expect(screen).toContain('AVAILABLE COMMANDS');
    expect(screen).toMatch(/o release-ipam-pool-allocation/);
    await term.press('q');
    expect(await term.exit(n)).toBe(0);
    await term.clear();
    n = await term.command('aws help');
    screen = await term.waitFor(/^:/m);
    expect(screen).toContain('AWS()');
    await term.type('/AVAILABLE SERVICES');
    await term.press('Enter');
    screen = await term.waitFor('AVAILABLE SERVICES');
    await term.press('q');
    expect(await term.exit(n)).toBe(0);
  });

  test('output goes through less with LESS=FRX: a short answer stays on the screen, exit 0', async () => {
    await term.clear();
    const n = await term.command(call());
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).toContain(SUCCESS);
  });

  test('with the user\'s LESS, less waits for q; Ctrl-C there ends the CLI with 130 once less is done', async () => {
    await term.clear();
    const n = await term.command(`LESS=-R ${call()}`);
    await term.waitFor('(END)');
    await term.press('C-c');
    await expect(term.waitFor(`EXIT${n}:`, 700)).rejects.toThrow(/timed out/);
    await term.press('q');
    expect(await term.exit(n)).toBe(130);
    const screen = await term.waitFor(promptLast);
    expect(screen).not.toMatch(/Error|Traceback|\n\s+at /);
  });

  test('which pager: AWS_PAGER, then the profile\'s cli_pager, then PAGER, then less', async () => {
    config('[default]\ncli_pager = pager-c --from-profile\n');
    const path = `PATH=${pagers}/less-dir:${pagers}:$PATH`;
    const cases: Array<[string, RegExp | undefined]> = [
      [`${path} AWS_PAGER='pager-a -x' PAGER=pager-b`, /\[pager-a args=-x LESS=FRX\]/],
      [`${path} PAGER=pager-b`, /\[pager-c args=--from-profile LESS=FRX\]/],
      [`${path} AWS_PAGER= PAGER=pager-b`, undefined],
      [`${path} LESS=-iM AWS_PAGER=pager-a`, /\[pager-a args= LESS=-iM\]/],
    ];
    for (const [env, expected] of cases) {
      await term.clear();
      const n = await term.command(`${env} ${call()}`);
      expect(await term.exit(n)).toBe(0);
      const screen = await term.screen();
      expect(screen).toContain(SUCCESS);
      if (expected) expect(screen).toMatch(expected);
      else expect(screen).not.toMatch(/\[(pager|less)/);
    }
    config('[default]\n');
    for (const [env, expected] of [
      [`${path} PAGER=pager-b`, /\[pager-b args= LESS=FRX\]/],
      [`${path}`, /\[less args= LESS=FRX\]/],
      [`${path} AWS_PAGER=pager-a`, /\[pager-a/],
    ] as Array<[string, RegExp]>) {
      await term.clear();
      const n = await term.command(`${env} ${call()}`);
      expect(await term.exit(n)).toBe(0);
      expect(await term.screen()).toMatch(expected);
    }
    // --no-cli-pager and an empty cli_pager switch it off
    await term.clear();
    let n = await term.command(`${path} AWS_PAGER=pager-a ${call()} --no-cli-pager`);
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).not.toContain('[pager-a');
    config('[default]\ncli_pager =\n');
    await term.clear();
    n = await term.command(`${path} PAGER=pager-b ${call()}`);
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).not.toContain('[pager-b');
    config('[default]\n');
  });

  const pagerError = (detail: string) =>
    `Unable to redirect output to pager. Received the following error when opening pager:\n${detail}\n\n` +
    'Learn more about configuring the output pager by running "aws help config-vars".';

  test('a pager that is not installed: the CLI\'s error and exit 253, before anything is sent (--dry-run too)', async () => {
    for (const extra of ['', ' --dry-run']) {
      await term.clear();
      const sent = ec2.requests.length;
      const n = await term.command(`AWS_PAGER=no-such-pager ${call()}${extra}`);
      expect(await term.exit(n)).toBe(253);
      const screen = await term.screen();
      expect(screen).toContain(pagerError("[Errno 2] No such file or directory: 'no-such-pager'"));
      expect(screen).not.toContain(SUCCESS);
      expect(ec2.requests.length, `requests${extra}`).toBe(sent);
    }
  });

  test('a pager that is found but cannot be started: its error, exit 253, nothing sent', async () => {
    await term.clear();
    const sent = ec2.requests.length;
    const dir = join(pagers, 'not-a-program');
    const n = await term.command(`AWS_PAGER=${dir} ${call()}`);
    expect(await term.exit(n)).toBe(253);
    expect(await term.screen()).toContain(pagerError(`[Errno 13] Permission denied: '${dir}'`));
    expect(ec2.requests.length).toBe(sent);
  });

  test('a pager that starts and stops reading does not turn success into failure', async () => {
    await term.clear();
    const n = await term.command(`AWS_PAGER=true ${call()}`);
    expect(await term.exit(n)).toBe(0);
  });

  test('Ctrl-C while waiting for the service: a new line, exit 130, no stack trace', async () => {
    await term.clear();
    const asked = silent.asked();
    const n = await term.command(`${op} --endpoint-url ${silent.url}`);
    await asked;
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
    const screen = await term.screen();
    expect(screen).toMatch(new RegExp(`\\^C\\nEXIT${n}:130`));
    expect(screen).not.toMatch(/Error|Traceback|\n\s+at /);
  });
});
