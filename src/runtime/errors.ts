// The kinds of failure every layer raises. An error says what went wrong, not how the CLI shows
// it: cli/error-handler.ts maps each class to its message and exit code, in one ordered list
// (the real CLI's awscli/errorhandler.py). Errors of one layer alone live in that layer
// (call/errors.ts, output/errors.ts, terminal/errors.ts, …), subclasses of these.

/** The CLI's exit codes (awscli/constants.py; 130 is 128 + SIGINT). */
export const ExitCode = {
  ok: 0,
  interrupted: 130,
  usage: 252,
  configuration: 253,
  service: 254,
  general: 255,
} as const;

/** Base of every failure the CLI foresees; anything else is an internal failure. */
export abstract class CliError extends Error {}

/** A parser refused the command line (argparse's error()). */
export class UsageError extends CliError {
  constructor(
    message: string,
    /** The usage lines shown under the message; the handler's default when not given. */
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** Words the operation parser did not recognise. */
export class UnknownOptionsError extends CliError {
  constructor(readonly words: readonly string[]) {
    super(`Unknown options: ${words.join(', ')}`);
  }
}

/** Client-side validation of the command's input (paramfiles, cli-input, types, --query). */
export class ParamValidationError extends CliError {}

/** A setting that cannot be used (awscli's ConfigurationError). */
export class ConfigurationError extends CliError {}

/** The pager could not be started (awscli's PagerInitializationException): the message is the OS error. */
export class PagerError extends ConfigurationError {}

/** Anything else the CLI reports by its message (connection failures, bad integers, unknown profile, …). */
export class GeneralError extends CliError {}

/** Ctrl-C (Python's KeyboardInterrupt). */
export class Interrupted extends CliError {
  constructor(message = 'interrupted') {
    super(message);
  }
}
