// The credential chain against real local servers: which keys sign the EC2 request (read from
// the Authorization header the fake endpoint received), what STS / the SSO portal / the container
// endpoint / instance metadata were asked, the caches the CLI shares with the real one, and that
// --debug never prints a secret.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { emptyHome, ourBinary, runCommand, runOurs, type RunResult } from '../helpers/cli';
import { FakeEc2 } from '../helpers/fake-ec2';
import { containerKeys, fakeContainer, fakeImds, fakeSso, fakeSts, imdsKeys, ssoKeys, stsKeys, type ScriptedServer } from '../helpers/fake-aws';
import { testKeys } from '../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const SUCCESS = '{\n    "Success": true\n}\n';

let ec2: FakeEc2;
let home: string;
const servers: ScriptedServer[] = [];

beforeEach(async () => {
  ec2 = await new FakeEc2().start();
  home = emptyHome();
});
afterEach(async () => {
  await ec2.stop();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function serve(server: ScriptedServer): Promise<ScriptedServer> {
  servers.push(server);
  return server.start();
}

function write(path: string, text: string): void {
  const full = join(home, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

function run(extra: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<RunResult> {
  return runOurs([...op, ...all, '--endpoint-url', ec2.url, ...extra], { env: { HOME: home, AWS_REGION: 'us-east-1', ...env }, input });
}

/** The access key that signed the n-th EC2 request. */
function signingKey(index = 0): string | undefined {
  return /Credential=([^/]+)\//.exec(String(ec2.requests[index]?.headers.authorization ?? ''))?.[1];
}

describe('environment and files', () => {
  test('environment keys sign the request, with the session token', async () => {
    const result = await run([], { ...testKeys, AWS_SESSION_TOKEN: 'env-session-token-value' });
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
    expect(signingKey()).toBe(testKeys.AWS_ACCESS_KEY_ID);
    expect(ec2.requests[0]!.headers['x-amz-security-token']).toBe('env-session-token-value');
  });

  test('--no-sign-request sends no Authorization header and loads nothing', async () => {
    write('.aws/config', '[default]\ncredential_process = false\n');
    const result = await run(['--no-sign-request']);
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
    expect(ec2.requests).toHaveLength(1);
    expect(ec2.requests[0]!.headers.authorization).toBeUndefined();
    expect(ec2.requests[0]!.headers['x-amz-date']).toBeUndefined();
  });

  test('--profile uses the profile even when environment keys exist', async () => {
    write('.aws/credentials', '[dev]\naws_access_key_id = AKIDFROMFILE0000000\naws_secret_access_key = file-secret\n');
    const result = await run(['--profile', 'dev'], testKeys);
    expect(result.code).toBe(0);
    expect(signingKey()).toBe('AKIDFROMFILE0000000');
  });

  test('the credentials file wins over credential_process and the config file', async () => {
    write('.aws/credentials', '[default]\naws_access_key_id = AKIDCREDFILE0000000\naws_secret_access_key = s\n');
    write('.aws/config', '[default]\ncredential_process = false\naws_access_key_id = AKIDCONFIG000000000\naws_secret_access_key = s\n');
    expect((await run([])).code).toBe(0);
    expect(signingKey()).toBe('AKIDCREDFILE0000000');
  });

  test('credential_process output signs the request', async () => {
    write('helper.sh', `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "AKIDPROCESS00000000", "SecretAccessKey": "p", "SessionToken": "process-token"}'\n`);
    write('.aws/config', `[default]\ncredential_process = sh "${join(home, 'helper.sh')}"\n`);
    expect((await run([])).code).toBe(0);
    expect(signingKey()).toBe('AKIDPROCESS00000000');
    expect(ec2.requests[0]!.headers['x-amz-security-token']).toBe('process-token');
  });
});

describe('assume role through STS', () => {
  const roleProfile = (sts: string, extra = '') =>
    `[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\nrole_session_name = my-session\n` +
    `external_id = ext-1\nduration_seconds = 1800\n${extra}[profile base]\naws_access_key_id = AKIDSOURCE000000000\n` +
    `aws_secret_access_key = source-secret-value\n[services local]\nsts =\n  endpoint_url = ${sts}\n`;

  test('source_profile keys call AssumeRole; the assumed keys sign EC2; the result is cached', async () => {
    const sts = await serve(fakeSts());
    write('.aws/config', roleProfile(sts.url).replace('[default]\n', '[default]\nservices = local\n'));
    const result = await run([]);
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
    expect(sts.seen).toHaveLength(1);
    expect(sts.seen[0]!.form).toMatchObject({
      Action: 'AssumeRole',
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      RoleSessionName: 'my-session',
      ExternalId: 'ext-1',
      DurationSeconds: '1800',
    });
    expect(String(sts.seen[0]!.headers.authorization)).toContain('Credential=AKIDSOURCE000000000/');
    expect(signingKey()).toBe(stsKeys.accessKeyId);
    expect(ec2.requests[0]!.headers['x-amz-security-token']).toBe(stsKeys.sessionToken);
    // the CLI's cache: ~/.aws/cli/cache/<sha1 of the sorted arguments>.json
    const cached = readdirSync(join(home, '.aws', 'cli', 'cache'));
    expect(cached).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(home, '.aws', 'cli', 'cache', cached[0]!), 'utf8')).Credentials.AccessKeyId).toBe(stsKeys.accessKeyId);
    // a second run uses the cache
    expect((await run([])).code).toBe(0);
    expect(sts.seen).toHaveLength(1);
    expect(signingKey(1)).toBe(stsKeys.accessKeyId);
  });

  test('the cache key is the one the real CLI uses', async () => {
    const sts = await serve(fakeSts());
    write('.aws/config', roleProfile(sts.url).replace('[default]\n', '[default]\nservices = local\n'));
    await run([]);
    // sha1 of json.dumps({"DurationSeconds": 1800, "ExternalId": "ext-1", "RoleArn": "...", "RoleSessionName": "my-session"}, sort_keys=True)
    const key = createHash('sha1')
      .update('{"DurationSeconds": 1800, "ExternalId": "ext-1", "RoleArn": "arn:aws:iam::123456789012:role/r", "RoleSessionName": "my-session"}')
      .digest('hex');
    expect(readdirSync(join(home, '.aws', 'cli', 'cache'))).toEqual([`${key}.json`]);
  });

  test('STS errors are reported as the CLI reports them, after parameter validation', async () => {
    const sts = await serve(fakeSts({ code: 'AccessDenied', message: 'User is not authorized to perform: sts:AssumeRole' }));
    write('.aws/config', roleProfile(sts.url).replace('[default]\n', '[default]\nservices = local\n'));
    const invalid = await runOurs([...op, '--cli-input-json', '{"DryRun": 3}'], { env: { HOME: home, AWS_REGION: 'us-east-1' } });
    expect(invalid.code).toBe(252);
    expect(sts.seen).toHaveLength(0);
    const result = await run([]);
    expect(result).toMatchObject({
      code: 254,
      stdout: '',
      stderr: '\nAn error occurred (AccessDenied) when calling the AssumeRole operation: User is not authorized to perform: sts:AssumeRole\n',
    });
    expect(ec2.requests).toHaveLength(0);
  });

  test('environment keys come before assume role', async () => {
    write('.aws/config', '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n');
    expect((await run([], { ...testKeys, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1' })).code).toBe(0);
    expect(signingKey()).toBe(testKeys.AWS_ACCESS_KEY_ID);
  });

  test('AWS_ENDPOINT_URL_STS points STS elsewhere; credential_source = Environment under --profile', async () => {
    const sts = await serve(fakeSts());
    write('.aws/config', '[profile r]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n');
    const result = await run(['--profile', 'r'], { ...testKeys, AWS_ENDPOINT_URL_STS: sts.url });
    expect(result.code).toBe(0);
    expect(String(sts.seen[0]!.headers.authorization)).toContain(`Credential=${testKeys.AWS_ACCESS_KEY_ID}/`);
    expect(sts.seen[0]!.form.RoleSessionName).toMatch(/^botocore-session-\d+$/);
    expect(signingKey()).toBe(stsKeys.accessKeyId);
  });

  test('mfa_serial asks for the code (no terminal: on stderr, read from stdin) and sends it', async () => {
    const sts = await serve(fakeSts());
    write('.aws/config', roleProfile(sts.url, 'mfa_serial = arn:aws:iam::123456789012:mfa/me\n').replace('[default]\n', '[default]\nservices = local\n'));
    // setsid: no controlling terminal, as in CI, so getpass falls back to stderr and stdin
    const result = await runCommand(['setsid', '-w', process.execPath, ourBinary, ...op, ...all, '--endpoint-url', ec2.url], {
      env: { HOME: home, AWS_REGION: 'us-east-1' },
      input: '123456\n',
    });
    expect(result).toMatchObject({
      code: 0,
      stdout: SUCCESS,
      stderr:
        '/usr/lib/python3.11/getpass.py:91: GetPassWarning: Can not control echo on the terminal.\n  passwd = fallback_getpass(prompt, stream)\n' +
        'Warning: Password input may be echoed.\nEnter MFA code for arn:aws:iam::123456789012:mfa/me: \n',
    });
    expect(sts.seen[0]!.form).toMatchObject({ SerialNumber: 'arn:aws:iam::123456789012:mfa/me', TokenCode: '123456' });
  });

  test('web identity from the environment (unsigned AssumeRoleWithWebIdentity)', async () => {
    const sts = await serve(fakeSts());
    write('token', 'web-identity-token-value');
    const result = await run([], {
      AWS_WEB_IDENTITY_TOKEN_FILE: join(home, 'token'),
      AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/web',
      AWS_ROLE_SESSION_NAME: 'web-session',
      AWS_ENDPOINT_URL_STS: sts.url,
    });
    expect(result.code).toBe(0);
    expect(sts.seen[0]!.form).toMatchObject({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: 'arn:aws:iam::123456789012:role/web',
      RoleSessionName: 'web-session',
      WebIdentityToken: 'web-identity-token-value',
    });
    expect(sts.seen[0]!.headers.authorization).toBeUndefined();
    expect(signingKey()).toBe(stsKeys.accessKeyId);
  });
});

describe('SSO', () => {
  const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
  const startUrl = 'https://example.awsapps.com/start';
  const later = () => new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');

  test('legacy profile: cached token, GetRoleCredentials on the portal', async () => {
    const sso = await serve(fakeSso());
    write('.aws/config', `[default]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`);
    write(`.aws/sso/cache/${sha1(startUrl)}.json`, JSON.stringify({ accessToken: 'sso-access-token-value', expiresAt: later(), region: 'us-east-1', startUrl }));
    const result = await run([], { AWS_ENDPOINT_URL_SSO: sso.url });
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
    expect(sso.seen[0]!.path).toBe('/federation/credentials?role_name=Admin&account_id=123456789012');
    expect(sso.seen[0]!.headers['x-amz-sso_bearer_token']).toBe('sso-access-token-value');
    expect(signingKey()).toBe(ssoKeys.accessKeyId);
    // the role credentials are cached under the CLI's key
    const key = sha1(JSON.stringify({ accountId: '123456789012', roleName: 'Admin', startUrl }));
    expect(readdirSync(join(home, '.aws', 'cli', 'cache'))).toEqual([`${key}.json`]);
  });

  test('a token the portal refuses gives the SSO session message', async () => {
    const sso = await serve(fakeSso({ unauthorized: true }));
    write('.aws/config', `[default]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n`);
    write(`.aws/sso/cache/${sha1(startUrl)}.json`, JSON.stringify({ accessToken: 'sso-access-token-value', expiresAt: later() }));
    const result = await run([], { AWS_ENDPOINT_URL_SSO: sso.url });
    expect(result).toMatchObject({
      code: 255,
      stdout: '',
      stderr:
        '\nThe SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.\n',
    });
  });

  test('sso-session: an expiring token is refreshed through SSO-OIDC and saved', async () => {
    const sso = await serve(fakeSso({ newAccessToken: 'refreshed-token-value' }));
    write('.aws/config', `[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\n`);
    const tokenFile = `.aws/sso/cache/${sha1('corp')}.json`;
    write(tokenFile, JSON.stringify({
      accessToken: 'old-token-value', expiresAt: new Date(Date.now() + 60_000).toISOString(), refreshToken: 'refresh-token-value',
      clientId: 'client-id', clientSecret: 'client-secret-value', registrationExpiresAt: later(),
    }));
    const result = await run([], { AWS_ENDPOINT_URL_SSO: sso.url, AWS_ENDPOINT_URL_SSO_OIDC: sso.url });
    expect(result.code).toBe(0);
    expect(JSON.parse(sso.seen[0]!.body)).toMatchObject({ grantType: 'refresh_token', refreshToken: 'refresh-token-value', clientId: 'client-id' });
    expect(sso.seen[1]!.headers['x-amz-sso_bearer_token']).toBe('refreshed-token-value');
    expect(JSON.parse(readFileSync(join(home, tokenFile), 'utf8')).accessToken).toBe('refreshed-token-value');
  });
});

describe('container and instance metadata', () => {
  test('container endpoint with an authorization token', async () => {
    const container = await serve(fakeContainer('secret-auth-token'));
    const result = await run([], { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'secret-auth-token' });
    expect(result.code).toBe(0);
    expect(container.seen[0]!.headers.accept).toBe('application/json');
    expect(signingKey()).toBe(containerKeys.AccessKeyId);
  });

  test('a failing container endpoint is tried three times, then reported', async () => {
    const container = await serve(fakeContainer(undefined, 500));
    const result = await run([], { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/creds` });
    expect(result).toMatchObject({
      code: 255,
      stderr:
        '\nError when retrieving credentials from container-role: Error retrieving metadata: Received non 200 response 500 from container metadata: failure from the container endpoint\n',
    });
    expect(container.seen).toHaveLength(3);
    expect(ec2.requests).toHaveLength(0);
  }, 20_000);

  test('IMDSv2 gives the region and the role credentials', async () => {
    const imds = await serve(fakeImds());
    const result = await runOurs([...op, ...all, '--endpoint-url', ec2.url], {
      env: { HOME: home, AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url },
    });
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS });
    expect(signingKey()).toBe(imdsKeys.AccessKeyId);
    expect(String(ec2.requests[0]!.headers.authorization)).toContain('/eu-west-3/ec2/aws4_request');
    expect(imds.seen[0]).toMatchObject({ method: 'PUT', path: '/latest/api/token' });
  });
});

describe('--debug', () => {
  test('logs profile, region, endpoint, credentials and the exchange without any secret', async () => {
    const sts = await serve(fakeSts());
    write('.aws/config', `[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n[profile base]\naws_access_key_id = AKIDSOURCE000000000\naws_secret_access_key = source-secret-value-1234\n`);
    const result = await run(['--debug'], { AWS_ENDPOINT_URL_STS: sts.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(SUCCESS);
    const log = result.stderr;
    expect(log).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - [\w.]+ - (DEBUG|INFO) - /m);
    expect(log).toContain('Region: us-east-1');
    expect(log).toContain(`Endpoint provider result: ${ec2.url}`);
    expect(log).toContain('Credential source: assume-role');
    expect(log).toContain('<success>true</success>');
    for (const secret of ['source-secret-value-1234', stsKeys.secretAccessKey, stsKeys.sessionToken]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(log).not.toMatch(/'authorization': 'AWS4/i);
  });

  test('opens with the CLI version and the arguments, like the real log, on every path (a skeleton too)', async () => {
    const result = await runOurs([...op, '--generate-cli-skeleton', '--debug'], { env: { HOME: home } });
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toMatch(/ - MainThread - awscli\.clidriver - DEBUG - CLI version: aws-cli\/\S+ Node\/\S+ \S+\/\S+ source\/\S+$/);
    expect(lines[1]).toMatch(/ - MainThread - awscli\.clidriver - DEBUG - Arguments entered to CLI: \['ec2', 'release-ipam-pool-allocation', '--generate-cli-skeleton', '--debug'\]$/);
  });

  test('environment keys and the session token never appear', async () => {
    const result = await run(['--debug'], { ...testKeys, AWS_SESSION_TOKEN: 'env-session-token-never-print' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Sending http request');
    expect(result.stderr).not.toContain(testKeys.AWS_SECRET_ACCESS_KEY);
    expect(result.stderr).not.toContain('env-session-token-never-print');
  });
});
