// The auto-prompt in a real terminal (tmux): the menu, filtering, choosing, panels, the modes
// that start it, Ctrl-C, history, colour, and live values from the local IPAM endpoint.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer as createHttps, type Server as HttpsServer } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { DENIED_KEY, ec2Client, KEY, REGION, startTestEmulator } from '../emulator/support';
import type { RunningEmulator } from '../../src/emulator/index';
import { haveTmux, Terminal } from './tmux';
import { makeTestCa, TestProxy } from '../helpers/tls';

const op = 'aws ec2 release-ipam-pool-allocation';
const keys = {
  AWS_ACCESS_KEY_ID: KEY.accessKeyId,
  AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
  AWS_DEFAULT_REGION: REGION,
  // live lookups go to the address the command would call: keep every one of them on this machine
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
};
const skeletonOutput = '--generate-cli-skeleton output';

/** The rows of the menu: lines under the input that start with a space and an option or value. */
const menu = (screen: string) => screen.split('\n').filter((line) => /^ \S/.test(line)).map((line) => line.trim());

describe('in a terminal: the auto-prompt', () => {
  beforeEach(skipUnless(haveTmux, 'tmux is not installed (apt-get install tmux)'));
  let term: Terminal;
  let emulator: RunningEmulator;
  let poolId: string;
  let allocation: { id: string; cidr: string };

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const sdk = await ec2Client(emulator.url);
    const { CreateIpamCommand, CreateIpamPoolCommand, ProvisionIpamPoolCidrCommand, AllocateIpamPoolCidrCommand } = await import('@aws-sdk/client-ec2');
    const ipam = (await sdk.send(new CreateIpamCommand({ OperatingRegions: [{ RegionName: REGION }] }))).Ipam!;
    const pool = (
      await sdk.send(new CreateIpamPoolCommand({ IpamScopeId: ipam.PrivateDefaultScopeId, AddressFamily: 'ipv4', Locale: REGION, Description: 'terminal test pool' }))
    ).IpamPool!;
    poolId = pool.IpamPoolId!;
    await sdk.send(new ProvisionIpamPoolCidrCommand({ IpamPoolId: poolId, Cidr: '10.0.0.0/16' }));
    const a = (await sdk.send(new AllocateIpamPoolCidrCommand({ IpamPoolId: poolId, NetmaskLength: 24 }))).IpamPoolAllocation!;
    allocation = { id: a.IpamPoolAllocationId!, cidr: a.Cidr! };
    sdk.destroy();
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(async () => {
    // wide enough for whole command lines on one row
    term = await Terminal.start({ env: keys, columns: 240 });
  });
  afterEach(async () => {
    await term?.kill();
  });

  test('opens with the parameters, required ones first and marked, each with its type and docs', async () => {
    await term.command(`${op} --cli-auto-prompt`);
    const screen = await term.waitFor('[Tab] suggest');
    expect(screen).toMatch(new RegExp(`^> ${op}$`, 'm'));
    expect(menu(screen).slice(0, 5)).toEqual([
      expect.stringMatching(/^--ipam-pool-id \(required\)\s+\[string\] The ID of the IPAM pool which contains/),
      expect.stringMatching(/^--cidr \(required\)\s+\[string\] The CIDR of the allocation you want to release\.$/),
      expect.stringMatching(/^--ipam-pool-allocation-id \(required\)\s+\[string\] The ID of the allocation\.$/),
      expect.stringMatching(/^--dry-run\s+\[boolean\] A check for whether/),
      expect.stringMatching(/^--no-dry-run\s+\[boolean\]/),
    ]);
    // the switches of the prompt itself are not offered
    expect(menu(screen).join('\n')).not.toContain('-cli-auto-prompt');
  });

  test('filters as you type, Tab chooses, Enter takes it; values of choice options are offered', async () => {
    await term.command(`${op} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.type('--apa');
    let screen = await term.waitFor((s) => menu(s).length === 1);
    expect(menu(screen)[0]).toMatch(/^--ipam-pool-allocation-id \(required\)/);
    await term.press('Tab');
    await term.waitFor(`> ${op} --ipam-pool-allocation-id\n`);
    await term.press('Enter');
    await term.waitFor((s) => menu(s).length === 0);
    await term.type(' x --output ');
    screen = await term.waitFor((s) => menu(s).length === 5);
    expect(menu(screen)).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream']);
    await term.type('ya');
    screen = await term.waitFor((s) => menu(s).length === 2);
    expect(menu(screen)).toEqual(['yaml', 'yaml-stream']);
  });

  test('F3 shows documentation (of the command, or of the chosen option), F1 the keys, F5 a sample answer', async () => {
    await term.command(`${op} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.press('F3');
    let screen = await term.waitFor('Documentation');
    expect(screen).toContain('Release an allocation within an IPAM pool.');
    await term.press('Tab');
    screen = await term.waitFor('--ipam-pool-id (string) [required]');
    expect(screen).toContain('The ID of the IPAM pool which contains the allocation you want to release.');
    await term.press('F1');
    screen = await term.waitFor(' Keys ');
    expect(screen).toContain('Ctrl-C/D cancel');
    await term.press('Escape', 'F5');
    screen = await term.waitFor(' Sample output ');
    await term.waitFor('"Success": true');
  });

  test('Ctrl-C cancels: the line so far on stderr, nothing on stdout, exit 130', async () => {
    const err = join(term.home, 'err.txt');
    const n = await term.command(`${op} --cli-auto-prompt 2>${err}`);
    await term.waitFor('[Tab] suggest', 15_000);
    await term.type('--cidr 10.1.0.0/24');
    await term.waitFor('--cidr 10.1.0.0/24');
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
    expect(readFileSync(err, 'utf8')).toBe(`> ${op} --cidr 10.1.0.0/24\n`);
    // the prompt is gone and nothing was printed on stdout: the exit status follows the command line
    expect(await term.screen()).toMatch(new RegExp(`2>\\S+err\\.txt; echo "EXIT${n}:\\$\\?"\\n+EXIT${n}:130`));
  });

  test('Ctrl-D cancels too', async () => {
    const n = await term.command(`${op} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.press('C-d');
    expect(await term.exit(n)).toBe(130);
    expect(await term.screen()).toContain(`> ${op}\nEXIT${n}:130`);
  });

  test('live values: pools, then the pool\'s allocations and CIDRs; the command then runs', async () => {
    const n = await term.command(`${op} --endpoint-url ${emulator.url} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.type('--ipam-pool-id ');
    let screen = await term.waitFor((s) => menu(s).some((row) => row.startsWith(poolId)));
    expect(menu(screen)).toEqual([expect.stringMatching(new RegExp(`^${poolId}\\s+us-east-1\\s+\\S+\\s+terminal test pool$`))]);
    await term.press('Down', 'Enter');
    await term.type(' --ipam-pool-allocation-id ');
    screen = await term.waitFor((s) => menu(s).some((row) => row.startsWith(allocation.id)));
    expect(menu(screen)[0]).toMatch(new RegExp(`^${allocation.id}\\s+${allocation.cidr.replace(/[./]/g, '\\$&')}\\s+custom$`));
    await term.press('Down', 'Enter');
    await term.type(' --cidr ');
    screen = await term.waitFor((s) => menu(s).some((row) => row.startsWith(allocation.cidr)));
    await term.press('Down', 'Enter');
    await term.waitFor(`--cidr ${allocation.cidr}\n`);
    await term.press('Enter');
    expect(await term.exit(n)).toBe(0);
    screen = await term.screen();
    expect(screen).toContain(
      `> ${op} --endpoint-url ${emulator.url} --ipam-pool-id ${poolId} --ipam-pool-allocation-id ${allocation.id} --cidr ${allocation.cidr}\n` +
        '{\n    "Success": true\n}\n',
    );
    // the allocation is gone
    const sdk = await ec2Client(emulator.url);
    const { GetIpamPoolAllocationsCommand } = await import('@aws-sdk/client-ec2');
    const left = (await sdk.send(new GetIpamPoolAllocationsCommand({ IpamPoolId: poolId }))).IpamPoolAllocations ?? [];
    sdk.destroy();
    expect(left.map((a) => a.IpamPoolAllocationId)).not.toContain(allocation.id);
  });

  /** The status line (the reversed last row) once no lookup is running. */
  const settled = (flag: string) => (s: string) => !s.includes('looking up') && s.includes(`${flag}\n`) && s.includes('[Tab] suggest');

  test('when live values cannot be had, the status line says why (no Region, endpoint unreachable)', async () => {
    const n = await term.command(`AWS_DEFAULT_REGION= ${op} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.type('--ipam-pool-id ');
    let screen = await term.waitFor(settled('--ipam-pool-id'));
    expect(menu(screen)).toEqual([]);
    expect(screen).toContain('no values: no Region  [Tab] suggest');
    // an endpoint nobody answers at
    await term.type('x --region us-east-1 --endpoint-url http://127.0.0.1:9 --ipam-pool-allocation-id ');
    screen = await term.waitFor((s) => settled('--ipam-pool-allocation-id')(s) && s.includes('no values: endpoint unreachable'), 10_000);
    expect(menu(screen)).toEqual([]);
    expect(screen).not.toMatch(/Error|ECONNREFUSED/);
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
  });

  test.for([
    ['no credentials', 'env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY', 'no values: no credentials'],
    ['keys that may not describe pools', `AWS_ACCESS_KEY_ID=${DENIED_KEY.accessKeyId} AWS_SECRET_ACCESS_KEY=${DENIED_KEY.secretAccessKey}`, 'no values: access denied (UnauthorizedOperation)'],
  ])('the status line says why there are no pools: %s', async ([_label, prefix, status]) => {
    const n = await term.command(`${prefix} ${op} --endpoint-url ${emulator.url} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.type('--ipam-pool-id ');
    const screen = await term.waitFor((s) => settled('--ipam-pool-id')(s) && s.includes(status!), 10_000);
    expect(menu(screen)).toEqual([]);
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
  });

  test('the status line says when the endpoint has no pools, or the pool no allocations', async () => {
    const empty = await startTestEmulator();
    try {
      const n = await term.command(`${op} --endpoint-url ${empty.url} --cli-auto-prompt`);
      await term.waitFor('[Tab] suggest');
      await term.type('--ipam-pool-id ');
      await term.waitFor((s) => settled('--ipam-pool-id')(s) && s.includes('no values: no IPAM pools'), 10_000);
      await term.type('ipam-pool-0123456789abcdef0 --ipam-pool-allocation-id ');
      await term.waitFor((s) => settled('--ipam-pool-allocation-id')(s) && /no values: (no allocations in|the endpoint answered)/.test(s), 10_000);
      await term.press('C-c');
      expect(await term.exit(n)).toBe(130);
    } finally {
      await empty.stop();
    }
  });

  test('live values go the way the command goes: through the CONNECT proxy, to HTTPS trusted by --ca-bundle', async () => {
    const ca = makeTestCa();
    const front = await httpsInFrontOf(emulator.url, ca);
    const proxy = await new TestProxy().start();
    try {
      const line = `${op} --endpoint-url https://127.0.0.1:${front.port} --ca-bundle ${ca.caFile} --cli-auto-prompt`;
      const n = await term.command(`HTTPS_PROXY=${proxy.url} ${line}`);
      await term.waitFor('[Tab] suggest');
      await term.type('--ipam-pool-id ');
      const screen = await term.waitFor((s) => menu(s).some((row) => row.startsWith(poolId)));
      expect(menu(screen)[0]).toMatch(new RegExp(`^${poolId}\\s+us-east-1`));
      expect(proxy.log).toContainEqual(expect.objectContaining({ method: 'CONNECT', target: `127.0.0.1:${front.port}` }));
      expect(front.requests).toBeGreaterThan(0);
      await term.press('C-c');
      expect(await term.exit(n)).toBe(130);
    } finally {
      await proxy.stop();
      await front.stop();
    }
  });

  test('live values are not taken from an endpoint whose certificate the CA bundle does not vouch for', async () => {
    const ca = makeTestCa();
    const front = await httpsInFrontOf(emulator.url, ca);
    try {
      // no --ca-bundle: the test CA is not trusted, as it would not be for the command
      const n = await term.command(`${op} --endpoint-url https://127.0.0.1:${front.port} --cli-auto-prompt`);
      await term.waitFor('[Tab] suggest');
      await term.type('--ipam-pool-id ');
      const screen = await term.waitFor((s) => settled('--ipam-pool-id')(s) && s.includes("no values: the endpoint's certificate is not trusted"), 10_000);
      expect(menu(screen)).toEqual([]);
      expect(front.requests).toBe(0);
      await term.press('C-c');
      expect(await term.exit(n)).toBe(130);
    } finally {
      await front.stop();
    }
  });

  test('given words are quoted as the shell needs; a finished command gets a space for what follows', async () => {
    await term.command(`${op} --cidr 'a b' --ipam-pool-id "it's" --cli-auto-prompt`);
    const screen = await term.waitFor('[Tab] suggest');
    expect(screen).toContain(`> ${op} --cidr 'a b' --ipam-pool-id 'it'"'"'s'`);
  });

  test('on-partial: a valid command runs without a prompt; an incomplete one prompts, without the error', async () => {
    let n = await term.command(`AWS_CLI_AUTO_PROMPT=on-partial ${op} --ipam-pool-id p --cidr c --ipam-pool-allocation-id a --region us-east-1 ${skeletonOutput}`);
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).toContain('"Success": true');
    await term.clear();
    n = await term.command(`AWS_CLI_AUTO_PROMPT=on-partial ${op} --cidr c`);
    const screen = await term.waitFor('[Tab] suggest');
    expect(screen).not.toContain('[ERROR]');
    expect(screen).toContain(`> ${op} --cidr c`);
    await term.type('--ipam-pool-id p --ipam-pool-allocation-id a --region us-east-1 --generate-cli-skeleton output');
    await term.press('Escape', 'Enter');
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).toContain(`> ${op} --cidr c --ipam-pool-id p --ipam-pool-allocation-id a --region us-east-1 ${skeletonOutput}\n{\n    "Success": true\n}`);
  });

  test('AWS_CLI_AUTO_PROMPT=on and the profile\'s cli_auto_prompt start it; --no-cli-auto-prompt and help do not', async () => {
    let n = await term.command(`AWS_CLI_AUTO_PROMPT=on ${op}`);
    await term.waitFor('[Tab] suggest');
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
    mkdirSync(join(term.home, '.aws'), { recursive: true });
    writeFileSync(join(term.home, '.aws', 'config'), '[default]\ncli_auto_prompt = on\n');
    await term.clear();
    n = await term.command(op);
    await term.waitFor('[Tab] suggest');
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
    await term.clear();
    n = await term.command(`${op} --no-cli-auto-prompt`);
    expect(await term.exit(n)).toBe(252);
    expect(await term.screen()).toContain('aws: [ERROR]: the following arguments are required');
    await term.clear();
    n = await term.command(`${op} help | head -1`);
    expect(await term.exit(n)).toBe(0);
    expect(await term.screen()).toContain('RELEASE-IPAM-POOL-ALLOCATION()');
  });

  test('commands run from the prompt are remembered; Up brings them back', async () => {
    let n = await term.command(`${op} --cli-auto-prompt`);
    await term.waitFor('[Tab] suggest');
    await term.type('--ipam-pool-id p --cidr c --ipam-pool-allocation-id a --region us-east-1 --generate-cli-skeleton output');
    await term.press('Escape', 'Enter');
    expect(await term.exit(n)).toBe(0);
    const history = JSON.parse(readFileSync(join(term.home, '.aws', 'cli', 'cache', 'prompt_history.json'), 'utf8'));
    expect(history).toEqual({
      version: 1,
      commands: ['ec2 release-ipam-pool-allocation --ipam-pool-id p --cidr c --ipam-pool-allocation-id a --region us-east-1 --generate-cli-skeleton output'],
    });
    await term.clear();
    n = await term.command('aws --cli-auto-prompt');
    await term.waitFor('[Tab] suggest');
    await term.press('Escape', 'Up');
    await term.waitFor(`> ${op} --ipam-pool-id p --cidr c`);
    await term.press('C-c');
    expect(await term.exit(n)).toBe(130);
  });

  test('colours the menu, but not with NO_COLOR', async () => {
    let n = await term.command(`${op} --cli-auto-prompt`);
    let screen = await term.waitFor('[Tab] suggest', 15_000, { escapes: true });
    expect(screen).toMatch(/\x1b\[36m/);
    await term.press('C-c');
    await term.exit(n);
    await term.clear();
    n = await term.command(`NO_COLOR=1 ${op} --cli-auto-prompt`);
    screen = await term.waitFor('[Tab] suggest', 15_000, { escapes: true });
    expect(screen).not.toMatch(/\x1b\[(3\d|9\d|38;)/);
    // the chosen row is still shown (reverse video is not a colour)
    await term.press('Tab');
    screen = await term.waitFor(/\x1b\[7m/, 15_000, { escapes: true });
    await term.press('C-c');
    await term.exit(n);
  });
});

/** An HTTPS endpoint (a certificate of the test CA for 127.0.0.1) passing each request on to a plain HTTP one. */
async function httpsInFrontOf(target: string, ca: ReturnType<typeof makeTestCa>) {
  const upstream = new URL(target);
  let requests = 0;
  const server: HttpsServer = createHttps({ key: ca.key, cert: ca.cert }, (req, res) => {
    requests++;
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get requests() {
      return requests;
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
