// Answers, property-based: whatever the endpoint answers (any status, odd headers, bodies of
// every kind: XML of the wrong shape, cut short, malformed, binary, huge, deeply nested), a call
// run in-process (run(argv, io), the phases bin/aws.js runs) ends as the CLI ends: exit 0, 254
// or 255 with the CLI's message, never JavaScript error text (invariants.ts). A body botocore
// would parse and Python's ElementTree rejects must give exactly "Unable to parse response
// (<ElementTree's message>), invalid XML received. Further retries may succeed:\n<repr of the
// body>" — checked after each property, for all its runs, against one python3 process.
// Fixed seeds; rerun one with SEED=<seed>.
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expatVerdicts } from '../config/expat-oracle';
import { FakeEc2 } from '../helpers/fake-ec2';
import { answer, deepAnswer, hugeAnswer, type Answer } from './answer-arbitraries';
import { outputFormat } from './arbitraries';
import { runInProcess, tempHome } from './in-process';
import { brokenInvariants } from './invariants';

const SEED = Number(process.env.SEED ?? 20260601);
/** Scales the run counts (e.g. RELIABILITY_RUNS=10 for a long local soak). */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.RELIABILITY_RUNS ?? 1)));
const command = ['ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const TIMEOUT = 300_000;

let ec2: FakeEc2;
let home: string;

beforeAll(async () => {
  ec2 = await new FakeEc2().start();
  home = tempHome();
});

afterAll(async () => {
  await ec2.stop();
  rmSync(home, { recursive: true, force: true });
});

interface Observed {
  answer: Answer;
  code: number;
  stderr: string;
}

/** One call answered with `a`; throws (so fast-check shrinks it) when an invariant is broken. */
async function call(a: Answer, observed: Observed[], format = 'json'): Promise<void> {
  ec2.defaultReply = { status: a.status, headers: { ...a.headers }, body: a.body };
  const argv = [...command, '--output', format];
  const result = await runInProcess(argv, { home, env: { AWS_ENDPOINT_URL: ec2.url, AWS_MAX_ATTEMPTS: '1' } });
  const problems = brokenInvariants(result, { argv, format });
  if (![0, 254, 255].includes(result.code)) problems.push(`exit code ${result.code} for an answer`);
  if (problems.length) {
    throw new Error(`${problems.join('; ')}\nstatus ${a.status}, body ${JSON.stringify(Buffer.from(a.body.subarray(0, 300)).toString('latin1'))}\n--- stdout ---\n${result.stdout.slice(0, 1000)}\n--- stderr ---\n${result.stderr.slice(0, 1000)}`);
  }
  observed.push({ answer: a, code: result.code, stderr: result.stderr });
}

/** What the CLI receives: Node sends no body with a 204 or a 304. */
function received(a: Answer): Uint8Array {
  return a.status === 204 || a.status === 304 ? new Uint8Array() : a.body;
}

/** botocore's generic error page: a 5xx whose body, stripped of ASCII white space, is empty or starts with <html>. */
function genericErrorPage(a: Answer): boolean {
  const body = Buffer.from(received(a)).toString('latin1').replace(/^[ \t\n\r\x0b\x0c]+/, '');
  return a.status >= 500 && (body === '' || body.startsWith('<html>'));
}

/** Every run whose body botocore parses: the parse failure message is ElementTree's, word for word. */
function expectElementTreeMessages(observed: readonly Observed[]): void {
  const parsed = observed.filter((o) => !genericErrorPage(o.answer));
  const verdicts = expatVerdicts(parsed.map((o) => received(o.answer)));
  const wrong: string[] = [];
  parsed.forEach((o, i) => {
    const { error, repr } = verdicts[i]!;
    if (error !== null) {
      const expected = `\nUnable to parse response (${error}), invalid XML received. Further retries may succeed:\n${repr}\n`;
      if (o.code !== 255 || o.stderr !== expected) wrong.push(`status ${o.answer.status}, ${repr.slice(0, 200)}: exit ${o.code}, ${JSON.stringify(o.stderr.slice(0, 300))}; expected ${JSON.stringify(expected.slice(0, 300))}`);
    } else if (o.stderr.startsWith('\nUnable to parse response (')) {
      wrong.push(`status ${o.answer.status}, ${repr.slice(0, 200)}: ElementTree parses it, we printed ${JSON.stringify(o.stderr.slice(0, 300))}`);
    }
  });
  expect(wrong.slice(0, 5)).toEqual([]);
  const codes = Object.fromEntries([0, 254, 255].map((code) => [code, observed.filter((o) => o.code === code).length]));
  console.log(`answers: ${observed.length} runs, exit codes ${JSON.stringify(codes)}; ${verdicts.filter((v) => v.error !== null).length} bodies ElementTree rejects, same message`);
}

describe('any answer ends in the CLI message and exit code', () => {
  test('statuses, headers and bodies of every kind', async () => {
    const observed: Observed[] = [];
    await fc.assert(
      fc.asyncProperty(answer, outputFormat, (a, format) => call(a, observed, format)),
      { seed: SEED, numRuns: runs(1000), endOnFailure: true },
    );
    expectElementTreeMessages(observed);
    // the answers reach every ending: success, a service error, a failure
    expect(new Set(observed.map((o) => o.code))).toEqual(new Set([0, 254, 255]));
  }, TIMEOUT);

  test('huge answers (megabytes), complete or cut short', async () => {
    const observed: Observed[] = [];
    await fc.assert(fc.asyncProperty(hugeAnswer, (a) => call(a, observed)), { seed: SEED, numRuns: runs(6), endOnFailure: true });
    expectElementTreeMessages(observed);
  }, TIMEOUT);

  test('answers nested tens of thousands deep, closed or not', async () => {
    const observed: Observed[] = [];
    await fc.assert(fc.asyncProperty(deepAnswer, (a) => call(a, observed)), { seed: SEED, numRuns: runs(12), endOnFailure: true });
    expectElementTreeMessages(observed);
  }, TIMEOUT);
});
