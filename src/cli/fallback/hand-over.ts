// Handing a command line this clone does not provide to the AWS CLI named by AWS_CLI_FALLBACK,
// as if it had been typed to that CLI: the same arguments, environment, standard streams and
// terminal; signals sent to this process are passed on; its exit status becomes ours.
import type { ChildProcess } from 'node:child_process';
import { FallbackUnusable, currentSelf, locateFallback } from '../../util/fallback-cli';
import { GeneralError } from '../../runtime/errors';
import type { Io } from '../../runtime/io';

/** How the other CLI ended: an exit code, or the signal that killed it. */
export type Outcome = { readonly code: number } | { readonly signal: NodeJS.Signals };

/**
 * Set in the other CLI's environment: which command line was handed over, and how many hand-overs
 * deep. The same command line coming back means AWS_CLI_FALLBACK leads back here (a wrapper that
 * runs `aws` again); a different one is legitimate (the other CLI's credential_process running
 * `aws configure export-credentials`, which may reach this clone first on PATH).
 */
export const HANDOVER_MARKER = 'AWS_IPAM_RELEASE_HANDED_OVER';
const MAX_DEPTH = 8;

interface Marker {
  readonly depth: number;
  readonly argv: readonly string[];
}

function readMarker(env: NodeJS.ProcessEnv): Marker | undefined {
  try {
    const marker = JSON.parse(env[HANDOVER_MARKER] ?? '') as Marker;
    return Number.isInteger(marker.depth) && Array.isArray(marker.argv) ? marker : undefined;
  } catch {
    return undefined;
  }
}

const sameArgs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

// Passed on as they arrive. SIGINT and SIGQUIT typed at a terminal reach the whole foreground
// process group, the other CLI included: passing them on too would deliver them twice.
const FORWARDED: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGUSR1', 'SIGUSR2'];
const FROM_TERMINAL: readonly NodeJS.Signals[] = ['SIGINT', 'SIGQUIT'];

export async function handOver(value: string, argv: readonly string[], io: Io, cwd: string): Promise<Outcome> {
  try {
    return await handOverTo(value, argv, io, cwd);
  } catch (error) {
    throw error instanceof FallbackUnusable ? new GeneralError(error.message) : error;
  }
}

async function handOverTo(value: string, argv: readonly string[], io: Io, cwd: string): Promise<Outcome> {
  const executable = locateFallback(value, io.env, cwd, currentSelf());
  const previous = readMarker(io.env);
  if (previous && (previous.depth >= MAX_DEPTH || sameArgs(previous.argv, argv))) {
    throw new FallbackUnusable(value, 'it leads back to this CLI (a loop)');
  }
  const { spawn } = await import('node:child_process');
  const env = { ...io.env, [HANDOVER_MARKER]: JSON.stringify({ depth: (previous?.depth ?? 0) + 1, argv }) };
  // Listening before the other CLI starts: a signal sent the moment it shows any sign of life
  // must reach it, not end this process.
  const onTerminal = io.stdinIsTty || io.stdoutIsTty;
  let child: ChildProcess | undefined;
  const early: NodeJS.Signals[] = [];
  const listeners = new Map<NodeJS.Signals, () => void>();
  for (const signal of [...FORWARDED, ...FROM_TERMINAL]) {
    const pass = FORWARDED.includes(signal) || !onTerminal;
    const listener = () => {
      if (!pass) return;
      if (child) child.kill(signal);
      else early.push(signal);
    };
    listeners.set(signal, listener);
    process.on(signal, listener);
  }
  try {
    child = spawn(executable, argv, { stdio: 'inherit', env });
    for (const signal of early) child.kill(signal);
    return await ended(child, value);
  } finally {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  }
}

function ended(child: ChildProcess, value: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(new FallbackUnusable(value, `it could not be started (${error.code ?? error.message})`));
    });
    child.once('exit', (code, signal) => resolve(signal ? { signal } : { code: code ?? 0 }));
  });
}
