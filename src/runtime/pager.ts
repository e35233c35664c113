// Command output through the pager (Io.writeOutput, when stdout is a terminal and a pager is
// configured; which one is a setting, config/session.ts). `less` gets LESS=FRX unless LESS is set:
// it then exits by itself when the output fits on one screen (F), keeps colours (R) and leaves the
// output on the screen (X).
import { Interrupted, PagerError } from './errors';
import { ignoreInterrupts } from './interrupts';
import { pagerArgv } from './pager-command';
import { isMissingFile, osErrorText } from '../util/oserror';

const DEFAULT_LESS_FLAGS = 'FRX';

/** What the pager needs of the run's Io (which loads this module only when a pager runs). */
export interface PagerIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  flush(): Promise<void>;
}

/** Runs the pager command line with `text` on its stdin; it owns the terminal until it ends. */
export async function page(io: PagerIo, text: string, command: string): Promise<void> {
  const argv = pagerArgv(command);
  const env = { ...io.env };
  if (env.LESS === undefined) env.LESS = DEFAULT_LESS_FLAGS;

  await io.flush();
  // While the pager owns the terminal, Ctrl-C is its key (less uses it to stop a search); the CLI
  // waits for the pager to end, so the terminal is restored, and then reports the interrupt.
  // child_process is loaded only when a pager runs: ~3 ms of every start otherwise
  const { runOnTerminal } = await import('./child-process');
  const interrupts = ignoreInterrupts();
  try {
    await runOnTerminal(argv, text, env);
  } catch (error) {
    if (isMissingFile(error)) throw new PagerError(osErrorText(error, argv[0]!));
    // A pager that exists but cannot run (not executable, a directory): the output is not lost.
    io.stdout(text);
    return;
  } finally {
    interrupts.restore();
  }
  if (interrupts.pressed) throw new Interrupted();
}
