// Faults on the wire, against real sockets on 127.0.0.1 (fault-servers.ts), with the built binary
// spawned as a user runs it. Every case ends with the message and exit code AWS CLI v2 2.33.31
// printed against the very same fault server (recorded in fixtures/faults-2.33.31.json), after as
// many requests as 2.33.31 made, within the time the configured timeouts and retries allow.
// Re-record (not in CI; needs the 2.33.31 runner, see ../reference/reference.test.ts):
//   RECORD_FAULTS=1 AWS_CLI_GIT=<aws-cli git dir> npx vitest run test/reliability/faults.test.ts
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyHome, ourBinary, projectRoot, runCommand, type RunResult } from '../helpers/cli';
import { testKeys } from '../helpers/scenario';
import { faults, startFault, type FaultSpec, type TlsMaterial } from './fault-servers';

const recording = process.env.RECORD_FAULTS === '1';
const oracle = ['/usr/bin/env', `AWS_CLI_GIT=${process.env.AWS_CLI_GIT ?? ''}`, join(projectRoot, '..', 'shared', 'reference', 'oracle', 'aws233')];
const fixturePath = join(projectRoot, 'test', 'reliability', 'fixtures', 'faults-2.33.31.json');

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];

interface FaultCase {
  readonly name: string;
  readonly fault: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Seconds the run may take at most beyond process start-up: the timeouts that must expire plus
   * the worst backoff botocore allows (rand × 2^n s before retry n+1).
   */
  readonly budget: number;
  /** Seconds the run must take at least (timeouts that have to expire first). */
  readonly atLeast?: number;
}

const attempts = (n: number) => ({ AWS_MAX_ATTEMPTS: String(n) });
/** Worst-case backoff before attempts 2..n: 1 + 2 + 4 + … seconds. */
const backoff = (n: number) => 2 ** (n - 1) - 1;

const cases: FaultCase[] = [
  { name: 'connection refused, 3 attempts', fault: 'refused', env: attempts(3), budget: backoff(3) },
  { name: 'reset on connect, 2 attempts', fault: 'reset-on-connect', env: attempts(2), budget: backoff(2) },
  { name: 'reset in the middle of the answer', fault: 'reset-mid-response', env: attempts(2), budget: backoff(2) },
  { name: 'closed in the middle of the headers', fault: 'close-mid-headers', env: attempts(2), budget: backoff(2) },
  { name: 'no answer: read timeout, 2 attempts', fault: 'no-answer', args: ['--cli-read-timeout', '1'], env: attempts(2), budget: 2 + backoff(2), atLeast: 2 },
  { name: 'slow headers within the read timeout succeed', fault: 'slow-headers-within-timeout', args: ['--cli-read-timeout', '1'], env: attempts(1), budget: 4 },
  { name: 'headers stall past the read timeout', fault: 'headers-stall', args: ['--cli-read-timeout', '1'], env: attempts(1), budget: 1, atLeast: 1 },
  { name: 'body shorter than Content-Length', fault: 'truncated-body', env: attempts(2), budget: backoff(2) },
  { name: 'body stalls past the read timeout', fault: 'body-stall', args: ['--cli-read-timeout', '1'], env: attempts(1), budget: 1, atLeast: 1 },
  { name: 'an answer that is not HTTP', fault: 'not-http', env: attempts(2), budget: backoff(2) },
  { name: '503 storm, default attempts', fault: '503-storm', budget: backoff(3) },
  { name: '500, 502, 504: every 5xx is retried', fault: '5xx-mix', env: attempts(3), budget: backoff(3) },
  { name: 'HTML 502 page from a load balancer', fault: 'html-502', env: attempts(2), budget: backoff(2) },
  { name: 'RequestLimitExceeded beyond the retry budget', fault: 'throttled-forever', env: attempts(3), budget: backoff(3) },
  { name: 'Throttling beyond the retry budget', fault: 'throttling-forever', env: attempts(2), budget: backoff(2) },
  { name: 'RequestLimitExceeded within the retry budget', fault: 'throttled-once', env: attempts(3), budget: backoff(2) },
  { name: 'RequestTimeTooSkewed is not retried', fault: 'clock-skew', budget: 0 },
  { name: 'AuthFailure is not retried', fault: 'auth-failure', budget: 0 },
  { name: 'empty 200 is not retried', fault: 'empty-200', budget: 0 },
  { name: 'XML cut short in a 200 is not retried', fault: 'malformed-xml-200', budget: 0 },
  { name: 'a 6 MB answer', fault: 'huge-answer', budget: 3 },
  { name: 'an answer nested 50,000 deep', fault: 'deep-answer', budget: 1 },
  { name: 'TLS to a plain HTTP server', fault: 'plain-http-on-tls', env: attempts(2), budget: backoff(2) },
  { name: 'connection closed during the TLS handshake', fault: 'close-during-handshake', env: attempts(2), budget: backoff(2) },
  { name: 'self-signed certificate', fault: 'tls-self-signed', env: attempts(2), budget: backoff(2) },
  { name: 'self-signed certificate with --no-verify-ssl', fault: 'tls-self-signed', args: ['--no-verify-ssl'], env: attempts(1), budget: 0 },
  { name: 'proxy refuses CONNECT (403)', fault: 'proxy-refuses-connect', env: attempts(2), budget: backoff(2) },
  { name: 'proxy wants authentication (407)', fault: 'proxy-wants-auth', env: attempts(1), budget: 0 },
  // Python keeps socket timeouts in int64 nanoseconds: 9223372036 s is the longest it takes
  { name: 'the longest timeouts Python takes', fault: 'ok', args: ['--cli-read-timeout', '9223372036', '--cli-connect-timeout', '9223372036'], budget: 0 },
  { name: 'a connect timeout too long for Python', fault: 'ok', args: ['--cli-connect-timeout', '9223372037'], env: attempts(2), budget: backoff(2) },
  { name: 'a read timeout too long for Python fails once the request is sent', fault: 'ok', args: ['--cli-read-timeout', '99999999999999999999999'], env: attempts(2), budget: backoff(2) },
];

