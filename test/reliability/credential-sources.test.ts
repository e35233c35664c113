// Credential sources answering anything, property-based: the container endpoint, instance
// metadata, the SSO token file and portal, SSO-OIDC, credential_process, STS and the
// environment each give generated answers (any JSON value, fields of any type, odd expirations,
// bytes that are not text, statuses), and every run, in-process against servers on 127.0.0.1,
// must end as the CLI ends: its own message and a documented exit code, or success with
// credentials that were really text — never JavaScript's error text, never a secret printed,
// and never a request to EC2 with credentials the CLI refused. Seeds are fixed (SEED=… to vary).
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { containerGood, FUTURE_ISO, imdsGood, IMDS_ROLE, IMDS_SESSION, json, raw, ssoGood } from '../helpers/credential-answers';
import { ScriptedServer, type Answer, type Seen } from '../helpers/fake-aws';
import { FakeEc2 } from '../helpers/fake-ec2';
import { answerOf, anyJson, expiration, fieldsObject, jsonBody, ssoPortalValue, stsBody } from './credential-answers';
import { runInProcess, tempHome, writeFiles, type InProcessResult } from './in-process';
import { brokenInvariants } from './invariants';
import { PyBytes, pyStr } from '../../src/util/python';

// botocore's pauses between attempts (1 s per container retry, backoff) are not what is tested here
vi.mock('../../src/call/retry', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../src/call/retry')>()), sleep: async () => {} }));

const SEED = Number(process.env.SEED ?? 20261201);
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });
const TIMEOUT = 120_000;
const OP = ['ec2', 'release-ipam-pool-allocation', '--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];

/** A server whose answer each run sets (by request path when the source asks several things). */
class Scripted {
  answer: (request: Seen) => Answer = () => raw('', 500);
  readonly server = new ScriptedServer((request) => this.answer(request));
}

let ec2: FakeEc2;
const servers = { container: new Scripted(), imds: new Scripted(), sso: new Scripted(), sts: new Scripted() };
let home: string;
const seenCodes = new Map<string, Set<number>>();

beforeAll(async () => {
  ec2 = await new FakeEc2().start();
  await Promise.all(Object.values(servers).map((s) => s.server.start()));
  home = tempHome();
});

afterAll(async () => {
  await Promise.all([ec2.stop(), ...Object.values(servers).map((s) => s.server.stop())]);
  rmSync(home, { recursive: true, force: true });
  console.log(`credential sources: exit codes per source ${JSON.stringify(Object.fromEntries([...seenCodes].map(([k, v]) => [k, [...v].sort()])))}`);
});

/** No credentials but the source under test, a region, one attempt per call. */
const baseEnv = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_MAX_ATTEMPTS: '1' };

/** One run, checked: the CLI's invariants, the source's exit codes, and EC2 asked only with credentials the CLI took. */
async function check(
  source: string,
  allowed: readonly number[],
  env: Record<string, string | undefined>,
  files: Record<string, string | Uint8Array> = {},
  answers: readonly Answer[] = [],
): Promise<InProcessResult> {
  rmSync(`${home}/.aws`, { recursive: true, force: true });
  writeFiles(home, files);
  const before = ec2.requests.length;
  const argv = [...OP, '--endpoint-url', ec2.url];
  const result = await runInProcess(argv, { home, env: { ...baseEnv, ...env }, echoes: answers.flatMap(quotable) });
  const reachedEc2 = ec2.requests.length - before;
  const problems = brokenInvariants(result, { argv, format: 'json' });
  if (!allowed.includes(result.code)) problems.push(`exit code ${result.code} (expected one of ${allowed.join(', ')})`);
  if (result.code === 0 && reachedEc2 !== 1) problems.push(`success after ${reachedEc2} EC2 requests`);
  if (result.code !== 0 && reachedEc2 !== 0) problems.push(`EC2 was called (${reachedEc2} requests) but the CLI failed`);
  // Python's warnings (dateutil's UnknownTimezoneWarning) come first, as they are raised
  const message = result.stderr.replace(/^\/usr\/lib\/python3\/dist-packages\/\S+: \w+Warning: .*\n  .*\n/gm, '');
  if (result.code !== 0 && !/^\n[\s\S]*\n$/.test(message)) problems.push('the message is not the CLI\'s "\\n<message>\\n" layout');
  if (problems.length) {
    throw new Error(`${source}: ${problems.join('; ')}\nexit: ${result.code}\n--- stdout ---\n${result.stdout.slice(0, 500)}\n--- stderr ---\n${result.stderr.slice(0, 1000)}`);
  }
  if (!seenCodes.has(source)) seenCodes.set(source, new Set());
  seenCodes.get(source)!.add(result.code);
  return result;
}

