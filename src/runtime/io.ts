// The process's streams, environment and terminal, passed to every phase: nothing else touches
// process.stdout/stderr/stdin or asks whether they are terminals. The decisions that depend on the
// terminal — width, colour, paging — are asked of Io too (tests and the auto-prompt can supply
// their own Io).
import { fstatSync, statSync, writeSync } from 'node:fs';

/** --color: on, off, or auto (coloured when stdout is a terminal). */
export type ColorSetting = 'on' | 'off' | 'auto';

export abstract class Io {
  abstract readonly env: NodeJS.ProcessEnv;
  /** The directory relative paths are taken from (the prompt's file:// completion). */
  abstract readonly cwd: string;
  abstract readonly stdout: (text: string) => void;
  abstract readonly stderr: (text: string) => void;
  /** Whether stdout / stdin are terminals. */
  abstract readonly stdoutIsTty: boolean;
  abstract readonly stdinIsTty: boolean;
  /** Resolves once everything written has been handed to the OS. */
  abstract flush(): Promise<void>;
  /** What the user types, as a stream (the prompt's keys, an MFA code). */
  abstract input(): NodeJS.ReadStream;
  /** The terminal an interactive screen draws on: stdout's, else stderr's, else stdout. */
  abstract screen(): NodeJS.WriteStream;
  /** Columns of the terminal behind stdout, as it reports them. */
  protected abstract stdoutColumns(): number | undefined;

  /** Columns command output is laid out for: Python asks stdout's terminal, and uses 80 without one. */
  get width(): number {
    return this.stdoutIsTty ? (this.stdoutColumns() ?? 80) : 80;
  }

  /** Whether command output (tables) is coloured. The real CLI ignores NO_COLOR there. */
  outputInColor(setting: ColorSetting): boolean {
    return setting === 'on' || (setting === 'auto' && this.stdoutIsTty);
  }

  /** Whether the auto-prompt draws in colour: unless NO_COLOR is set, as the CLI's prompt library does. */
  get promptInColor(): boolean {
    return !this.env.NO_COLOR;
  }

  /** Whether command output goes to the pager `command` (undefined: none) rather than to stdout. */
  pagesOutput(command: string | undefined): boolean {
    return command !== undefined && this.stdoutIsTty;
  }

  /**
   * Before a request whose answer will be paged: a pager that cannot be started is reported now,
   * with the error starting it would give, rather than after the request has done its work.
   */
  async checkPagerStarts(pagerCommand: string | undefined): Promise<void> {
    if (!this.pagesOutput(pagerCommand)) return;
    const { checkPagerStarts } = await import('./pager-command');
    checkPagerStarts(pagerCommand!, this.env, this.cwd);
  }

  /** Writes command output, through the pager when it pages (an empty answer opens no pager). */
  async writeOutput(text: string, pagerCommand: string | undefined): Promise<void> {
    if (!text) return;
    if (!this.pagesOutput(pagerCommand)) {
      this.stdout(text);
      return;
    }
    // the pager (child processes, Ctrl-C hand-over) is loaded only when it runs
    const { page } = await import('./pager');
    await page(this, text, pagerCommand!);
  }
}

/**
 * The process's own Io. Writes go straight to the file descriptors, and whether one is a terminal
 * is asked only when a decision needs it: touching process.stdout / stdin / stderr builds Node's
 * stream objects (the stream, fs-stream or net machinery), which cost a usage error or a skeleton
 * ~8 ms of its start.
 */
export function processIo(): Io {
  return new ProcessIo();
}

class ProcessIo extends Io {
  readonly env = process.env;
  readonly stdout = writer(1, () => process.stdout, this);
  readonly stderr = writer(2, () => process.stderr, this);
  private pending = 0;
  private waiters: Array<() => void> = [];
  private stdoutTty?: boolean;
  private stdinTty?: boolean;

  get cwd(): string {
    return process.cwd();
  }
  get stdoutIsTty(): boolean {
    return (this.stdoutTty ??= mayBeTerminal(1) && Boolean(process.stdout.isTTY));
  }
  get stdinIsTty(): boolean {
    return (this.stdinTty ??= mayBeTerminal(0) && Boolean(process.stdin.isTTY));
  }
  input(): NodeJS.ReadStream {
    return process.stdin;
  }
  screen(): NodeJS.WriteStream {
    return process.stdout.isTTY ? process.stdout : process.stderr.isTTY ? process.stderr : process.stdout;
  }
  protected stdoutColumns(): number | undefined {
    return process.stdout.columns;
  }
  flush(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A write the OS did not take at once is queued on Node's stream; flush() waits for those. */
  queued(): () => void {
    this.pending++;
    return () => {
      if (--this.pending === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        waiters.forEach((resolve) => resolve());
      }
    };
  }
}

function writer(fd: 1 | 2, stream: () => NodeJS.WriteStream, io: ProcessIo): (text: string) => void {
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
    stream().write(rest, io.queued());
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
