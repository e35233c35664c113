// Bad input, property-based: over ten thousand generated command lines, input documents, queries
// and file:// values, run in-process (run(argv, io), the phases bin/aws.js runs), each checked
// against the invariants in invariants.ts. Calls that get through go to a local fake EC2
// (AWS_ENDPOINT_URL); a dead proxy catches anything that would try to leave this machine.
// Seeds are fixed so CI is deterministic; on a failure fast-check prints the seed, the path and
// the shrunk counterexample — rerun one with SEED=<seed> (and the printed path) to reproduce.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorReply, FakeEc2, successReply, type Reply } from '../helpers/fake-ec2';
import { argvVector, fileValue, jsonDocument, memberFlags, OP, outputFormat, paramFiles, queryExpression, safeArgv, yamlDocument } from './arbitraries';
import { runInProcess, tempHome, writeFiles, type InProcessResult } from './in-process';
import { brokenInvariants, formatOf } from './invariants';

const SEED = Number(process.env.SEED ?? 20260519);
/** Scales every property's run count (e.g. RELIABILITY_RUNS=10 for a long local soak). */
const SCALE = Number(process.env.RELIABILITY_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const required = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];

let ec2: FakeEc2;
let home: string;
let env: Record<string, string>;
let total = 0;
const exitCodes = new Map<number, number>();

beforeAll(async () => {
  ec2 = await new FakeEc2().start();
  home = tempHome();
  writeFiles(home, paramFiles);
  env = {
    AWS_ENDPOINT_URL: ec2.url,
    AWS_MAX_ATTEMPTS: '1',
    // a safety net: a generated endpoint that is not local goes to a dead proxy, never out
    HTTP_PROXY: 'http://127.0.0.1:1',
    HTTPS_PROXY: 'http://127.0.0.1:1',
    NO_PROXY: '127.0.0.1,localhost',
  };
});

afterAll(async () => {
  await ec2.stop();
  // the generators must reach every outcome, or the properties test less than they claim
  console.log(`bad input: ${total} runs; exit codes ${JSON.stringify(Object.fromEntries([...exitCodes].sort()))}`);
});

/** One run, checked; throws (so fast-check shrinks it) when an invariant is broken. */
async function check(argv: string[], extraEnv: Record<string, string | undefined> = {}): Promise<InProcessResult> {
  const result = await runInProcess(argv, { home, env: { ...env, ...extraEnv } });
  total++;
  exitCodes.set(result.code, (exitCodes.get(result.code) ?? 0) + 1);
  const problems = brokenInvariants(result, { argv, format: formatOf(argv, extraEnv.AWS_DEFAULT_OUTPUT) });
  if (problems.length) {
    throw new Error(
      `${problems.join('; ')}\nargv: ${JSON.stringify(argv)}\nexit: ${result.code}\n--- stdout ---\n${result.stdout.slice(0, 2000)}\n--- stderr ---\n${result.stderr.slice(0, 2000)}`,
    );
  }
  return result;
}

/** The environment around a command line: mostly complete, sometimes without keys or region, or with odd settings. */
const settings = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Record<string, string | undefined>>(
      { AWS_REGION: undefined },
      { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
      { AWS_SESSION_TOKEN: 'env-session-token-value' },
      { AWS_PROFILE: 'nope' },
      { AWS_DEFAULT_OUTPUT: 'text' },
      { AWS_DEFAULT_OUTPUT: 'xml' },
      { AWS_RETRY_MODE: 'legacy' },
      { AWS_CA_BUNDLE: '/nonexistent/ca.pem' },
    ),
  },
);

/** How the fake endpoint answers: success mostly, else a service error or an answer that does not parse. */
const answer = fc.oneof(
  { weight: 6, arbitrary: fc.constant(successReply()) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Reply>(
      successReply(false),
      errorReply('InvalidIpamPoolAllocationId.NotFound', 'The IPAM pool allocation (ipam-pool-alloc-1) does not exist.'),
      errorReply('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412),
      errorReply('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403),
      { status: 500, body: '' },
      { status: 200, body: '<ReleaseIpamPoolAllocationResponse><success>tr' },
      { status: 200, body: '' },
    ),
  },
);

const params = (numRuns: number) => ({ seed: SEED, numRuns: runs(numRuns), endOnFailure: false });
/** Each property takes seconds on an idle machine; CI runs other test files beside it. */
const TIMEOUT = 300_000;

describe('bad input never breaks the CLI', () => {
  test('command lines: valid and invalid options, prefixes, = forms, unicode, control characters, long values', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(argvVector(home, ec2.url), settings, answer, async (argv, extraEnv, reply) => {
        ec2.defaultReply = reply;
        codes.add((await check(argv, extraEnv)).code);
      }),
      params(5000),
    );
    ec2.defaultReply = successReply();
    // every outcome occurs: the generators reach every phase of the CLI
    for (const code of [0, 252, 253, 254, 255]) expect(codes).toContain(code);
  }, TIMEOUT);

  test('--cli-input-json documents: random, nested, huge, wrong types, duplicate keys, invalid', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(jsonDocument, fc.boolean(), fc.boolean(), outputFormat, async (doc, viaFile, withRequired, format) => {
        let value = doc;
        if (viaFile && !doc.includes('\u0000')) {
          const path = join(home, `input-${index++ % 16}.json`);
          writeFileSync(path, doc);
          value = `file://${path}`;
        }
        await check([...OP, ...(withRequired ? required.slice(0, 2) : []), '--cli-input-json', value, '--output', format]);
      }),
      params(2000),
    );
  }, TIMEOUT);

  test('--cli-input-yaml documents: random, anchors and aliases, tags, deep nesting, invalid', async () => {
    await fc.assert(
      fc.asyncProperty(yamlDocument, outputFormat, async (doc, format) => {
        await check([...OP, '--cli-input-yaml', doc, '--output', format]);
      }),
      params(1500),
    );
  }, TIMEOUT);

  test('--query expressions: from the grammar, mutated, random; every output format', async () => {
    await fc.assert(
      fc.asyncProperty(queryExpression, outputFormat, fc.boolean(), async (query, format, stubbed) => {
        // the sample answer of --generate-cli-skeleton output, or a real call to the fake endpoint
        const argv = [...OP, ...required, '--query', query, '--output', format, ...(stubbed ? ['--generate-cli-skeleton', 'output'] : [])];
        await check(argv);
      }),
      params(2000),
    );
  }, TIMEOUT);

  test('file:// and fileb:// values for every parameter', async () => {
    const flags = [...memberFlags.filter((f) => !f.includes('dry-run')), '--cli-input-json', '--cli-input-yaml'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...flags), fileValue(home)), { minLength: 1, maxLength: 4 }), fc.boolean(), async (pairs, withRequired) => {
        const argv = [...OP, ...(withRequired ? required : []), ...pairs.flat()];
        if (safeArgv(argv, ec2.url)) await check(argv);
      }),
      params(500),
    );
  }, TIMEOUT);
});
