// One AWS call with botocore's standard retries: every attempt goes through our transport (the
// SDK only builds and signs the request), the raw answer is parsed the way botocore parses it,
// and the final failure is reported with its words, "(reached max retries: N)" included.
import type { RetrySettings } from '../config/client-settings';
import type { DebugLog } from './debug';
import { clientError, errorCodeOf, parseQueryResponse, type RawResponse } from './response';
import { RetryPolicy, sleep } from './retry';
import { send, TransportError, type TransportOptions } from './transport';
import type { XmlElement } from './xml';

/** The request as the SDK hands it to a request handler (the parts we use). */
interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

const AUTH_HEADERS = /^(authorization|x-amz-date|x-amz-security-token|x-amz-content-sha256)$/i;

/**
 * An SDK request handler that sends through our transport and remembers the last raw answer,
 * so that the caller can parse it botocore's way (the SDK's own parse is not used).
 */
export class CapturingHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  last?: RawResponse;

  constructor(
    private readonly transport: TransportOptions,
    private readonly options: {
      unsigned?: boolean;
      service: string;
      secretBodies?: boolean;
      /** The caller parses the captured answer itself: the SDK gets no body to parse again. */
      sdkIgnoresAnswer?: boolean;
      /** Where to send, as botocore writes it (the SDK's request then only gives method, headers, body). */
      url?: string;
    },
  ) {}

  async handle(request: SdkHttpRequest): Promise<{ response: { statusCode: number; reason: string; headers: Record<string, string>; body: Uint8Array } }> {
    const url = this.options.url ?? requestUrl(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (this.options.unsigned && AUTH_HEADERS.test(name)) continue;
      headers[name] = value;
    }
    const body = typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : undefined;
    const log = this.transport.log;
    log?.debug('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${request.method}, url=${url}, headers=${log.headers(headers)}>`);
    if (body !== undefined && !this.options.secretBodies) log?.debug('botocore.endpoint', `Request body: ${String(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))}`);
    this.last = undefined;
    const raw = await send({ method: request.method, url, headers, body }, this.transport);
    this.last = raw;
    log?.debug('botocore.parsers', `Response headers: ${log.headers(raw.headers)}`);
    if (!this.options.secretBodies || raw.statusCode >= 300) {
      log?.debug('botocore.parsers', `Response body:\n${Buffer.from(raw.body).toString('utf8')}`);
    }
    // (a 6 MB answer costs the SDK's XML parser over a second, for a result nobody reads)
    const sdkBody = this.options.sdkIgnoresAnswer ? new Uint8Array() : raw.body;
    return { response: { statusCode: raw.statusCode, reason: raw.reason, headers: { ...raw.headers }, body: sdkBody } };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {}
}

function requestUrl(request: SdkHttpRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const host = request.hostname.includes(':') && !request.hostname.startsWith('[') ? `[${request.hostname}]` : request.hostname;
  const query = Object.entries(request.query ?? {})
    .flatMap(([k, v]) => (v === null ? [encodeURIComponent(k)] : (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`)))
    .join('&');
  return `${request.protocol}//${host}${port}${request.path}${query ? `?${query}` : ''}`;
}

/** Runs the SDK call once, returning the raw answer it received (or the transport's failure). */
export async function attemptThrough<T>(handler: CapturingHandler, call: () => Promise<T>): Promise<{ raw: RawResponse; value?: T }> {
  handler.last = undefined;
  try {
    const value = await call();
    return { raw: handler.last!, value };
  } catch (error) {
    if (error instanceof TransportError) throw error;
    const cause = (error as { cause?: unknown })?.cause;
    if (cause instanceof TransportError) throw cause;
    if (handler.last) return { raw: handler.last };
    throw error;
  }
}

/**
 * Calls a Query-protocol operation (EC2, STS) with retries; returns the parsed root element and
 * whatever the attempt returned on success.
 */
export async function queryCall<T>(
  operation: string,
  attempt: () => Promise<{ raw: RawResponse; value?: T }>,
  retry: RetrySettings,
  log?: DebugLog,
  service = 'ec2',
): Promise<{ root: XmlElement; value?: T }> {
  const policy = new RetryPolicy(retry, log);
  for (let number = 1; ; number++) {
    let failure: TransportError | undefined;
    let outcome: { raw: RawResponse; value?: T } | undefined;
    try {
      outcome = await attempt();
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      failure = error;
      log?.debug('botocore.endpoint', `Exception received when sending HTTP request: ${error.message}`);
    }
    const parsed = outcome ? await parseQueryResponse(outcome.raw) : undefined;
    if (parsed?.ok) return { root: parsed.root, value: outcome!.value };
    const decision = policy.decide(number, {
      statusCode: outcome?.raw.statusCode,
      errorCode: parsed ? errorCodeOf(parsed) : undefined,
      connectionError: failure !== undefined,
      timeout: failure?.isTimeout,
      service,
    });
    if (decision.retry) {
      await sleep(decision.delay);
      continue;
    }
    if (failure) throw failure;
    throw clientError(parsed as Exclude<typeof parsed, { ok: true } | undefined>, operation, decision.maxAttemptsReached ? number - 1 : undefined);
  }
}
