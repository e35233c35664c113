// Once per `vitest run`, before any test: the tests spawn the built bundle (bin/ → dist/), so a
// bundle older than src/ is rebuilt first; and the real CLI the differential tests compare with is
// checked once — in CI (CI set) a missing or wrong one fails the run, elsewhere the tests that
// need it are skipped and say why.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

export default function setup(project: TestProject): void {
  if (bundleIsStale()) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const problem = realAwsProblem();
  if (problem && process.env.CI) throw new Error(`CI needs the real CLI for the differential tests: ${problem}`);
  project.provide('realAwsProblem', problem);
}
