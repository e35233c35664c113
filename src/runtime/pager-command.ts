// The pager command line, read as the CLI reads it (shlex), and found as the shell finds a program:
// a name with a `/` as it is, otherwise the first executable file of that name on PATH. Used to
// run the pager (pager.ts) and, before a request whose answer will be paged, to refuse a pager that
// cannot be started before anything is sent (Io.checkPagerStarts).
import { GeneralError, PagerError } from './errors';
import { inspectProgram, programCandidates } from '../util/program';
import { shlexSplit, ShlexError } from '../util/shlex';
import { osErrorText } from '../util/oserror';

/** The pager's argv; the CLI's errors for a command it cannot split. */
export function pagerArgv(command: string): string[] {
  let argv: string[];
  try {
    argv = shlexSplit(command);
  } catch (error) {
    if (error instanceof ShlexError) throw new GeneralError(error.message);
    throw error;
  }
  if (argv.length === 0) throw new GeneralError('list index out of range');
  return argv;
}

/** Python's default search path when PATH is not set (os.defpath). */
const DEFAULT_PATH = ':/bin:/usr/bin';

/**
 * Throws the error starting the pager would raise when no program can be started under its name
 * (execvp's search: a file found but not executable is remembered and the search goes on).
 */
export function checkPagerStarts(command: string, env: NodeJS.ProcessEnv, cwd: string): void {
  const name = pagerArgv(command)[0]!;
  let deniedSomewhere = false;
  for (const candidate of programCandidates(name, env.PATH ?? DEFAULT_PATH, cwd)) {
    const found = inspectProgram(candidate);
    if (found === 'executable') return;
    if (found === 'not-executable') deniedSomewhere = true;
  }
  throw new PagerError(osErrorText({ code: deniedSomewhere ? 'EACCES' : 'ENOENT' }, name));
}
