// The build's V8 code caches (src/startup/code-cache.ts, made by scripts/warm-up.mjs) must be taken
// by V8 on every common path — a refused cache changes nothing but speed, so only a test sees it —
// and a stale or damaged cache must never change what the command does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runCommand } from '../helpers/cli';
import { FakeEc2 } from '../helpers/fake-ec2';

const reporter = join(projectRoot, 'test', 'startup', 'fixtures', 'report-code-cache.cjs');
const work = mkdtempSync(join(tmpdir(), 'code-cache-'));
const ec2 = new FakeEc2();

interface Report {
  accepted: number;
  rejected: number;
  missing: number;
}

/** Runs `node bin/aws.js args` of the install at `root` and returns its result with the loader's report. */
async function runReporting(root: string, args: string[], env: Record<string, string> = {}) {
  const reportFile = join(work, `report-${Math.random().toString(36).slice(2)}.json`);
  const result = await runCommand([process.execPath, '-r', reporter, join(root, 'bin', 'aws.js'), ...args], {
    env: {
      BUNDLE_DIR: join(root, 'dist'),
      CODE_CACHE_REPORT: reportFile,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_DEFAULT_REGION: 'us-east-1',
      ...env,
    },
  });
  return { ...result, report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report };
}

const op = ['ec2', 'release-ipam-pool-allocation'];
const callArgs = () => [...op, '--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24',
  '--ipam-pool-allocation-id', 'ipam-pool-alloc-1', '--endpoint-url', ec2.url];

beforeAll(async () => {
  await ec2.start();
});
afterAll(async () => {
  await ec2.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('code caches made by the build', () => {
  it.each([
    ['a call', () => callArgs(), 0],
    ['a call printed as a table', () => [...callArgs(), '--output', 'table'], 0],
    ['a skeleton', () => [...op, '--generate-cli-skeleton'], 0],
    ['a usage error', () => [...op], 252],
  ])('are taken by V8 for every file %s loads', async (_name, args, code) => {
    const { report, code: exitCode } = await runReporting(projectRoot, args());
    expect(exitCode).toBe(code);
    expect(report.accepted).toBeGreaterThan(0);
    expect(report).toEqual({ accepted: report.accepted, rejected: 0, missing: 0 });
  });

  it('hold code only: two environments and two clocks sign with their own keys, region, time and request ids', async () => {
    const runs = [
      { AWS_ACCESS_KEY_ID: 'AKIDFIRSTRUN', AWS_DEFAULT_REGION: 'eu-west-1' },
      { AWS_ACCESS_KEY_ID: 'AKIDSECONDRUN', AWS_DEFAULT_REGION: 'ap-south-1' },
    ];
    const seen: Array<{ authorization: string; date: string; id: string; at: number }> = [];
    for (const [i, env] of runs.entries()) {
      // the second run a clock second later: its X-Amz-Date must move with the clock
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1100));
      const first = ec2.requests.length;
      const { report, code } = await runReporting(projectRoot, callArgs(), env);
      expect(code).toBe(0);
      expect(report).toEqual({ accepted: report.accepted, rejected: 0, missing: 0 });
      const request = ec2.requests[first]!;
      seen.push({ authorization: String(request.headers.authorization), date: String(request.headers['x-amz-date']), id: String(request.headers['amz-sdk-invocation-id']), at: Date.now() });
    }
    const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
    for (const [i, { authorization, date, at }] of seen.entries()) {
      expect(authorization).toContain(`Credential=${runs[i]!.AWS_ACCESS_KEY_ID}/${date.slice(0, 8)}/${runs[i]!.AWS_DEFAULT_REGION}/ec2/aws4_request`);
      expect(authorization).not.toContain('AKIDWARMUP');
      // signed within the run (a few seconds before the run returned), not at build time
      expect(date >= amzDate(at - 10_000) && date <= amzDate(at)).toBe(true);
    }
    expect(seen[1]!.date > seen[0]!.date).toBe(true);
    expect(seen[1]!.id).not.toBe(seen[0]!.id);
  });

  it('a call reads its code from few files (the build puts what a call loads into one)', async () => {
    // the entry and the call's own file; ~20 before (each file costs finding, reading and a V8
    // cache of its own)
    const { report, code } = await runReporting(projectRoot, callArgs());
    expect(code).toBe(0);
    expect(report.accepted).toBeLessThanOrEqual(2);
  });

  it.each([
    ['a skeleton', [...op, '--generate-cli-skeleton'], 0],
    ['a usage error', [...op], 252],
  ])('%s reads its code from one file (what every start loads stays in the entry)', async (_name, args, code) => {
    const { report, code: exitCode } = await runReporting(projectRoot, args);
    expect(exitCode).toBe(code);
    expect(report).toEqual({ accepted: 1, rejected: 0, missing: 0 });
  });

  it('missing for the Node running (another V8): Node compiles the files, with its compile cache; same answer', async () => {
    const copy = join(work, 'no-caches');
    for (const dir of ['bin', 'dist']) cpSync(join(projectRoot, dir), join(copy, dir), { recursive: true, preserveTimestamps: true });
    rmSync(join(copy, 'dist', 'code-cache'), { recursive: true, force: true });
    const nodeCache = join(work, 'node-compile-cache');
    const result = await runReporting(copy, callArgs(), { NODE_COMPILE_CACHE: nodeCache });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '{\n    "Success": true\n}\n', '']);
    expect(result.report.accepted + result.report.rejected).toBe(0);
    expect(result.report.missing).toBeGreaterThan(0);
    // Node 22+ keeps what it compiled for the next run (Node 20 has no compile cache)
    if (Number(process.versions.node.split('.')[0]) >= 22) expect(readdirSync(nodeCache).length).toBeGreaterThan(0);
  });

  it('are not used for a file changed after the build, and a damaged one is refused: same answer', async () => {
    const copy = join(work, 'install');
    for (const dir of ['bin', 'dist']) cpSync(join(projectRoot, dir), join(copy, dir), { recursive: true, preserveTimestamps: true });
    const before = await runReporting(copy, callArgs());
    expect(before.report.rejected + before.report.missing).toBe(0);

    // two files every call loads: the entry is edited, the call's own file gets a damaged cache
    const cacheDir = join(copy, 'dist', 'code-cache', process.versions.v8);
    const callFile = readdirSync(join(copy, 'dist', 'chunks')).find((name) => name.startsWith('call-'))!;
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(copy, 'dist', 'aws.cjs'), future, future);
    const damagedCache = join(cacheDir, `chunks__${callFile}.v8`);
    writeFileSync(damagedCache, Buffer.alloc(readFileSync(damagedCache).length, 0x5a));
    utimesSync(damagedCache, future, future);

    const after = await runReporting(copy, callArgs());
    expect(after.report).toEqual({ accepted: before.report.accepted - 2, rejected: 1, missing: 1 });
    expect([after.code, after.stdout, after.stderr]).toEqual([before.code, before.stdout, before.stderr]);
    expect(after.stdout).toBe('{\n    "Success": true\n}\n');
  });
});
