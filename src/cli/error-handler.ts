// The one place that turns an error into what the user sees and the exit code: an ordered chain
// of handlers, each for one error class (subclasses before their bases), as the real CLI's
// awscli/errorhandler.py has it. Lower layers only raise; only the entry point exits.
import {
  CliError,
  ConfigurationError,
  ExitCode,
  GeneralError,
  Interrupted,
  PagerError,
  ParamValidationError,
  UnknownOptionsError,
  UsageError,
} from '../runtime/errors';
import { NoCredentialsError, NoRegionError, ServiceError } from '../call/errors';
import { FormatterError } from '../output/errors';
import { PromptInterrupted } from '../terminal/errors';
import { USAGE } from './usage';

export interface ErrorOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

interface ErrorHandler<E extends Error> {
  readonly handles: abstract new (...args: never[]) => E;
  readonly exitCode: number;
  /** What goes to stdout and stderr. */
  show(error: E): { stdout?: string; stderr?: string };
}

const handler = <E extends Error>(
  handles: ErrorHandler<E>['handles'],
  exitCode: number,
  show: (error: E) => { stdout?: string; stderr?: string },
): ErrorHandler<E> => ({ handles, exitCode, show });

/** The message between an empty line and a newline (FilteredExceptionHandler's layout). */
const framed = (message: string) => ({ stderr: `\n${message}\n` });
const plain = (error: Error) => framed(error.message);
const RESET = '\x1b[0m';

const HANDLERS: readonly ErrorHandler<Error>[] = [
  handler(UsageError, ExitCode.usage, (e) => ({ stderr: `\naws: [ERROR]: ${e.message}\n\n${e.usage ?? `usage: ${USAGE}`}\n` })),
  handler(UnknownOptionsError, ExitCode.usage, (e) => ({ stderr: `\nusage: ${USAGE}\n${e.message}\n\n` })),
  handler(ParamValidationError, ExitCode.usage, plain),
  handler(NoRegionError, ExitCode.configuration, (e) => framed(`${e.message} You can also configure your region by running "aws configure".`)),
  handler(NoCredentialsError, ExitCode.configuration, (e) => framed(`${e.message}. You can configure credentials by running "aws login".`)),
  handler(PagerError, ExitCode.configuration, (e) =>
    framed(
      'Unable to redirect output to pager. Received the following error when opening pager:\n' +
        `${e.message}\n\nLearn more about configuring the output pager by running "aws help config-vars".`,
    ),
  ),
  handler(ConfigurationError, ExitCode.configuration, plain),
  handler(PromptInterrupted, ExitCode.interrupted, (e) => ({ stderr: `${e.message}\n` })),
  handler(Interrupted, ExitCode.interrupted, () => ({ stdout: '\n' })),
  handler(ServiceError, ExitCode.service, plain),
  // colorama's autoreset wraps stderr too once coloured table output was set up
  handler(FormatterError, ExitCode.general, (e) => (e.colorReset ? { stderr: `\n${RESET}${e.message}${RESET}\n${RESET}` } : plain(e))),
  handler(GeneralError, ExitCode.general, plain),
  // not a failure we foresaw: say what happened in one line, never a stack trace
  handler(Error, ExitCode.general, plain),
];

export function handleError(error: unknown): ErrorOutput {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const chosen = HANDLERS.find((h) => thrown instanceof h.handles)!;
  const { stdout = '', stderr = '' } = chosen.show(thrown);
  return { stdout, stderr, exitCode: chosen.exitCode };
}

/** Whether the error is one the CLI foresaw (an internal failure may print its stack, see run.ts). */
export function isForeseen(error: unknown): boolean {
  return error instanceof CliError;
}
