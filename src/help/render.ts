// Showing a help page the way the CLI does on Linux and macOS: the page is typeset by groff (or
// mandoc) for a plain terminal and handed to MANPAGER, PAGER or `less -R`. The pager runs even
// when stdout is not a terminal (less then copies its input through), so a pipe receives the
// typeset page, overstrike bold and underline included. If the pager is not on PATH, the page
// is printed directly.
import { GeneralError } from '../runtime/errors';
import type { Io } from '../runtime/io';
import { pagerArgv } from '../runtime/pager-command';
import { onPath, runFilter, runOnTerminal } from '../runtime/child-process';
import { osErrorText } from '../util/oserror';
import { ignoreInterrupts } from '../runtime/interrupts';

const DEFAULT_HELP_PAGER = 'less -R';

/** The typeset page, as groff -T ascii (or mandoc) prints it. */
export async function typeset(roff: string, env: NodeJS.ProcessEnv, device: 'ascii' | 'html' = 'ascii'): Promise<Buffer> {
  let argv: string[];
  if (onPath('groff', env)) argv = ['groff', '-m', 'man', '-T', device];
  else if (onPath('mandoc', env)) argv = ['mandoc', '-T', device];
  else throw new GeneralError('Could not find executable named "groff or mandoc"');
  try {
    return (await runFilter(argv, roff, env)).stdout;
  } catch (error) {
    throw new GeneralError(osErrorText(error, argv[0]!));
  }
}

/** Hands the page to the help pager (MANPAGER, PAGER, `less -R`). */
export async function sendToHelpPager(page: Buffer, io: Io): Promise<void> {
  const configured = io.env.MANPAGER ?? io.env.PAGER ?? DEFAULT_HELP_PAGER;
  // (as for output: the CLI indexes the first word without checking that there is one)
  const argv = pagerArgv(configured);
  await io.flush();
  if (!onPath(argv[0]!, io.env)) {
    io.stdout(page.toString('utf8') + '\n');
    return;
  }
  // Ctrl-C belongs to the pager while it runs (less ignores it; the CLI must not die under it).
  const interrupts = ignoreInterrupts();
  try {
    await runOnTerminal(argv, page, io.env);
  } catch (error) {
    throw new GeneralError(osErrorText(error, argv[0]!));
  } finally {
    interrupts.restore();
  }
}
