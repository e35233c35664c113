// Entry point of `aws`: wires run() to the process — streams, Ctrl-C, warnings — and is the
// only place that exits.
import { Interrupted } from '../runtime/errors';
import { handleError } from './error-handler';
import { processIo } from '../runtime/io';
import { run } from './run';

async function main(): Promise<void> {
  // The SDK warns about Node versions on stderr; the real CLI prints no such thing.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.emitWarning = () => {};
  const io = processIo();
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    const { stdout, exitCode } = handleError(new Interrupted());
    io.stdout(stdout);
    void io.flush().then(() => process.exit(exitCode));
  });
  const code = await run(process.argv.slice(2), io);
  if (interrupted) return;
  await io.flush();
  process.exit(code);
}

void main();
