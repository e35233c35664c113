// `aws-ipam-emulator` as a user starts it (flags, messages, default state location, stopping) and
// `npm start`, the README's first command.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, emptyHome, projectRoot, runCommand } from '../helpers/cli';
import { form, KEY, rawRequest, tempDir } from './support';

const emulatorBinary = join(projectRoot, 'bin', 'aws-ipam-emulator.js');
const run = (args: string[], env: Record<string, string> = {}) => runCommand([process.execPath, emulatorBinary, ...args], { env });

/** Starts the binary, waits for its first line, and gives back a way to stop it with a signal. */
function start(args: string[], env: Record<string, string> = {}) {
  const home = emptyHome();
  const child = spawn(process.execPath, [emulatorBinary, ...args], { env: { ...baseEnv(home), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /listening on (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, ready, exited, home, output: () => ({ stdout, stderr }) };
}

describe('aws-ipam-emulator', () => {
  it('--help prints the usage with the default key pairs', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: aws-ipam-emulator \[--port N\]/);
    expect(result.stdout).toContain('AKIAIPAMEMULATOR0000 / LocalIpamEmulatorSecretAccessKey/0000000 (every action)');
    expect(result.stdout).toContain('AKIAIPAMEMULATORDENY / LocalIpamEmulatorSecretAccessKey/DENY000 (no action)');
  });

  it('refuses unknown arguments and bad ports with exit status 2', async () => {
    const unknown = await run(['--prot', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^aws-ipam-emulator: unknown argument '--prot'\nusage: /);
    const badPort = await run(['--port', 'http']);
    expect([badPort.code, badPort.stderr.split('\n')[0]]).toEqual([2, "aws-ipam-emulator: --port must be a number from 0 to 65535, not 'http'"]);
    const noValue = await run(['--state']);
    expect(noValue.stderr.split('\n')[0]).toBe('aws-ipam-emulator: --state needs a value');
  });

  it('says when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await run(['--port', String(port), '--state', join(tempDir(), 'state.json')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`aws-ipam-emulator: port ${port} on 127.0.0.1 is already in use; choose another with --port (0 picks a free one)\n`);
    } finally {
      blocker.close();
    }
  });

  it('binds 127.0.0.1, keeps its state under $XDG_DATA_HOME by default, logs requests, and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const emulator = start(['--port', '0'], { XDG_DATA_HOME: data });
    const url = await emulator.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const statePath = join(data, 'aws-ipam-emulator', 'state.json');
    expect(emulator.output().stdout).toBe(
      `aws-ipam-emulator listening on ${url}\n` +
        `  state file: ${statePath}\n` +
        '  key pair:   AWS_ACCESS_KEY_ID=AKIAIPAMEMULATOR0000 AWS_SECRET_ACCESS_KEY=LocalIpamEmulatorSecretAccessKey/0000000\n' +
        `  try:        aws ec2 describe-ipams --endpoint-url ${url} --region us-east-1\n`,
    );
    expect(statSync(join(data, 'aws-ipam-emulator')).mode & 0o777).toBe(0o700);
    expect((await rawRequest(url, { body: form('DescribeIpams') })).status).toBe(200);
    emulator.child.kill('SIGTERM');
    expect(await emulator.exited).toBe(0);
    expect(emulator.output().stderr).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z POST DescribeIpams -> 200 \(AKIAIPAMEMULATOR0000, us-east-1\)\n$/);
    expect(existsSync(`${statePath}.lock`)).toBe(false);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).format).toBe('aws-ipam-emulator-state');
  });

  it('--credentials replaces the accepted key pairs; a bad file is a clear error', async () => {
    const dir = tempDir();
    const credentials = join(dir, 'keys.json');
    const custom = { accessKeyId: 'AKIACUSTOM0000000000', secretAccessKey: 'custom-secret' };
    writeFileSync(credentials, JSON.stringify({ credentials: [{ ...custom, permissions: ['DescribeIpams'] }] }));
    const emulator = start(['--port', '0', '--state', join(dir, 'state.json'), '--credentials', credentials, '--quiet']);
    const url = await emulator.ready;
    expect(emulator.output().stdout).toContain('AWS_ACCESS_KEY_ID=AKIACUSTOM0000000000 AWS_SECRET_ACCESS_KEY=custom-secret');
    expect((await rawRequest(url, { body: form('DescribeIpams'), sign: custom })).status).toBe(200);
    expect((await rawRequest(url, { body: form('DescribeIpamPools'), sign: custom })).code).toBe('UnauthorizedOperation');
    expect((await rawRequest(url, { body: form('DescribeIpams'), sign: KEY })).code).toBe('AuthFailure');
    emulator.child.kill('SIGINT');
    expect(await emulator.exited).toBe(0);

    writeFileSync(credentials, '{"credentials": [{"accessKeyId": "x"}]}');
    const bad = await run(['--port', '0', '--state', join(dir, 'state.json'), '--credentials', credentials]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `aws-ipam-emulator: credentials file ${credentials}: entry 1 needs "accessKeyId" and "secretAccessKey" strings and "permissions" of "all", "none" or a list of action names\n`,
    );
  });
});

describe('npm start', () => {
  it('shows the whole job against a fresh emulator in a few seconds, with no warnings', async () => {
    const result = await runCommand([process.execPath, join(projectRoot, 'scripts', 'demo.mjs')], {
      env: { AWS_REGION: 'eu-central-1' },
      timeoutMs: 60_000,
    });
    // stderr holds only the second release's error, from our CLI (as a terminal would show it)
    expect(result.stderr).toMatch(
      /^\nAn error occurred \(InvalidIpamPoolAllocationId\.NotFound\) when calling the ReleaseIpamPoolAllocation operation: The IPAM pool allocation \(ipam-pool-alloc-0[0-9a-f]{32}\) does not exist\.\n$/,
    );
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^# Start the local IPAM endpoint/);
    expect(out).toMatch(/aws-ipam-emulator listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(out).toContain('--address-family ipv4 --locale eu-central-1');
    expect(out).toMatch(/\$ node bin\/aws\.js --endpoint-url http:\/\/127\.0\.0\.1:\d+ ec2 release-ipam-pool-allocation \\\n/);
    expect(out).toContain('{\n    "Success": true\n}\n');
    expect(out).toContain("# The pool's allocations afterwards:\n{\n    \"IpamPoolAllocations\": []\n}\n");
    expect(out).toMatch(/fails exactly as EC2 makes it fail:\n\$ node bin\/aws\.js [^\n]+\\\n[^\n]+\\\n[^\n]+\n\(exit status 254\)\n/);
    // the throwaway state is gone and the emulator stopped
    const stateDir = /--state (\S+)\/state\.json/.exec(out)![1]!;
    expect(existsSync(stateDir)).toBe(false);
  });
});
