// The failures of creating a client and calling the service, worded as botocore words them; the
// CLI's handlers (cli/error-handler.ts) add their hints and choose the exit codes.
import { CliError, ConfigurationError } from '../runtime/errors';

/** botocore's NoRegionError. */
export class NoRegionError extends ConfigurationError {
  constructor() {
    super('You must specify a region.');
  }
}

/** botocore's NoCredentialsError. */
export class NoCredentialsError extends ConfigurationError {
  constructor() {
    super('Unable to locate credentials');
  }
}

/** The service answered with an error (botocore's ClientError). */
export class ServiceError extends CliError {
  constructor(
    readonly code: string,
    readonly detail: string,
    operation: string,
  ) {
    super(`An error occurred (${code}) when calling the ${operation} operation: ${detail}`);
  }
}
