// The process's streams and environment, passed to every phase so that nothing else touches
// process.stdout/stderr directly (tests and the auto-prompt can supply their own).

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
  const writer = (stream: NodeJS.WriteStream) => (text: string) => {
    if (!text) return;
    pending++;
    // a closed pipe (`aws … | head`) is not an error for the CLI
    stream.write(text, () => settle());
  };
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  return {
    env: process.env,
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stdinIsTty: Boolean(process.stdin.isTTY),
    flush: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}
