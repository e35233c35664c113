// The container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI on 127.0.0.1, with and
// without an authorization token) answering every JSON shape, odd bodies and HTTP errors. Each
// scenario pins 2.33.31's output and how many requests the endpoint and EC2 received: refused
// credentials never reach EC2. botocore fetches up to 3 times, sleeping 1 s after each failure.
import { awsOddFields as containerOddFields, bodyShapes, container, containerGood, containerWithToken, fieldShapes, json, raw, topLevelShapes, type Shape } from '../../helpers/credential-answers';
import { successReply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const env = { AWS_REGION: 'us-east-1', AWS_CONTAINER_CREDENTIALS_FULL_URI: '{{CONTAINER}}/v2/credentials' };
const TOKEN = 'secret-auth-token';
const tokenFileIsNew = '2.9.19 has no AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE';

const shapes: Shape[] = [
  ...topLevelShapes(containerGood),
  ...fieldShapes(containerGood, containerOddFields),
  ...bodyShapes(containerGood),
  { name: 'AccountId given', answer: json({ ...containerGood, AccountId: '123456789012' }) },
  { name: 'AccountId a number', answer: json({ ...containerGood, AccountId: 123456789012 }) },
  { name: 'status 404 with text', answer: raw('Not Found', 404) },
  { name: 'status 500 with a JSON error', answer: json({ code: 'InternalError', message: 'boom' }, 500) },
  { name: 'status 302 redirect', answer: { ...raw('', 302), headers: { Location: '/elsewhere' } } },
  { name: 'connection dropped', answer: { body: '', destroy: true } },
];

const named = new Set<string>();
const unique = (shape: Shape) => (named.has(shape.name) ? false : (named.add(shape.name), true));

export const scenarios: Scenario[] = [
  { name: 'container: a good answer signs the call', args: call, env, servers: { container: container(json(containerGood)) }, replies: [successReply()] },
  ...shapes.filter(unique).map(
    (shape): Scenario => ({ name: `container: ${shape.name}`, args: call, env, servers: { container: container(shape.answer) }, replies: [successReply()] }),
  ),

  // ---- the authorization token ----
  {
    name: 'container token: the right token gets credentials',
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN: TOKEN },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: a wrong token is refused three times',
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'not-the-token' },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: from a file',
    differsIn2919: tokenFileIsNew,
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{{HOME}}/token' },
    files: { token: TOKEN },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: the file wins over the variable',
    differsIn2919: tokenFileIsNew,
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{{HOME}}/token', AWS_CONTAINER_AUTHORIZATION_TOKEN: 'not-the-token' },
    files: { token: TOKEN },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: an empty file sends an empty header',
    differsIn2919: tokenFileIsNew,
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{{HOME}}/token' },
    files: { token: '' },
    servers: { container: containerWithToken('', json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: a file ending in a newline',
    differsIn2919: tokenFileIsNew,
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{{HOME}}/token' },
    files: { token: `${TOKEN}\n` },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: the file is missing',
    differsIn2919: tokenFileIsNew,
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{{HOME}}/nope' },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: the file is not UTF-8',
    differsIn2919: tokenFileIsNew,
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{{HOME}}/token' },
    files: { token: new Uint8Array([0x61, 0xff, 0x62]) },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: a character latin-1 cannot encode',
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'tok€n' },
    servers: { container: containerWithToken(TOKEN, json(containerGood)) },
    replies: [successReply()],
  },
  {
    name: 'container token: a latin-1 character is sent as it is',
    args: call,
    env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'tokén' },
    servers: { container: (request) => (request.headers.authorization === Buffer.from('tokén', 'utf8').toString('latin1') || request.headers.authorization === 'tokén' ? json(containerGood) : raw('no', 401)) },
    replies: [successReply()],
  },
  ...(['top level null', 'top level the number 1', 'AccessKeyId the number 1', 'Expiration the string "not a date"', 'body not JSON'] as const).map((which): Scenario => {
    const shape = shapes.find((s) => s.name === which)!;
    return {
      name: `container token: ${shape.name}`,
      args: call,
      env: { ...env, AWS_CONTAINER_AUTHORIZATION_TOKEN: TOKEN },
      servers: { container: containerWithToken(TOKEN, shape.answer) },
      replies: [successReply()],
    };
  }),
];
