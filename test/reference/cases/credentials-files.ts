// Keys from the environment, the shared credentials file and the config file with values
// botocore takes as they are: empty, whitespace only, non-ASCII (latin-1 and beyond), control
// characters, very long; AWS_CREDENTIAL_EXPIRATION in odd forms. Each scenario pins how many
// requests reached EC2 (botocore sends non-ASCII header values as UTF-8).
import { FUTURE_ISO } from '../../helpers/credential-answers';
import { successReply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';
import { testKeys } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const region = { AWS_REGION: 'us-east-1' };
const keys = { ...testKeys, ...region };

const scenario = (name: string, extra: Partial<Scenario>): Scenario => ({ name, args: call, env: region, servers: {}, replies: [successReply()], ...extra });
const envScenario = (name: string, env: Record<string, string>) => scenario(`env: ${name}`, { env: { ...keys, ...env } });
const fileScenario = (file: 'credentials' | 'config', name: string, accessKey: string, secret: string = testKeys.AWS_SECRET_ACCESS_KEY, more = '') =>
  scenario(`${file} file: ${name}`, {
    files: { [`.aws/${file}`]: `[default]\naws_access_key_id =${accessKey === '' ? '' : ` ${accessKey}`}\naws_secret_access_key =${secret === '' ? '' : ` ${secret}`}\n${more}` },
  });

const LONG_KEY = `AKID${'A'.repeat(5000)}`;
const LONG_SECRET = 'x'.repeat(100_000);

export const scenarios: Scenario[] = [
  // ---- environment ----
  envScenario('access key empty', { AWS_ACCESS_KEY_ID: '' }),
  envScenario('access key whitespace only', { AWS_ACCESS_KEY_ID: '   ' }),
  envScenario('secret key empty', { AWS_SECRET_ACCESS_KEY: '' }),
  envScenario('secret key whitespace only', { AWS_SECRET_ACCESS_KEY: ' ' }),
  envScenario('access key latin-1', { AWS_ACCESS_KEY_ID: 'AKIDé' }),
  envScenario('access key beyond latin-1', { AWS_ACCESS_KEY_ID: 'AKID€' }),
  envScenario('access key with an emoji', { AWS_ACCESS_KEY_ID: 'AKID🔑' }),
  envScenario('access key with a tab', { AWS_ACCESS_KEY_ID: 'AK\tID' }),
  envScenario('access key with a control character', { AWS_ACCESS_KEY_ID: 'AK\u0001ID' }),
  envScenario('access key with DEL', { AWS_ACCESS_KEY_ID: 'AK\u007fID' }),
  envScenario('access key with a space inside', { AWS_ACCESS_KEY_ID: 'AK ID' }),
  envScenario('secret key non-ASCII', { AWS_SECRET_ACCESS_KEY: 'sécret€🔑' }),
  envScenario('session token beyond latin-1', { AWS_SESSION_TOKEN: 'tok€n' }),
  envScenario('session token latin-1', { AWS_SESSION_TOKEN: 'tokén' }),
  envScenario('session token whitespace only', { AWS_SESSION_TOKEN: '  ' }),
  envScenario('session token empty', { AWS_SESSION_TOKEN: '' }),
  envScenario('security token empty falls back to the session token', { AWS_SECURITY_TOKEN: '', AWS_SESSION_TOKEN: 'tokén' }),
  envScenario('access key very long', { AWS_ACCESS_KEY_ID: LONG_KEY }),
  envScenario('secret key very long', { AWS_SECRET_ACCESS_KEY: LONG_SECRET }),
  envScenario('session token larger than the server takes', { AWS_SESSION_TOKEN: 'T'.repeat(20_000) }),
  envScenario('expiration not a date', { AWS_CREDENTIAL_EXPIRATION: 'not a date' }),
  envScenario('expiration empty', { AWS_CREDENTIAL_EXPIRATION: '' }),
  envScenario('expiration without a time zone', { AWS_CREDENTIAL_EXPIRATION: '2099-01-01T00:00:00' }),
  envScenario('expiration in the future', { AWS_CREDENTIAL_EXPIRATION: FUTURE_ISO }),
  envScenario('expiration as epoch seconds', { AWS_CREDENTIAL_EXPIRATION: '4070908800' }),
  envScenario('expiration with an invalid month', { AWS_CREDENTIAL_EXPIRATION: '2099-13-01T00:00:00Z' }),
  envScenario('expiration whitespace only', { AWS_CREDENTIAL_EXPIRATION: ' ' }),

  // ---- the shared credentials file and the config file ----
  ...(['credentials', 'config'] as const).flatMap((file) => [
    fileScenario(file, 'access key empty', ''),
    fileScenario(file, 'secret key empty', testKeys.AWS_ACCESS_KEY_ID, ''),
    fileScenario(file, 'access key latin-1', 'AKIDé'),
    fileScenario(file, 'access key beyond latin-1', 'AKID€'),
    fileScenario(file, 'access key very long', LONG_KEY),
    fileScenario(file, 'secret key very long', testKeys.AWS_ACCESS_KEY_ID, LONG_SECRET),
    fileScenario(file, 'access key in quotes', '"AKIDQUOTED"'),
    fileScenario(file, 'access key with a trailing comment', 'AKIDCOMMENT ; not a comment'),
    fileScenario(file, 'session token empty', testKeys.AWS_ACCESS_KEY_ID, testKeys.AWS_SECRET_ACCESS_KEY, 'aws_session_token =\n'),
    fileScenario(file, 'session token beyond latin-1', testKeys.AWS_ACCESS_KEY_ID, testKeys.AWS_SECRET_ACCESS_KEY, 'aws_session_token = tok€n\n'),
    fileScenario(file, 'access key on a continuation line', '\n  AKIDNEXTLINE'),
  ]),
  scenario('credentials file: not UTF-8', { files: { '.aws/credentials': new Uint8Array([...Buffer.from('[default]\naws_access_key_id = AKID'), 0xff, ...Buffer.from(`\naws_secret_access_key = ${testKeys.AWS_SECRET_ACCESS_KEY}\n`)]) } }),
];
