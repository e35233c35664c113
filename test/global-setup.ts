// Once per `vitest run`, before any test: the tests spawn the built bundle (bin/ → dist/), so a
// bundle older than src/ is rebuilt first; the real CLI the differential tests compare with is
// checked once — in CI (CI set) a missing or wrong one fails the run, elsewhere the tests that
// need it are skipped and say why; and the run gets a temporary directory of its own (TMPDIR for
// every test process), removed when the run ends, failed tests or not — so whatever a test
// leaves behind in its temporary directory does not outlive the run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why /usr/bin/aws cannot serve the differential tests; empty when it can. */
    realAwsProblem: string;
  }
}

const root = join(import.meta.dirname, '..');
export const REAL_AWS = '/usr/bin/aws';
export const REAL_AWS_VERSION = '2.9.19';

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function bundleIsStale(): boolean {
  let built: number;
  try {
    built = statSync(join(root, 'dist', 'aws.cjs')).mtimeMs;
  } catch {
    return true;
  }
  return newestIn(join(root, 'src')) > built || statSync(join(root, 'package-lock.json')).mtimeMs > built;
}

function realAwsProblem(): string {
  let version: string;
  try {
    version = execFileSync(REAL_AWS, ['--version'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
  } catch {
    return `${REAL_AWS} is not installed (apt-get install awscli gives AWS CLI v2 ${REAL_AWS_VERSION})`;
  }
  const found = /^aws-cli\/(\S+)/.exec(version)?.[1];
  return found === REAL_AWS_VERSION ? '' : `${REAL_AWS} is AWS CLI ${found ?? '?'}, not ${REAL_AWS_VERSION}`;
}

/** Set while a run's temporary directory is in use (both projects run this setup). */
const RUN_TMP = 'AWS_IPAM_TEST_RUN_TMP';

export default function setup(project: TestProject): (() => void) | void {
  let teardown: (() => void) | undefined;
  if (!process.env[RUN_TMP]) {
    const runTmp = mkdtempSync(join(tmpdir(), 'aws-ipam-test-run-'));
    process.env[RUN_TMP] = runTmp;
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = runTmp;
    teardown = () => {
      rmSync(runTmp, { recursive: true, force: true });
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      delete process.env[RUN_TMP];
    };
  }
  if (bundleIsStale()) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const problem = realAwsProblem();
  if (problem && process.env.CI) throw new Error(`CI needs the real CLI for the differential tests: ${problem}`);
  project.provide('realAwsProblem', problem);
  return teardown;
}
