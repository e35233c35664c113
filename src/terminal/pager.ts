// Where command output goes: straight to stdout, or through the pager when stdout is a terminal.
// The pager is --no-cli-pager (none), else AWS_PAGER, the profile's cli_pager, PAGER, `less`;
// an empty value means none. `less` gets LESS=FRX unless LESS is set: it then exits by itself
// when the output fits on one screen (F), keeps colours (R) and leaves the output on the screen (X).
import { GeneralError, Interrupted } from '../runtime/errors';
import { PagerError } from './errors';
import type { Io } from '../runtime/io';
import { shlexSplit, ShlexError } from '../util/shlex';
import { isMissingFile, osErrorText } from '../util/oserror';
import { ignoreInterrupts } from '../runtime/interrupts';

export interface PagerSettings {
  /** false when --no-cli-pager was given */
  readonly cliPager?: boolean;
  /** The profile's cli_pager setting, if any. */
  readonly profilePager?: string;
}

const DEFAULT_PAGER = 'less';
const DEFAULT_LESS_FLAGS = 'FRX';

/** The pager command line in effect, or undefined for none. */
export function configuredPager(settings: PagerSettings, env: NodeJS.ProcessEnv): string | undefined {
  if (settings.cliPager === false) return undefined;
  const pager = env.AWS_PAGER ?? settings.profilePager ?? env.PAGER ?? DEFAULT_PAGER;
  return pager || undefined;
}

/** Whether command output will go to a pager process rather than to stdout itself. */
export function pagesOutput(settings: PagerSettings, io: Io): boolean {
  return io.stdoutIsTty && configuredPager(settings, io.env) !== undefined;
}

/** Writes command output (stdout), paging it when the CLI would. */
export async function writeOutput(text: string, settings: PagerSettings, io: Io): Promise<void> {
  // Like the CLI, start a pager only for output there is (an empty answer opens no empty pager).
  if (!text) return;
  const pager = configuredPager(settings, io.env);
  if (!pager || !io.stdoutIsTty) {
    io.stdout(text);
    return;
  }
  let argv: string[];
  try {
    argv = shlexSplit(pager);
  } catch (error) {
    if (error instanceof ShlexError) throw new GeneralError(error.message);
    throw error;
  }
  if (argv.length === 0) throw new GeneralError('list index out of range');
  const env = { ...io.env };
  if (env.LESS === undefined) env.LESS = DEFAULT_LESS_FLAGS;

  await io.flush();
  // While the pager owns the terminal, Ctrl-C is its key (less uses it to stop a search); the CLI
  // waits for the pager to end, so the terminal is restored, and then reports the interrupt.
  // exec (child_process) is loaded only when a pager runs: ~3 ms of every start otherwise
  const { runOnTerminal } = await import('../runtime/child-process');
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
