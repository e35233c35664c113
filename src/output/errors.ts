// Failures while querying or formatting a response (kept apart from the formatters, which are
// loaded lazily, so that the error handler can know this class without loading them).
import { GeneralError } from '../runtime/errors';

/** A Python exception raised while querying or formatting: the CLI prints its text. */
export class FormatterError extends GeneralError {
  constructor(
    message: string,
    /** colorama's autoreset also wraps stderr once coloured table output was set up */
    readonly colorReset: boolean,
  ) {
    super(message);
  }
}
