// Every failure a user can cause is one of these classes; `renderError` is the one table that
// turns a class into the real CLI's words on stderr and its exit code. Only the entry point
// (main.ts) calls it and exits.

export const ExitCode = {
  ok: 0,
  interrupted: 130,
  usage: 252,
  configuration: 253,
  service: 254,
  general: 255,
} as const;

/** Usage lines every parser but the first pass prints under its errors. */
export const USAGE =
  'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n' +
  '\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

/** Base of all errors the CLI reports; anything else is an internal failure (exit 255). */
export abstract class CliError extends Error {
  abstract readonly exitCode: number;
  /** The bytes written to stderr. */
  abstract render(): string;
}

/** A parser refused the command line (argparse's error()). */
export class UsageError extends CliError {
  readonly exitCode = ExitCode.usage;
  constructor(
    message: string,
    readonly usage: string = `usage: ${USAGE}`,
  ) {
    super(message);
  }
  render(): string {
    return `\naws: [ERROR]: ${this.message}\n\n${this.usage}\n`;
  }
}

/** Words the operation parser did not recognise. */
export class UnknownOptionsError extends CliError {
  readonly exitCode = ExitCode.usage;
  constructor(readonly words: readonly string[]) {
    super(`Unknown options: ${words.join(', ')}`);
  }
  render(): string {
    return `\nusage: ${USAGE}\n${this.message}\n\n`;
  }
}

/** A message printed between an empty line and a newline, with a fixed exit code. */
abstract class PlainError extends CliError {
  render(): string {
    return `\n${this.message}\n`;
  }
}

/** Client-side validation of the command's input (paramfiles, cli-input, types, --query). */
export class ParamValidationError extends PlainError {
  readonly exitCode = ExitCode.usage;
}

/** A value that could not be read for one parameter: "Error parsing parameter '--cidr': …". */
export class ParamError extends ParamValidationError {
  constructor(
    readonly parameter: string,
    readonly detail: string,
  ) {
    super(`Error parsing parameter '${parameter}': ${detail}`);
  }
}

export class ConfigurationError extends PlainError {
  readonly exitCode = ExitCode.configuration;
}

export class NoRegionError extends ConfigurationError {
  constructor() {
    super('You must specify a region. You can also configure your region by running "aws configure".');
  }
}

export class NoCredentialsError extends ConfigurationError {
  constructor() {
    super('Unable to locate credentials. You can configure credentials by running "aws login".');
  }
}

export class PagerError extends ConfigurationError {
  constructor(detail: string) {
    super(
      'Unable to redirect output to pager. Received the following error when opening pager:\n' +
        `${detail}\n\nLearn more about configuring the output pager by running "aws help config-vars".`,
    );
  }
}

/** The service answered with an error. */
export class ServiceError extends PlainError {
  readonly exitCode = ExitCode.service;
  constructor(
    readonly code: string,
    readonly detail: string,
    operation: string,
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${detail}`);
  }
}

/** Anything else the CLI reports with exit 255 (connection failures, bad integers, unknown profile, …). */
export class GeneralError extends PlainError {
  readonly exitCode = ExitCode.general;
}

/** Ctrl-C: the CLI prints a newline on stdout and exits 130. */
export class Interrupted extends CliError {
  readonly exitCode = ExitCode.interrupted;
  constructor() {
    super('interrupted');
  }
  render(): string {
    return '';
  }
}

export interface ErrorOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function renderError(error: unknown): ErrorOutput {
  if (error instanceof Interrupted) return { stdout: '\n', stderr: '', exitCode: error.exitCode };
  if (error instanceof CliError) return { stdout: '', stderr: error.render(), exitCode: error.exitCode };
  // Not a failure we foresaw: say what happened in one line, never a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  return { stdout: '', stderr: `\n${message}\n`, exitCode: ExitCode.general };
}
