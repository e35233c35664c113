// The transport's failures, in botocore's words; shared by the exchange paths (transport.ts,
// http-exchange.ts) and the callers that tell them apart.
import { GeneralError } from '../runtime/errors';

/** Connection-level failures; botocore's standard retry mode retries all of them. */
export class TransportError extends GeneralError {
  constructor(
    message: string,
    /** Timeouts cost more of the retry quota. */
    readonly isTimeout = false,
  ) {
    super(message);
  }
}

/** An exception of the HTTP client itself (botocore's HTTPClientError): standard retries retry it, the metadata fetchers do not. */
export class HttpClientError extends TransportError {
  constructor(detail: string) {
    super(`An HTTP Client raised an unhandled exception: ${detail}`);
  }
}

/**
 * Python keeps socket timeouts as int64 nanoseconds; a timeout of more than this many seconds
 * makes socket.settimeout raise, which botocore reports as an HTTP client failure.
 */
export const PYTHON_LONGEST_TIMEOUT_S = 9_223_372_036;
export const pythonTimeOverflow = () => new TransportError('An HTTP Client raised an unhandled exception: timestamp too large to convert to C _PyTime_t');
export const readTimeout = (url: string) => new TransportError(`Read timeout on endpoint URL: "${url}"`, true);

export function closedBeforeAnswer(url: string): TransportError {
  return new TransportError(`Connection was closed before we received a valid response from endpoint URL: "${url}".`);
}
