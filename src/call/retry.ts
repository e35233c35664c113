// botocore's standard retry mode (also used for "adaptive", whose client-side rate limiting
// only matters across many calls): retry transient errors (5xx 500/502/503/504, timeout codes,
// connection failures) and throttling codes, up to max_attempts in all, with truncated binary
// exponential backoff with jitter (rand × 2^(attempt-1) s, at most 20 s) and the retry quota.
import type { RetrySettings } from '../config/client-settings';
import type { DebugLog } from './debug';

const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/** What one attempt ended with, as the retry checks see it. */
export interface AttemptOutcome {
  readonly statusCode?: number;
  readonly errorCode?: string;
  /** A connection-level failure (botocore's ConnectionError / HTTPClientError). */
  readonly connectionError?: boolean;
  readonly timeout?: boolean;
  /** The client's service: STS also retries IDPCommunicationError (botocore's special checker). */
  readonly service?: string;
}

export interface RetryDecision {
  readonly retry: boolean;
  /** Seconds to wait before the next attempt. */
  readonly delay: number;
  /** max_attempts was reached (the error message then says "reached max retries"). */
  readonly maxAttemptsReached: boolean;
}

export class RetryPolicy {
  private quota = 500;

  constructor(
    private readonly settings: RetrySettings,
    private readonly log?: DebugLog,
    private readonly random: () => number = Math.random,
  ) {}

  decide(attempt: number, outcome: AttemptOutcome): RetryDecision {
    if (attempt >= this.settings.maxAttempts) {
      this.log?.debug('botocore.retries.standard', `Max attempts of ${this.settings.maxAttempts} reached.`);
      this.log?.debug('botocore.retries.standard', 'Not retrying request.');
      return { retry: false, delay: 0, maxAttemptsReached: true };
    }
    if (!isRetryable(outcome)) {
      this.log?.debug('botocore.retries.standard', 'Not retrying request.');
      return { retry: false, delay: 0, maxAttemptsReached: false };
    }
    const cost = outcome.timeout ? 10 : 5;
    if (cost > this.quota) {
      this.log?.debug('botocore.retries.standard', 'Retry needed but retry quota reached, not retrying request.');
      return { retry: false, delay: 0, maxAttemptsReached: false };
    }
    this.quota -= cost;
    const delay = Math.min(this.random() * 2 ** (attempt - 1), 20);
    this.log?.debug('botocore.retries.standard', `Retry needed, retrying request after delay of: ${delay}`);
    return { retry: true, delay, maxAttemptsReached: false };
  }
}

function isRetryable(outcome: AttemptOutcome): boolean {
  if (outcome.errorCode !== undefined && (TRANSIENT_CODES.has(outcome.errorCode) || THROTTLING_CODES.has(outcome.errorCode))) {
    return true;
  }
  if (outcome.statusCode !== undefined && TRANSIENT_STATUS.has(outcome.statusCode)) return true;
  if (outcome.service === 'sts' && outcome.errorCode === 'IDPCommunicationError') return true;
  return outcome.connectionError === true;
}

export function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.round(seconds * 1000)));
}
