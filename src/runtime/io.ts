// The process's streams and environment, passed to every phase so that nothing else touches
// process.stdout/stderr directly (tests and the auto-prompt can supply their own).
import { fstatSync, statSync, writeSync } from 'node:fs';

export interface Io {
  readonly env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout / stdin are terminals (pager, colour, prompt decisions). */
  readonly stdoutIsTty: boolean;
  readonly stdinIsTty: boolean;
  /** Resolves once everything written has been handed to the OS. */
  flush(): Promise<void>;
}

/**
 * Writes go straight to the file descriptors, and whether one is a terminal is asked only when a
 * decision needs it: touching process.stdout / stdin / stderr builds Node's stream objects (the
 * stream, fs-stream or net machinery), which cost a usage error or a skeleton ~8 ms of its start.
 */
export function processIo(): Io {
  let pending = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    if (--pending === 0) {
      const w = waiters;
      waiters = [];
      w.forEach((resolve) => resolve());
    }
  };
  const writer = (fd: 1 | 2, stream: () => NodeJS.WriteStream) => {
    let viaStream = false;
    let closed = false;
    return (text: string) => {
      if (!text || closed) return;
      let rest = Buffer.from(text, 'utf8');
      while (!viaStream && rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // a closed pipe (`aws … | head`) is not an error for the CLI
          if (code === 'EPIPE') {
            closed = true;
            return;
          }
          // a non-blocking descriptor that is full: Node's stream queues the rest, in order
          if (code !== 'EAGAIN') throw error;
          viaStream = true;
          stream().on('error', () => {});
        }
      }
      if (rest.length === 0) return;
      pending++;
      stream().write(rest, () => settle());
    };
  };
  let stdoutIsTty: boolean | undefined;
  let stdinIsTty: boolean | undefined;
  return {
    env: process.env,
    stdout: writer(1, () => process.stdout),
    stderr: writer(2, () => process.stderr),
    get stdoutIsTty() {
      return (stdoutIsTty ??= mayBeTerminal(1) && Boolean(process.stdout.isTTY));
    },
    get stdinIsTty() {
      return (stdinIsTty ??= mayBeTerminal(0) && Boolean(process.stdin.isTTY));
    },
    flush: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}

/** False when the descriptor is certainly not a terminal (a file, a pipe, /dev/null), cheaply. */
function mayBeTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    const devNull = statSync('/dev/null', { throwIfNoEntry: false });
    return !(devNull && devNull.rdev === stat.rdev);
  } catch {
    return false; // a closed descriptor
  }
}
