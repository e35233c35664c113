// EC2 instance metadata (IMDSv2 on 127.0.0.1 through AWS_EC2_METADATA_SERVICE_ENDPOINT, metadata
// not disabled): the session token, the role list and the role's credentials each answering odd
// shapes. Each scenario pins 2.33.31's output and the requests IMDS and EC2 received. One attempt
// per request (botocore's default), and the fake answers at once, so no timeout is waited for.
import { awsOddFields, bodyShapes, fieldShapes, imds, imdsGood, json, PAST_ISO, raw, topLevelShapes, type ImdsScript, type Shape } from '../../helpers/credential-answers';
import { successReply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const env = { AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: '{{IMDS}}/' };

/** botocore extends credentials IMDS says have expired by 10 minutes plus 2 to 10 minutes of jitter; under 15 minutes left, the signer fetches again. */
const extension = { imds: { counts: [3, 6], why: 'IMDS expiry extension: random 120-600 s jitter decides whether the 15-minute refresh runs' } };

const credentialShapes: Shape[] = [
  ...topLevelShapes(imdsGood),
  ...fieldShapes(imdsGood, awsOddFields),
  ...bodyShapes(imdsGood),
  { name: 'an error document with Code and Message', answer: json({ Code: 'AssumeRoleUnauthorizedAccess', Message: 'EC2 cannot assume the role', LastUpdated: '2026-01-01T00:00:00Z' }) },
  { name: 'Expiration past in another format', answer: json({ ...imdsGood, Expiration: '2020-01-01T00:00:00+00:00' }) },
  { name: 'Expiration with fractional seconds', answer: json({ ...imdsGood, Expiration: '2099-01-01T00:00:00.123Z' }) },
  { name: 'status 404', answer: raw('', 404) },
  { name: 'status 500 with text', answer: raw('Internal Server Error', 500) },
  { name: 'connection dropped', answer: { body: '', destroy: true } },
];

const named = new Set<string>();
const unique = (shape: Shape) => (named.has(shape.name) ? false : (named.add(shape.name), true));

const scenario = (name: string, script: ImdsScript, extra: Partial<Scenario> = {}): Scenario => ({
  name: `imds: ${name}`,
  args: call,
  env,
  servers: { imds: imds(script) },
  replies: [successReply()],
  ...extra,
});

export const scenarios: Scenario[] = [
  scenario('a good answer signs the call', {}),
  ...credentialShapes.filter(unique).map((shape) =>
    scenario(`credentials ${shape.name}`, { credentials: shape.answer }, shape.name === `Expiration the string "${PAST_ISO}"` ? { countsVary: extension } : {}),
  ),

  // ---- the IMDSv2 session token ----
  scenario('token 404 falls back to IMDSv1', { token: raw('', 404) }),
  scenario('token 403 falls back to IMDSv1', { token: raw('', 403) }),
  scenario('token 405 falls back to IMDSv1', { token: raw('', 405) }),
  scenario('token 400 stops the lookup', { token: raw('', 400) }),
  scenario('token 500 falls back to IMDSv1', { token: raw('', 500) }),
  scenario('token 401 falls back to IMDSv1', { token: raw('', 401) }),
  scenario('token empty', { token: raw('') }),
  scenario('token connection dropped', { token: { body: '', destroy: true } }),
  scenario('token 404 with IMDSv1 disabled', { token: raw('', 404) }, { env: { ...env, AWS_EC2_METADATA_V1_DISABLED: 'true' }, differsIn2919: '2.9.19 has no AWS_EC2_METADATA_V1_DISABLED' }),
  scenario('token not latin-1', { token: raw('tok€n') }),
  scenario('token with a newline', { token: raw('tok\nen') }),

  // ---- the role list ----
  scenario('role list 404', { roles: raw('', 404) }),
  scenario('role list empty', { roles: raw('') }),
  scenario('role list 500', { roles: raw('oops', 500) }),
  scenario('role list with two roles', { roles: raw('instance-role\nsecond-role') }),
  scenario('role list with a trailing newline', { roles: raw('instance-role\n') }),
  scenario('role name with a space', { roles: raw('my role'), role: 'my role' }),
  scenario('role name not UTF-8', { roles: raw(new Uint8Array([0x72, 0xff])) }),
  scenario('role list connection dropped', { roles: { body: '', destroy: true } }),
];
