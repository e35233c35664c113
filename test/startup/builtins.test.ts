// What Node loads for a call: the common call (plain HTTP to an IPv4 endpoint, a plain answer)
// needs none of node:net, node:stream, node:http or node:crypto (each costs milliseconds and
// megabytes at every call); the transport's own TCP connection (src/call/tcp.ts) carries it. Where
// that connection would make Node warn, or for a host name, node:net carries it: same answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ourBinary, projectRoot, runCommand } from '../helpers/cli';
import { FakeEc2 } from '../helpers/fake-ec2';

const reporter = join(projectRoot, 'test', 'startup', 'fixtures', 'report-builtins.cjs');
const withoutGetBuiltinModule = join(projectRoot, 'test', 'startup', 'fixtures', 'no-get-builtin-module.cjs');
const work = mkdtempSync(join(tmpdir(), 'builtins-'));
const ec2 = new FakeEc2();
const HEAVY = ['net', 'stream', 'http', 'crypto', 'tls', 'module', 'internal/streams/readable'];

async function runReporting(endpoint: string, env: Record<string, string> = {}, preload: string[] = []) {
  const report = join(work, `builtins-${Math.random().toString(36).slice(2)}.txt`);
  const args = ['ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24',
    '--ipam-pool-allocation-id', 'ipam-pool-alloc-1', '--endpoint-url', endpoint];
  const result = await runCommand([process.execPath, '-r', reporter, ...preload, ourBinary, ...args], {
    env: { BUILTINS_REPORT: report, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_DEFAULT_REGION: 'us-east-1', ...env },
  });
  return { result, builtins: readFileSync(report, 'utf8').split('\n') };
}

beforeAll(async () => {
  await ec2.start();
});
afterAll(async () => {
  await ec2.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('built-in modules a call loads', () => {
  it('a call to an IPv4 endpoint: none of node:net, node:stream, node:http, node:crypto', async () => {
    const { result, builtins } = await runReporting(ec2.url);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '{\n    "Success": true\n}\n', '']);
    expect(builtins.filter((m) => HEAVY.includes(m))).toEqual([]);
  });

  it('a skeleton and a usage error: none of node:module, node:net, node:stream (only node:vm, for the code caches)', async () => {
    for (const [args, code] of [[['--generate-cli-skeleton'], 0], [[], 252]] as const) {
      const report = join(work, `builtins-${Math.random().toString(36).slice(2)}.txt`);
      const result = await runCommand([process.execPath, '-r', reporter, ourBinary, 'ec2', 'release-ipam-pool-allocation', ...args], { env: { BUILTINS_REPORT: report } });
      expect(result.code).toBe(code);
      const builtins = readFileSync(report, 'utf8').split('\n');
      expect(builtins.filter((m) => ['module', ...HEAVY].includes(m))).toEqual([]);
    }
  });

  it.each([
    ['NODE_PENDING_DEPRECATION=1', { NODE_PENDING_DEPRECATION: '1' }],
    ['NODE_OPTIONS=--pending-deprecation', { NODE_OPTIONS: '--pending-deprecation' }],
  ])('with pending deprecations shown (%s): through node:net, no warning, the same answer', async (_name, env) => {
    const plain = await runReporting(ec2.url);
    const { result, builtins } = await runReporting(ec2.url, env);
    expect(result).toEqual(plain.result);
    expect(builtins).toContain('net');
  });

  it.each([
    ['an IPv4 endpoint', () => ec2.url],
    ['a host name', () => ec2.url.replace('127.0.0.1', 'localhost')],
  ])('a Node without process.getBuiltinModule (before 20.16): the bundle requires them itself, the same answer (%s)', async (_name, endpoint) => {
    const plain = await runReporting(endpoint());
    const { result, builtins } = await runReporting(endpoint(), {}, ['-r', withoutGetBuiltinModule]);
    expect(result).toEqual(plain.result);
    expect(builtins.filter((m) => m === 'module')).toEqual([]);
  });

  it('a host name (localhost): through node:net, the same answer', async () => {
    const plain = await runReporting(ec2.url);
    const { result, builtins } = await runReporting(ec2.url.replace('127.0.0.1', 'localhost'));
    expect(result).toEqual(plain.result);
    expect(builtins).toContain('net');
  });
});