interface Observed {
  stdout: string;
  stderr: string;
  code: number | null;
  connections: number;
  requests: number;
}

/** Seconds a spawned CLI may need around the fault itself (start-up, a loaded CI machine). */
const SLACK = 6;

let specs: Record<string, FaultSpec>;
const fixtures: Record<string, Observed> = existsSync(fixturePath) ? JSON.parse(readFileSync(fixturePath, 'utf8')) : {};

beforeAll(() => {
  specs = faults(selfSignedCertificate());
});

/** A self-signed server certificate for 127.0.0.1, as someone would make one for a test endpoint. */
function selfSignedCertificate(): TlsMaterial {
  const dir = mkdtempSync(join(tmpdir(), 'aws-selfsigned-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

if (recording) {
  afterAll(() => {
    const ordered = Object.fromEntries(cases.filter((c) => fixtures[c.name]).map((c) => [c.name, fixtures[c.name]]));
    writeFileSync(fixturePath, JSON.stringify(ordered, null, 2) + '\n');
  });
}

/** Runs a CLI against a fresh server for the case; placeholders replace the port. */
async function against(binary: readonly string[], c: FaultCase, extraEnv: Readonly<Record<string, string>> = {}): Promise<Observed & { seconds: number }> {
  const spec = specs[c.fault]!;
  const fault = await startFault(spec);
  const env: Record<string, string> = { ...testKeys, AWS_REGION: 'us-east-1', ...c.env, ...extraEnv };
  // a proxy fault: the endpoint itself is never reached, the proxy refuses the tunnel first
  const endpoint = spec.proxied ? 'https://localhost:9' : fault.url;
  if (spec.proxied) env.HTTPS_PROXY = fault.url;
  const started = Date.now();
  let result: RunResult;
  try {
    result = await runCommand([...binary, ...op, ...all, '--endpoint-url', endpoint, ...(c.args ?? [])], { env: { HOME: emptyHome(), ...env } });
  } finally {
    await fault.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  const unfill = (s: string) => s.replaceAll(String(fault.port), '{{PORT}}');
  return { stdout: unfill(result.stdout), stderr: unfill(result.stderr), code: result.code, ...fault.counts, seconds };
}

// Plain HTTP to 127.0.0.1 goes over the transport's own TCP connection (src/call/tcp.ts); with
// pending deprecations shown it goes through node:net (as for a host name): both answer as 2.33.31,
// and neither makes Node warn.
const connections = [
  ['', {}],
  [' (through node:net)', { NODE_PENDING_DEPRECATION: '1' }],
] as const;

describe('faults on the wire: message, exit code, request count and time as 2.33.31', () => {
  for (const [connection, extraEnv] of connections) for (const c of cases) {
    if (recording && connection) continue;
    test.concurrent(c.name + connection, async () => {
      if (recording) {
        const { seconds: _seconds, ...reference } = await against(oracle, c);
        fixtures[c.name] = reference;
      }
      const reference = fixtures[c.name];
      expect(reference, `no recorded 2.33.31 result for "${c.name}" (see the top of this file)`).toBeDefined();
      const ours = await against([process.execPath, ourBinary], c, extraEnv);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual({
        stdout: reference!.stdout,
        stderr: reference!.stderr,
        code: reference!.code,
      });
      // as many attempts as the real CLI made: the retry count is part of the behaviour. (urllib3
      // keeps a connection alive between attempts where this CLI opens a new one, so connections
      // count attempts only when no request got through.)
      expect(ours.requests).toBe(reference!.requests);
      if (reference!.requests === 0) expect(ours.connections).toBe(reference!.connections);
      expect(ours.seconds).toBeLessThan(c.budget + SLACK);
      if (c.atLeast) expect(ours.seconds).toBeGreaterThanOrEqual(c.atLeast);
    });
  }
});
