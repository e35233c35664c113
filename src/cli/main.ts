// Entry point of `aws`: wires run() to the process — streams, Ctrl-C, warnings — and is the
// only place that exits. The bundle's loader (src/startup/) calls main() once the bundle is in.
import { Interrupted } from '../runtime/errors';
import { handleError } from './error-handler';
import { processIo, type Io } from '../runtime/io';
import { run } from './run';
import type { Outcome } from './fallback/hand-over';

export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const io = processIo();
  // Another AWS CLI stands behind this one: what this clone does not provide is handed to it,
  // before anything here touches the environment or the terminal.
  const fallback = io.env.AWS_CLI_FALLBACK;
  if (fallback) {
    const { isOwnCommandLine } = await import('./fallback/own-command');
    if (!isOwnCommandLine(argv)) return exitAs(await handedOver(fallback, argv, io), io);
  }
  // The SDK warns about Node versions on stderr; the real CLI prints no such thing.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.emitWarning = () => {};
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    const { stdout, exitCode } = handleError(new Interrupted());
    io.stdout(stdout);
    void io.flush().then(() => process.exit(exitCode));
  });
  const code = await run(argv, io);
  if (interrupted) return;
  await io.flush();
  process.exit(code);
}

async function handedOver(fallback: string, argv: readonly string[], io: Io): Promise<Outcome> {
  try {
    const { handOver } = await import('./fallback/hand-over');
    return await handOver(fallback, argv, io, io.cwd);
  } catch (error) {
    const { stderr, exitCode } = handleError(error);
    io.stderr(stderr);
    return { code: exitCode };
  }
}

/** Ends this process as the other CLI ended: with its exit code, or killed by the same signal. */
async function exitAs(outcome: Outcome, io: Io): Promise<void> {
  await io.flush();
  if ('code' in outcome) process.exit(outcome.code);
  process.kill(process.pid, outcome.signal);
  // a signal Node does not die of by default (SIGPIPE): the shell's number for it
  const { constants } = await import('node:os');
  process.exit(128 + (constants.signals[outcome.signal] ?? 0));
}

