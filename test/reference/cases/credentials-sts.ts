// STS AssumeRole (role_arn with a source_profile) and AssumeRoleWithWebIdentity (token file and
// AWS_ROLE_ARN) answering odd XML: missing, empty or wrong elements, expirations botocore cannot
// use, error documents, bodies that are not XML, retried statuses. STS is a scripted server
// ({{STS}}, through AWS_ENDPOINT_URL_STS); each scenario pins the requests it and EC2 received.
import { createHash } from 'node:crypto';
import { ASSUMED_USER, cacheFileShapes, PAST_ISO, raw, sts, stsCredentials, stsError, stsResult } from '../../helpers/credential-answers';
import { stsKeys } from '../../helpers/fake-aws';
import type { Answer } from '../../helpers/fake-aws';
import { successReply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';
import { testKeys } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const configuredEndpoints = 'versions.md §3: 2.9.19 ignores AWS_ENDPOINT_URL_STS and would call the real STS';

const assumeRoleConfig =
  '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nrole_session_name = sess\nsource_profile = src\n' +
  `[profile src]\naws_access_key_id = ${testKeys.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${testKeys.AWS_SECRET_ACCESS_KEY}\n`;

const roleCacheKey = createHash('sha1').update('{"RoleArn": "arn:aws:iam::123456789012:role/r", "RoleSessionName": "sess"}').digest('hex');

type Flavour = { readonly label: string; readonly action: string; readonly setup: Pick<Scenario, 'env' | 'files'> };

const flavours: Flavour[] = [
  {
    label: 'assume role',
    action: 'AssumeRole',
    setup: { env: { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_STS: '{{STS}}' }, files: { '.aws/config': assumeRoleConfig } },
  },
  {
    label: 'web identity',
    action: 'AssumeRoleWithWebIdentity',
    setup: {
      env: {
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_STS: '{{STS}}',
        AWS_WEB_IDENTITY_TOKEN_FILE: '{{HOME}}/token',
        AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r',
        AWS_ROLE_SESSION_NAME: 'sess',
      },
      files: { token: 'web-identity-token-value' },
    },
  },
];

const ok = (action: string, inner?: string) => raw(stsResult(action, inner));
const withUser = (credentials: string) => credentials + ASSUMED_USER;

/** The answers both flavours are given; `retried` ones run with AWS_MAX_ATTEMPTS=2 to stay quick. */
function answers(action: string): Array<{ name: string; answer: Answer; retried?: boolean }> {
  return [
    { name: 'a good answer signs the call', answer: ok(action) },
    { name: 'Credentials missing', answer: ok(action, ASSUMED_USER) },
    { name: 'Credentials empty', answer: ok(action, withUser('<Credentials/>')) },
    ...(['accessKeyId', 'secretAccessKey', 'sessionToken', 'expiration'] as const).flatMap((part) => [
      { name: `${part} missing`, answer: ok(action, withUser(stsCredentials({ [part]: null }))) },
      { name: `${part} empty`, answer: ok(action, withUser(stsCredentials({ [part]: '' }))) },
    ]),
    ...['not a date', PAST_ISO, '4070908800', '2099-01-01T00:00:00', '2099-13-01T00:00:00Z', 'Thu, 01 Jan 2099 00:00:00 GMT', ' 2099-01-01T00:00:00Z '].map((expiration) => ({
      name: `Expiration ${JSON.stringify(expiration)}`,
      answer: ok(action, withUser(stsCredentials({ expiration }))),
    })),
    { name: 'AccessKeyId not latin-1', answer: ok(action, withUser(stsCredentials({ accessKeyId: 'AKID&#x20AC;' }))) },
    { name: 'AccessKeyId with spaces around it', answer: ok(action, withUser(stsCredentials({ accessKeyId: ' ASIASTSASSUMED000001 ' }))) },
    { name: 'SessionToken not latin-1', answer: ok(action, withUser(stsCredentials({ sessionToken: 'tok&#x20AC;n' }))) },
    { name: 'AssumedRoleUser missing', answer: ok(action, stsCredentials()) },
    { name: 'AssumedRoleUser Arn not an ARN', answer: ok(action, stsCredentials() + '<AssumedRoleUser><Arn>nope</Arn><AssumedRoleId>x</AssumedRoleId></AssumedRoleUser>') },
    { name: 'unknown elements', answer: ok(action, withUser(stsCredentials()) + '<Surprise><Deep>1</Deep></Surprise>') },
    { name: 'Result element missing', answer: raw(`<${action}Response><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`) },
    { name: 'another root element', answer: raw(`<Other>${withUser(stsCredentials())}</Other>`) },
    { name: 'an error document with status 200', answer: raw(stsError('AccessDenied', 'denied')) },
    { name: 'body not XML', answer: raw('hello') },
    { name: 'body empty', answer: raw('') },
    { name: 'body truncated', answer: raw(stsResult(action).slice(0, 120)) },
    { name: 'body not UTF-8', answer: raw(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])) },
    { name: 'body JSON', answer: raw('{"Credentials": {}}', 200, { 'Content-Type': 'application/json' }) },
    { name: '403 AccessDenied', answer: raw(stsError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole'), 403) },
    { name: '400 ExpiredTokenException', answer: raw(stsError('ExpiredTokenException', 'The security token included in the request is expired'), 400) },
    { name: '400 InvalidIdentityToken', answer: raw(stsError('InvalidIdentityToken', 'Couldn\'t retrieve verification key'), 400) },
    { name: '400 without a Code', answer: raw(stsError(null, 'no code here'), 400) },
    { name: '400 without a Message', answer: raw(stsError('ValidationError', null), 400) },
    { name: '400 empty', answer: raw('', 400) },
    { name: '400 not XML', answer: raw('bad request', 400) },
    { name: '400 IDPCommunicationError', answer: raw(stsError('IDPCommunicationError', 'try again'), 400), retried: true },
    { name: '400 Throttling', answer: raw(stsError('Throttling', 'Rate exceeded'), 400), retried: true },
    { name: '500 InternalFailure', answer: raw(stsError('InternalFailure', 'oops'), 500), retried: true },
    { name: '503 HTML', answer: raw('<html><body>Service Unavailable</body></html>', 503), retried: true },
    { name: 'connection dropped', answer: { body: '', destroy: true }, retried: true },
  ];
}

export const scenarios: Scenario[] = [
  ...flavours.flatMap((flavour) =>
    answers(flavour.action).map(
      ({ name, answer, retried }): Scenario => ({
        name: `${flavour.label}: ${name}`,
        args: call,
        ...flavour.setup,
        ...(retried ? { env: { ...flavour.setup.env, AWS_MAX_ATTEMPTS: '2' } } : {}),
        servers: { sts: sts(answer) },
        replies: [successReply()],
        differsIn2919: configuredEndpoints,
      }),
    ),
  ),
  // the cached answer of the role (SHA-1 of Python's sorted JSON of the call's arguments)
  ...cacheFileShapes({ AccessKeyId: stsKeys.accessKeyId, SecretAccessKey: stsKeys.secretAccessKey, SessionToken: stsKeys.sessionToken }).map(
    ([name, text]): Scenario => ({
      name: `assume role: cached answer ${name}`,
      args: call,
      ...flavours[0]!.setup,
      files: { ...flavours[0]!.setup.files, [`.aws/cli/cache/${roleCacheKey}.json`]: text },
      servers: { sts: sts(ok('AssumeRole')) },
      replies: [successReply()],
      differsIn2919: configuredEndpoints,
    }),
  ),
  // the call's own parameters are validated before STS is asked
  {
    name: 'assume role: a one-letter session name fails validation',
    args: call,
    env: { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_STS: '{{STS}}' },
    files: { '.aws/config': assumeRoleConfig.replace('role_session_name = sess', 'role_session_name = s') },
    servers: { sts: sts(ok('AssumeRole')) },
    replies: [successReply()],
    differsIn2919: configuredEndpoints,
  },
  {
    name: 'web identity: a one-letter session name fails validation',
    args: call,
    env: { ...flavours[1]!.setup.env, AWS_ROLE_SESSION_NAME: 's' },
    files: flavours[1]!.setup.files,
    servers: { sts: sts(ok('AssumeRoleWithWebIdentity')) },
    replies: [successReply()],
    differsIn2919: configuredEndpoints,
  },
];