/** How the CLI quotes a whole answer body: as text (a non-200 container answer, a JSON error) or as Python bytes (XML that does not parse). */
function quotable(answer: Answer): string[] {
  const bytes = Buffer.from(answer.body);
  return [bytes.toString('utf8'), pyStr(new PyBytes(bytes))];
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const START_URL = 'https://example.awsapps.com/start';

describe('credential sources never break the CLI, whatever they answer', () => {
  test('the container endpoint: any JSON, fields of any type, odd expirations, bytes, statuses', async () => {
    const body = jsonBody(fc.oneof({ weight: 4, arbitrary: fieldsObject(containerGood, { Expiration: expiration }) }, { weight: 1, arbitrary: anyJson }));
    await fc.assert(
      fc.asyncProperty(answerOf(body), fc.boolean(), async (answer, withToken) => {
        servers.container.answer = () => answer;
        await check(
          'container',
          [0, 255],
          { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${servers.container.server.url}/creds`, ...(withToken ? { AWS_CONTAINER_AUTHORIZATION_TOKEN: 'secret-auth-token' } : {}) },
          {},
          [answer],
        );
      }),
      params(80),
    );
  }, TIMEOUT);

  test('instance metadata: the token, the role list and the credentials each answering anything', async () => {
    const credentials = jsonBody(fc.oneof({ weight: 4, arbitrary: fieldsObject(imdsGood, { Expiration: expiration }) }, { weight: 1, arbitrary: anyJson }));
    const text = (good: string) => fc.oneof({ weight: 4, arbitrary: fc.constant<string | Uint8Array>(good) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), fc.uint8Array({ maxLength: 8 })) });
    await fc.assert(
      fc.asyncProperty(answerOf(text(IMDS_SESSION)), answerOf(text(IMDS_ROLE)), answerOf(credentials), async (token, roles, creds) => {
        servers.imds.answer = (request) => {
          if (request.method === 'PUT') return token;
          return request.path.endsWith('/security-credentials/') ? roles : creds;
        };
        await check('imds', [0, 253, 255], { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${servers.imds.server.url}/` }, {}, [token, roles, creds]);
      }),
      params(80),
    );
  }, TIMEOUT);

  const ssoConfig = `[default]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`;
  const ssoEnv = () => ({ AWS_ENDPOINT_URL_SSO: servers.sso.server.url, AWS_ENDPOINT_URL_SSO_OIDC: servers.sso.server.url });
  const tokenFile = `.aws/sso/cache/${sha1(START_URL)}.json`;

  test('the SSO portal: GetRoleCredentials answering anything', async () => {
    await fc.assert(
      fc.asyncProperty(answerOf(jsonBody(ssoPortalValue(ssoGood))), async (answer) => {
        servers.sso.answer = () => answer;
        // service errors (254) and the portal's refusal of the token (255) are the CLI's answers too
        await check(
          'sso portal',
          [0, 254, 255],
          ssoEnv(),
          { '.aws/config': ssoConfig, [tokenFile]: JSON.stringify({ accessToken: 'sso-access-token-value', expiresAt: FUTURE_ISO }) },
          [answer],
        );
      }),
      params(100),
    );
  }, TIMEOUT);

  test('the SSO token cache file holding anything', async () => {
    const token = jsonBody(fc.oneof({ weight: 4, arbitrary: fieldsObject({ accessToken: 'sso-access-token-value', expiresAt: FUTURE_ISO }, { expiresAt: expiration }) }, { weight: 1, arbitrary: anyJson }));
    await fc.assert(
      fc.asyncProperty(token, async (text) => {
        servers.sso.answer = () => json({ roleCredentials: ssoGood });
        // a token that is not text fails botocore's parameter validation (252)
        await check('sso token file', [0, 252, 255], ssoEnv(), { '.aws/config': ssoConfig, [tokenFile]: text });
      }),
      params(100),
    );
  }, TIMEOUT);

  test("the CLI's cache of role credentials holding anything", async () => {
    const credentials = fieldsObject(
      { AccessKeyId: 'ASIASSOROLE000000001', SecretAccessKey: 'sso/Secret+RoleCredentials/NeverPrint1', SessionToken: 'SSO-SESSION-TOKEN-never-print-0001', Expiration: FUTURE_ISO },
      { Expiration: expiration },
    );
    const cached = jsonBody(fc.oneof({ weight: 4, arbitrary: credentials.map((c) => ({ Credentials: c })) }, { weight: 1, arbitrary: anyJson }));
    const key = sha1(JSON.stringify({ accountId: '123456789012', roleName: 'Admin', startUrl: START_URL }));
    await fc.assert(
      fc.asyncProperty(cached, async (text) => {
        servers.sso.answer = () => json({ roleCredentials: ssoGood });
        await check('credential cache', [0, 255], ssoEnv(), {
          '.aws/config': ssoConfig,
          [tokenFile]: JSON.stringify({ accessToken: 'sso-access-token-value', expiresAt: FUTURE_ISO }),
          [`.aws/cli/cache/${key}.json`]: text,
        });
      }),
      params(60),
    );
  }, TIMEOUT);

  test('an [sso-session] token refreshed through SSO-OIDC answering anything', async () => {
    const sessionConfig =
      '[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n' +
      `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = us-east-1\n`;
    const cached = fieldsObject(
      { accessToken: 'sso-access-token-value', expiresAt: '2020-01-01T00:00:00Z', clientId: 'client-id-value', clientSecret: 'client-secret-value', registrationExpiresAt: FUTURE_ISO, refreshToken: 'refresh-token-value' },
      { expiresAt: expiration, registrationExpiresAt: expiration },
    );
    const created = jsonBody(fc.oneof(fieldsObject({ accessToken: 'refreshed-token-value', expiresIn: 3600, tokenType: 'Bearer' }), anyJson));
    await fc.assert(
      fc.asyncProperty(jsonBody(cached), answerOf(created), async (text, createToken) => {
        servers.sso.answer = (request) => (request.path === '/token' ? createToken : json({ roleCredentials: ssoGood }));
        await check('sso-session', [0, 252, 255], ssoEnv(), { '.aws/config': sessionConfig, [`.aws/sso/cache/${sha1('corp')}.json`]: text }, [createToken]);
      }),
      params(80),
    );
  }, TIMEOUT);

  test('credential_process printing anything, or failing', async () => {
    const good = { Version: 1, AccessKeyId: 'ASIAPROCESS000000001', SecretAccessKey: 's3cr3t-value', SessionToken: 'env-session-token-value', Expiration: FUTURE_ISO };
    const output = jsonBody(fc.oneof({ weight: 4, arbitrary: fieldsObject(good, { Expiration: expiration, Version: fc.constantFrom<unknown>(1, 2, '1', true, null, 1.0) }) }, { weight: 1, arbitrary: anyJson }));
    await fc.assert(
      fc.asyncProperty(output, fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, 2, 127) }), async (out, exitStatus) => {
        await check('process', [0, 255], {}, {
          '.aws/config': `[default]\ncredential_process = sh ${home}/helper.sh\n`,
          'helper.sh': `cat '${home}/out'\necho oops >&2\nexit ${exitStatus}\n`,
          out,
        });
      }),
      params(50),
    );
  }, TIMEOUT);

  test('STS AssumeRole and AssumeRoleWithWebIdentity answering any XML, any bytes, any status', async () => {
    const flavours: Array<{ action: string; env: Record<string, string>; files: Record<string, string> }> = [
      {
        action: 'AssumeRole',
        env: {},
        files: {
          '.aws/config':
            '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nrole_session_name = sess\nsource_profile = src\n' +
            '[profile src]\naws_access_key_id = AKIDTESTKEY00000000\naws_secret_access_key = test/Secret+Key/ThatMustNeverBePrinted00\n',
        },
      },
      { action: 'AssumeRoleWithWebIdentity', env: { AWS_WEB_IDENTITY_TOKEN_FILE: `${home}/token`, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r' }, files: { token: 'web-identity-token-value' } },
    ];
    const run = fc.constantFrom(...flavours).chain((flavour) => answerOf(stsBody(flavour.action)).map((answer) => ({ flavour, answer })));
    await fc.assert(
      fc.asyncProperty(run, async ({ flavour, answer }) => {
        servers.sts.answer = () => answer;
        // STS's own errors are service errors (254); bad parameters 252
        await check('sts', [0, 252, 254, 255], { AWS_ENDPOINT_URL_STS: servers.sts.server.url, ...flavour.env }, flavour.files, [answer]);
      }),
      params(80),
    );
  }, TIMEOUT);

  test('keys and expirations from the environment and the files, of any text', async () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('AKIDé', 'AKID€', 'AKID🔑', ' ', 'x'.repeat(3000)));
    await fc.assert(
      fc.asyncProperty(text.filter((s) => !s.includes('\u0000')), text.filter((s) => !s.includes('\u0000')), fc.option(expiration.filter((e): e is string => typeof e === 'string' && !e.includes('\u0000')), { nil: undefined }), fc.boolean(), async (key, secret, expiry, fromFile) => {
        if (fromFile) {
          const line = (name: string, value: string) => `${name} = ${value.replace(/[\r\n]/g, '')}\n`;
          await check('files', [0, 253, 255], {}, { '.aws/credentials': `[default]\n${line('aws_access_key_id', key)}${line('aws_secret_access_key', secret)}` });
        } else {
          await check('env', [0, 253, 255], { AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret, ...(expiry !== undefined ? { AWS_CREDENTIAL_EXPIRATION: expiry } : {}) });
        }
      }),
      params(100),
    );
  }, TIMEOUT);

  test('every source reached success and failure', () => {
    for (const source of ['container', 'imds', 'sso portal', 'sso token file', 'credential cache', 'sso-session', 'process', 'sts', 'env']) {
      const codes = seenCodes.get(source) ?? new Set();
      expect({ source, success: codes.has(0), failure: [...codes].some((c) => c !== 0) }).toEqual({ source, success: true, failure: true });
    }
  });
});

