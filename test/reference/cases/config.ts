// Configuration, credentials, endpoints, retries and service errors: config/credentials files
// and profiles, region and output resolution, the credential chain's errors, configured
// endpoints, retry settings, and how errors and malformed answers from the endpoint are reported.
import type { Scenario } from '../../helpers/scenario';
import { errorReply, successReply, type Reply } from '../../helpers/fake-ec2';
import { testKeys } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const keys = { ...testKeys };
const keysAndRegion = { ...testKeys, AWS_REGION: 'us-east-1' };
const config = (text: string) => ({ '.aws/config': text });
const ok = [successReply()];
const configuredEndpoints = 'versions.md §3: 2.9.19 ignores configured endpoints';
const body = (status: number, text: string): Reply => ({ status, body: text });
const errorXml = (inner: string) => `<Response><Errors><Error>${inner}</Error></Errors><RequestID>r-1</RequestID></Response>`;

export const scenarios: Scenario[] = [
  // ---- config file parsing (configparser rules, botocore's message) ----
  { name: 'config: unclosed section header', args: op, files: config('[default\nregion = us-east-1\n') },
  { name: 'config: parse error before --version', args: ['--version'], files: config('[default\nregion=x\n'), differsIn2919: 'version string' },
  { name: 'config: key before any section', args: [...op, ...all], files: config('region = us-east-1\n[default]\n') },
  { name: 'config: duplicate section', args: [...call], env: keysAndRegion, files: config('[default]\nregion = us-east-1\n[default]\noutput = json\n'), replies: ok },
  { name: 'config: duplicate key', args: [...call], env: keysAndRegion, files: config('[default]\nregion = us-east-1\nRegion = us-west-2\n'), replies: ok },
  { name: 'config: line without delimiter', args: [...call], env: keysAndRegion, files: config('[default]\nregion us-east-1\n'), replies: ok },
  { name: 'config: empty key', args: [...call], env: keysAndRegion, files: config('[default]\n= us-east-1\n'), replies: ok },
  { name: 'config: nested value without equals', args: [...call], env: keysAndRegion, files: config('[default]\ns3 =\n  nothing here\n'), replies: ok },
  { name: 'config: byte order mark', args: [...call], env: keysAndRegion, files: config('\ufeff[default]\nregion = us-east-1\n'), replies: ok },
  { name: 'config: not utf-8', args: [...call], env: keysAndRegion, files: config('[default]\nregion = us-east-1\n# \xff\n'), replies: ok },
  { name: 'config: credentials file parse error', args: [...call], env: keysAndRegion, files: { '.aws/credentials': '[default\n' }, replies: ok },
  {
    name: 'config: comments, colon delimiter, continuation and upper-case keys',
    args: [...call],
    env: keys,
    files: config('# comment\n; another\n[default]\nREGION : us-east-1\nnote = first\n  second line\n\n   # indented comment\noutput=json\n'),
    replies: ok,
  },
  { name: 'config: DEFAULT section is inherited', args: [...call], env: keys, files: config('[DEFAULT]\nregion = us-east-1\n[default]\noutput = json\n'), replies: ok },
  { name: 'config: DEFAULT section alone', args: [...call], env: keys, files: config('[DEFAULT]\nregion = us-east-1\n'), replies: ok },
  { name: 'config: section header with trailing text', args: [...call], env: keys, files: config('[default] trailing\nregion = us-east-1\n'), replies: ok },

  // ---- profiles ----
  { name: 'profile: [profile x] selected with --profile', args: [...call, '--profile', 'dev'], env: keys, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: [x] without prefix is not a profile', args: [...call, '--profile', 'dev'], env: keys, files: config('[dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: [profile default] is the default profile', args: [...call], env: keys, files: config('[profile default]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: later of [default] and [profile default] wins', args: [...call], env: keys, files: config('[profile default]\nregion = us-east-1\n[default]\nregion = us_bad\n'), replies: ok },
  { name: 'profile: quoted name', args: [...call, '--profile', 'my dev'], env: keys, files: config('[profile "my dev"]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: names are case-sensitive', args: [...call, '--profile', 'DEV'], env: keys, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: AWS_PROFILE', args: [...call], env: { ...keys, AWS_PROFILE: 'dev' }, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: AWS_DEFAULT_PROFILE', args: [...call], env: { ...keys, AWS_DEFAULT_PROFILE: 'dev' }, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: AWS_PROFILE before AWS_DEFAULT_PROFILE', args: [...call], env: { ...keys, AWS_PROFILE: 'nope', AWS_DEFAULT_PROFILE: 'dev' }, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: --profile before AWS_PROFILE', args: [...call, '--profile', 'dev'], env: { ...keys, AWS_PROFILE: 'nope' }, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'profile: unknown', args: [...call, '--profile', 'nope'], env: keysAndRegion, replies: ok },
  { name: 'profile: unknown and no region', args: [...call, '--profile', 'nope'], env: keys, replies: ok },
  { name: 'profile: unknown with --region and --ca-bundle', args: [...call, '--profile', 'nope', '--region', 'us-east-1', '--ca-bundle', '/nonexistent'], env: keys, replies: ok },
  { name: 'profile: unknown with invalid --region', args: [...call, '--profile', 'nope', '--region', 'bad region'], env: keys, replies: ok },
  { name: 'profile: unknown does not hide missing arguments', args: [...op, '--profile', 'nope'], env: keys },
  { name: 'profile: empty AWS_PROFILE', args: [...call], env: { ...keysAndRegion, AWS_PROFILE: '' }, replies: ok },
  { name: 'profile: explicit default without a section', args: [...call, '--profile', 'default'], env: keysAndRegion, replies: ok },
  { name: 'profile: only in the credentials file', args: [...call, '--profile', 'dev'], env: { AWS_REGION: 'us-east-1' }, files: { '.aws/credentials': `[dev]\naws_access_key_id = ${testKeys.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${testKeys.AWS_SECRET_ACCESS_KEY}\n` }, replies: ok },
  { name: 'profile: region from the credentials file', args: [...call], env: keys, files: { '.aws/credentials': '[default]\nregion = us-east-1\n' }, replies: ok },
  { name: 'profile: [profile x] in the credentials file is not x', args: [...call, '--profile', 'dev'], env: keysAndRegion, files: { '.aws/credentials': '[profile dev]\nregion = us-east-1\n' }, replies: ok },

  // ---- region ----
  { name: 'region: none', args: [...call], env: keys, replies: ok },
  { name: 'region: invalid format', args: [...call], env: { ...keys, AWS_REGION: 'us_east_1' }, replies: ok },
  { name: 'region: empty AWS_REGION', args: [...op, ...all], env: { ...keys, AWS_REGION: '' } },
  { name: 'region: empty --region', args: [...op, ...all, '--region', ''], env: keysAndRegion },
  { name: 'region: AWS_REGION before AWS_DEFAULT_REGION', args: [...call], env: { ...keys, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'bad_region' }, replies: ok },
  { name: 'region: AWS_DEFAULT_REGION before the profile', args: [...call], env: { ...keys, AWS_DEFAULT_REGION: 'us-east-1' }, files: config('[default]\nregion = bad_region\n'), replies: ok },
  { name: 'region: --region before the environment', args: [...call, '--region', 'us-east-1'], env: { ...keys, AWS_REGION: 'bad_region' }, replies: ok },
  { name: 'region: no region with skeleton output', args: [...op, ...all, '--generate-cli-skeleton', 'output'], env: keys },
  { name: 'region: checked before parameter validation', args: [...op, '--cli-input-json', '{"DryRun": 3}'], env: keys },

  // ---- output settings ----
  { name: 'output: AWS_DEFAULT_OUTPUT invalid (after the call)', args: [...call], env: { ...keysAndRegion, AWS_DEFAULT_OUTPUT: 'xml' }, replies: ok },
  { name: 'output: profile output text', args: [...call], env: keysAndRegion, files: config('[default]\noutput = text\n'), replies: ok },
  { name: 'output: AWS_DEFAULT_OUTPUT before the profile', args: [...call], env: { ...keysAndRegion, AWS_DEFAULT_OUTPUT: 'text' }, files: config('[default]\noutput = xml\n'), replies: ok },
  { name: 'output: --output before AWS_DEFAULT_OUTPUT', args: [...call, '--output', 'json'], env: { ...keysAndRegion, AWS_DEFAULT_OUTPUT: 'xml' }, replies: ok },
  { name: 'output: bad cli_timestamp_format before argument errors', args: [...op], env: keys, files: config('[default]\ncli_timestamp_format = local\n') },
  { name: 'output: bad cli_timestamp_format of an unknown profile is ignored', args: [...op, '--profile', 'x'], env: keys, files: config('[default]\ncli_timestamp_format = local\n') },
  { name: 'output: cli_timestamp_format wire', args: [...call], env: keysAndRegion, files: config('[default]\ncli_timestamp_format = wire\n'), replies: ok },

  { name: 'output: parameter_validation off sends what it is given', args: [...op, '--endpoint-url', '{{ENDPOINT}}', '--cli-input-json', '{"DryRun": 0, "IpamPoolId": 5}'], env: keysAndRegion, files: config('[default]\nparameter_validation = false\n'), replies: ok },
  { name: 'output: parameter_validation off, unknown key', args: [...op, '--endpoint-url', '{{ENDPOINT}}', '--cli-input-json', '{"Bogus": 1}'], env: keysAndRegion, files: config('[default]\nparameter_validation = false\n'), replies: ok },

  // ---- credentials ----
  { name: 'credentials: none', args: [...call], env: { AWS_REGION: 'us-east-1' }, replies: ok },
  { name: 'credentials: none, validation first', args: [...op, '--cli-input-json', '{"DryRun": 3}', '--region', 'us-east-1'] },
  { name: 'credentials: none is fine for skeleton output', args: [...op, ...all, '--generate-cli-skeleton', 'output', '--region', 'us-east-1'] },
  { name: 'credentials: partial environment', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKID' }, replies: ok },
  { name: 'credentials: partial environment with skeleton output', args: [...op, ...all, '--generate-cli-skeleton', 'output'], env: { AWS_ACCESS_KEY_ID: 'AKID' } },
  { name: 'credentials: partial shared credentials file', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: { '.aws/credentials': '[default]\naws_access_key_id = AKID\n' }, replies: ok },
  { name: 'credentials: partial config file', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\naws_access_key_id = AKID\n'), replies: ok },
  { name: 'credentials: config file keys', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config(`[default]\naws_access_key_id = AKID\naws_secret_access_key = ${testKeys.AWS_SECRET_ACCESS_KEY}\n`), replies: ok },
  { name: 'credentials: --profile turns environment keys off', args: [...call, '--profile', 'dev'], env: keys, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'credentials: AWS_PROFILE keeps environment keys', args: [...call], env: { ...keys, AWS_PROFILE: 'dev' }, files: config('[profile dev]\nregion = us-east-1\n'), replies: ok },
  { name: 'credentials: --no-sign-request needs none', args: [...call, '--no-sign-request'], env: { AWS_REGION: 'us-east-1' }, replies: ok },
  { name: 'credentials: process succeeds', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config(`[default]\ncredential_process = printf '{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "s3cr3t-value"}'\n`), replies: ok },
  { name: 'credentials: process fails with stderr', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\ncredential_process = sh -c "echo no way >&2; exit 3"\n'), replies: ok },
  { name: 'credentials: process fails before the region check', args: [...call], files: config('[default]\ncredential_process = false\n'), replies: ok },
  { name: 'credentials: process fails before validation', args: [...op, '--cli-input-json', '{"DryRun": 3}', '--region', 'us-east-1'], files: config('[default]\ncredential_process = false\n') },
  { name: 'credentials: process not JSON', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\ncredential_process = echo hello\n'), replies: ok },
  { name: 'credentials: process empty output', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\ncredential_process = true\n'), replies: ok },
  { name: 'credentials: process wrong version', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config(`[default]\ncredential_process = printf '{"Version": 2}'\n`), replies: ok },
  { name: 'credentials: process without version', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config(`[default]\ncredential_process = printf '{}'\n`), replies: ok },
  { name: 'credentials: process missing secret', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config(`[default]\ncredential_process = printf '{"Version": 1, "AccessKeyId": "AKID"}'\n`), replies: ok },
  { name: 'credentials: process command not found', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\ncredential_process = /nonexistent/helper --flag\n'), replies: ok },
  { name: 'credentials: process skipped under --no-sign-request', args: [...call, '--no-sign-request'], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\ncredential_process = false\n'), replies: ok , differsIn2919: '2.9.19 runs credential_process even with --no-sign-request' },
  { name: 'credentials: assume role without a source', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\n'), replies: ok },
  { name: 'credentials: assume role with both sources', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\ncredential_source = Environment\n[profile a]\n'), replies: ok },
  { name: 'credentials: assume role with a missing source profile', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = gone\n'), replies: ok },
  { name: 'credentials: assume role with an unknown credential_source', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = environment\n'), replies: ok },
  { name: 'credentials: assume role from an empty environment', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n'), replies: ok },
  { name: 'credentials: assume role from a profile without credentials', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n[profile a]\nregion = us-east-1\n'), replies: ok },
  { name: 'credentials: assume role loop', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n[profile a]\nrole_arn = arn:aws:iam::123456789012:role/s\nsource_profile = default\n'), replies: ok },
  { name: 'credentials: assume role source with a failing process', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n[profile a]\ncredential_process = sh -c "echo denied >&2; exit 1"\n'), replies: ok },
  { name: 'credentials: assume role is not called for skeleton output', args: [...op, ...all, '--generate-cli-skeleton', 'output', '--region', 'us-east-1'], files: config(`[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = a\n[profile a]\naws_access_key_id = AKID\naws_secret_access_key = s3cr3t-value\n`) },
  { name: 'credentials: sso profile missing settings', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nsso_account_id = 123456789012\n'), replies: ok },
  { name: 'credentials: sso legacy token missing', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n'), replies: ok },
  {
    name: 'credentials: sso legacy token expired',
    args: [...call],
    env: { AWS_REGION: 'us-east-1' },
    files: {
      ...config('[default]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n'),
      // sha1("https://example.awsapps.com/start")
      '.aws/sso/cache/e8be5486177c5b5392bd9aa76563515b29358e6e.json': '{"accessToken": "expired-token-value", "expiresAt": "2020-01-01T00:00:00Z"}',
    },
    replies: ok,
    differsIn2919: '2.9.19 does not check the expiry first and calls the real SSO portal',
  },
  { name: 'credentials: sso-session missing', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n'), replies: ok },
  { name: 'credentials: sso-session token missing', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n'), replies: ok },
  { name: 'credentials: sso-session inconsistent region', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nsso_session = corp\nsso_region = eu-west-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n'), replies: ok },
  { name: 'credentials: login session never saved', args: [...call], env: { AWS_REGION: 'us-east-1' }, files: config('[default]\nlogin_session = arn:aws:iam::123456789012:user/me\n'), replies: ok, differsIn2919: '2.9.19 has no login provider' },
  { name: 'credentials: web identity without a role', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_WEB_IDENTITY_TOKEN_FILE: '{{HOME}}/token' }, replies: ok },
  { name: 'credentials: web identity token file missing', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_WEB_IDENTITY_TOKEN_FILE: '{{HOME}}/token', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r' }, replies: ok },
  { name: 'credentials: container host not allowed', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://192.0.2.1/creds' }, replies: ok , differsIn2919: '2.9.19 words the allowed hosts differently' },
  { name: 'credentials: container token with a newline', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1/creds', AWS_CONTAINER_AUTHORIZATION_TOKEN: 'a\nb' }, replies: ok , differsIn2919: '2.9.19 fails later, in the HTTP client' },
  { name: 'credentials: AWS_CREDENTIAL_FILE missing', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_CREDENTIAL_FILE: '/nonexistent/file' }, replies: ok },
  { name: 'credentials: AWS_CREDENTIAL_FILE keys', args: [...call], env: { AWS_REGION: 'us-east-1', AWS_CREDENTIAL_FILE: '{{HOME}}/ec2creds' }, files: { ec2creds: 'AWSAccessKeyId=AKID\nAWSSecretKey=s3cr3t-value\n' }, replies: ok },
  { name: 'credentials: boto config', args: [...call], env: { AWS_REGION: 'us-east-1', BOTO_CONFIG: '{{HOME}}/boto.cfg' }, files: { 'boto.cfg': '[Credentials]\naws_access_key_id = AKID\naws_secret_access_key = s3cr3t-value\n' }, replies: ok },
  { name: 'credentials: expired environment credentials', args: [...call], env: { ...keysAndRegion, AWS_CREDENTIAL_EXPIRATION: '2020-01-01T00:00:00Z' }, replies: ok },

  // ---- configured endpoints (2.33.31) ----
  { name: 'endpoint: AWS_ENDPOINT_URL_EC2', args: [...op, ...all], env: { ...keysAndRegion, AWS_ENDPOINT_URL_EC2: '{{ENDPOINT}}' }, replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: AWS_ENDPOINT_URL', args: [...op, ...all], env: { ...keysAndRegion, AWS_ENDPOINT_URL: '{{ENDPOINT}}' }, replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: service variable before the global one', args: [...op, ...all], env: { ...keysAndRegion, AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_EC2: '{{ENDPOINT}}' }, replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: profile endpoint_url', args: [...op, ...all], env: keysAndRegion, files: config('[default]\nendpoint_url = {{ENDPOINT}}\n'), replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: services section', args: [...op, ...all], env: keysAndRegion, files: config('[default]\nservices = local\nendpoint_url = http://127.0.0.1:1\n[services local]\nec2 =\n  endpoint_url = {{ENDPOINT}}\n'), replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: services section missing', args: [...op, ...all], env: keysAndRegion, files: config('[default]\nservices = gone\n'), replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: services entry not nested', args: [...op, ...all], env: keysAndRegion, files: config('[default]\nservices = local\n[services local]\nec2 = {{ENDPOINT}}\n'), replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: --endpoint-url before the environment', args: [...call], env: { ...keysAndRegion, AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:1' }, replies: ok },
  { name: 'endpoint: environment before the profile', args: [...op, ...all], env: { ...keysAndRegion, AWS_ENDPOINT_URL: '{{ENDPOINT}}' }, files: config('[default]\nendpoint_url = http://127.0.0.1:1\n'), replies: ok, differsIn2919: configuredEndpoints },
  { name: 'endpoint: ignore configured endpoints', args: [...call], env: { ...keysAndRegion, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'not a url' }, replies: ok },
  { name: 'endpoint: configured endpoint without a scheme', args: [...op, ...all], env: { ...keysAndRegion, AWS_ENDPOINT_URL: 'localhost:1' }, differsIn2919: configuredEndpoints },
  { name: 'endpoint: --endpoint-url without a host', args: [...op, ...all, '--endpoint-url', 'http://'], env: keysAndRegion },
  { name: 'endpoint: --endpoint-url without a host and no region', args: [...op, ...all, '--endpoint-url', 'http://'], env: keys },
  { name: 'endpoint: FIPS is ignored with a custom endpoint', args: [...call], env: { ...keysAndRegion, AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' }, replies: ok },
  { name: 'endpoint: connection refused', args: [...op, ...all, '--endpoint-url', 'http://127.0.0.1:1'], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '1' } },

  // ---- retries ----
  { name: 'retry: legacy mode', args: [...call], env: { ...keysAndRegion, AWS_RETRY_MODE: 'legacy' }, replies: ok },
  { name: 'retry: unknown mode in the profile', args: [...call], env: keysAndRegion, files: config('[default]\nretry_mode = fast\n'), replies: ok },
  { name: 'retry: max attempts zero', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '0' }, replies: ok },
  { name: 'retry: max attempts not a number', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: 'three' }, replies: ok },
  { name: 'retry: mode checked after the region', args: [...call], env: { ...keys, AWS_RETRY_MODE: 'legacy' }, replies: ok },
  { name: 'retry: mode checked before validation', args: [...op, '--cli-input-json', '{"DryRun": 3}', '--region', 'us-east-1'], env: { ...keys, AWS_RETRY_MODE: 'legacy' } },
  { name: 'retry: max attempts 1 reports reached max retries 0', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '1' }, replies: [errorReply('InvalidIpamPoolId.Malformed', 'bad id')] },
  { name: 'retry: 503 until max attempts from the profile', args: [...call], env: keysAndRegion, files: config('[default]\nmax_attempts = 2\n'), replies: [body(503, ''), body(503, '')] },
  { name: 'retry: throttled then a client error', args: [...call], env: keysAndRegion, replies: [errorReply('RequestLimitExceeded', 'Request limit exceeded.', 503), errorReply('InvalidIpamPoolId.Malformed', 'bad id')] },
  { name: 'retry: throttled then success', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '2' }, replies: [errorReply('Throttling', 'Rate exceeded', 400), successReply()] },
  { name: 'retry: adaptive mode', args: [...call], env: { ...keysAndRegion, AWS_RETRY_MODE: 'adaptive', AWS_MAX_ATTEMPTS: '2' }, replies: [body(500, ''), body(500, '')] },

  // ---- service errors ----
  { name: 'error: DryRunOperation', args: [...call, '--dry-run'], env: keysAndRegion, replies: [errorReply('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412)] },
  { name: 'error: UnauthorizedOperation', args: [...call], env: keysAndRegion, replies: [errorReply('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)] },
  { name: 'error: code without message', args: [...call], env: keysAndRegion, replies: [body(400, errorXml('<Code>InvalidParameterValue</Code>'))] },
  { name: 'error: message without code', args: [...call], env: keysAndRegion, replies: [body(400, errorXml('<Message>Something</Message>'))] },
  { name: 'error: empty code element', args: [...call], env: keysAndRegion, replies: [body(400, errorXml('<Code/><Message>m</Message>'))] },
  { name: 'error: repeated code elements', args: [...call], env: keysAndRegion, replies: [body(400, errorXml('<Code>A</Code><Code>B</Code><Message>m</Message>'))] },
  { name: 'error: entities in the message', args: [...call], env: keysAndRegion, replies: [body(400, errorXml('<Code>X</Code><Message>a &lt;b&gt; &amp; &#39;c&#39; &#x263A;</Message>'))] },
  { name: 'error: namespaced error document', args: [...call], env: keysAndRegion, replies: [body(400, '<?xml version="1.0"?><Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors></Response>')] },
  { name: 'error: query-style ErrorResponse', args: [...call], env: keysAndRegion, replies: [body(400, '<ErrorResponse><Error><Type>Sender</Type><Code>X</Code><Message>m</Message></Error><RequestId>1</RequestId></ErrorResponse>')] },
  { name: 'error: html page with 400', args: [...call], env: keysAndRegion, replies: [body(400, '<html><body><h1>Bad Request</h1></body></html>')] },
  { name: 'error: html page with 502', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '1' }, replies: [body(502, '<html><body>Bad gateway</body></html>')] },
  { name: 'error: empty 500', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '1' }, replies: [body(500, '')] },
  { name: 'error: 500 with XML error', args: [...call], env: { ...keysAndRegion, AWS_MAX_ATTEMPTS: '1' }, replies: [body(500, errorXml('<Code>InternalError</Code><Message>An internal error has occurred</Message>'))] },
  { name: 'error: 500 with text body', args: [...call], env: keysAndRegion, replies: [body(500, 'Internal failure')] },
  { name: 'error: unknown status without body', args: [...call], env: keysAndRegion, replies: [body(599, '')] },
  { name: 'error: 404 with empty body', args: [...call], env: keysAndRegion, replies: [body(404, '')] },
  { name: 'error: Errors element empty', args: [...call], env: keysAndRegion, replies: [body(400, '<Response><Errors/></Response>')] },

  // ---- answers that do not parse ----
  { name: 'parse: empty 200', args: [...call], env: keysAndRegion, replies: [body(200, '')] },
  { name: 'parse: text 200', args: [...call], env: keysAndRegion, replies: [body(200, 'OK')] },
  { name: 'parse: truncated', args: [...call], env: keysAndRegion, replies: [body(200, '<ReleaseIpamPoolAllocationResponse><success>true</success>')] },
  { name: 'parse: mismatched tag', args: [...call], env: keysAndRegion, replies: [body(200, '<a>\n  <b></a>')] },
  { name: 'parse: junk after the document', args: [...call], env: keysAndRegion, replies: [body(200, '<a></a><b/>')] },
  { name: 'parse: undefined entity', args: [...call], env: keysAndRegion, replies: [body(200, '<a>&nbsp;</a>')] },
  { name: 'parse: unclosed tag', args: [...call], env: keysAndRegion, replies: [body(200, '<a><b')] },
  { name: 'parse: declaration not at the start', args: [...call], env: keysAndRegion, replies: [body(200, ' <?xml version="1.0"?><a/>')] },
  { name: 'parse: invalid name', args: [...call], env: keysAndRegion, replies: [body(200, '<1a/>')] },
  { name: 'parse: unbound prefix', args: [...call], env: keysAndRegion, replies: [body(200, '<x:a/>')] },
  { name: 'parse: duplicate attribute', args: [...call], env: keysAndRegion, replies: [body(200, '<a b="1" b="2"/>')] },
  { name: 'parse: binary body', args: [...call], env: keysAndRegion, replies: [body(200, '\u0001\u0002')] },
  { name: 'parse: success false', args: [...call], env: keysAndRegion, replies: [successReply(false)] },
  { name: 'parse: success not true', args: [...call], env: keysAndRegion, replies: [body(200, '<R><success>TRUE</success></R>')] },
  { name: 'parse: success empty element', args: [...call], env: keysAndRegion, replies: [body(200, '<R><success/></R>')] },
  { name: 'parse: success in another namespace', args: [...call], env: keysAndRegion, replies: [body(200, '<R xmlns:n="urn:x"><n:success>true</n:success></R>')] },
  { name: 'parse: no success element', args: [...call], env: keysAndRegion, replies: [body(200, '<R><requestId>1</requestId></R>')] },
];
