// Spawning the built `aws` binary (and the real AWS CLI) exactly as a user would, in a clean,
// isolated environment: an empty HOME, no AWS settings from the machine, no instance metadata.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject, type TestContext } from 'vitest';
import { assertNoLeaks } from './secrets';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const ourBinary = join(projectRoot, 'bin', 'aws.js');
export const realAws = '/usr/bin/aws';

/** Paths of our `aws` (the checkout's, installed copies, the standalone executable): their output is scanned for secrets. */
const ourBinaries = new Set([ourBinary]);
export function registerOurBinary(path: string): void {
  ourBinaries.add(path);
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  /** Extra environment; `undefined` values remove a variable. */
  env?: Record<string, string | undefined>;
  /** Text for stdin (default: empty stdin). */
  input?: string;
  cwd?: string;
  /** Kill after this many ms (default 30 s). */
  timeoutMs?: number;
}

/** A fresh HOME with no AWS configuration. */
export function emptyHome(): string {
  return mkdtempSync(join(tmpdir(), 'aws-home-'));
}

/** The environment every run starts from: nothing inherited that could change the CLI's behaviour. */
export function baseEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    // the test run's own temporary directory (test/global-setup.ts), removed with the run
    TMPDIR: tmpdir(),
  };
}

export async function runCommand(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  if (options.env?.HOME !== undefined) return runIn(options.env.HOME, argv, options);
  const home = emptyHome();
  try {
    return await runIn(home, argv, options);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function runIn(home: string, argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const env: Record<string, string> = baseEnv(home);
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, cwd: options.cwd ?? home, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
        signal,
      };
      // Our CLI never prints a secret it was not given on the command line or stdin (the real CLI's
      // --debug log does print signatures and tokens, so only our binary is held to this).
      if (argv.some((word) => ourBinaries.has(word))) {
        try {
          assertNoLeaks(argv.slice(2).join(' '), result, [...argv, options.input ?? '']);
        } catch (error) {
          reject(error);
          return;
        }
      }
      resolvePromise(result);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Runs our `aws` (node bin/aws.js). */
export function runOurs(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runCommand([process.execPath, ourBinary, ...args], options);
}

/** Runs the real AWS CLI v2 (Debian `awscli`, 2.9.19). */
export function runReal(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runCommand([realAws, ...args], options);
}

/**
 * Why the real CLI the differential tests compare with (AWS CLI v2 2.9.19 at /usr/bin/aws) cannot
 * be used here, or undefined when it can; worked out once per run (test/global-setup.ts).
 */
export const realAwsProblem: string | undefined = inject('realAwsProblem') || undefined;
export const haveRealAws = realAwsProblem === undefined;

/** Skips the running test, saying why, when the real CLI is missing or another version. */
export function skipWithoutRealAws(context: TestContext): void {
  if (realAwsProblem !== undefined) context.skip(realAwsProblem);
}
