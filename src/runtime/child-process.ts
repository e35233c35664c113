// Finding and running the external programs the terminal features hand work to (groff, pagers).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `name` exists in a PATH directory (an absolute name is checked as it is). */
export function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));
}

export interface Captured {
  readonly stdout: Buffer;
  readonly code: number | null;
}

/** Runs a filter program: `input` on its stdin, its stdout collected, its stderr discarded. */
export function runFilter(argv: readonly string[], input: string | Buffer, env: NodeJS.ProcessEnv): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(chunks), code }));
    child.stdin!.on('error', () => {});
    child.stdin!.end(input);
  });
}

/**
 * Starts a program that reads `input` on stdin and owns the terminal (stdout and stderr are ours).
 * Resolves when it ends; rejects only if it could not be started. A program that stops reading
 * early (a pager quit before the end) is not an error.
 */
export function runOnTerminal(argv: readonly string[], input: string | Buffer, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['pipe', 'inherit', 'inherit'] });
    } catch (error) {
      reject(error);
      return;
    }
    let started = false;
    child.once('spawn', () => {
      started = true;
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    });
    child.once('error', (error) => {
      if (!started) reject(error);
    });
    child.once('close', (code) => resolve(code));
  });
}
