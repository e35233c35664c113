// credential_process output in every shape: each JSON type at the top level and for each field,
// missing and extra fields, versions, expirations botocore cannot use, output that is not JSON
// or not UTF-8, failures with odd stderr. The helper prints a file written into HOME, so no
// shell quoting gets in the way; each scenario pins how many requests EC2 received.
import { FUTURE_ISO, PAST_ISO } from '../../helpers/credential-answers';
import { successReply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const env = { AWS_REGION: 'us-east-1' };

const good = { Version: 1, AccessKeyId: 'ASIAPROCESS000000001', SecretAccessKey: 's3cr3t-value', SessionToken: 'env-session-token-value', Expiration: FUTURE_ISO };

/** A profile whose credential_process prints `output` (and, when given, writes `stderr` and exits with `status`). */
const processScenario = (name: string, output: string | Uint8Array, options: { status?: number; stderr?: string | Uint8Array } = {}): Scenario => ({
  name: `process: ${name}`,
  args: call,
  env,
  files: {
    '.aws/config': `[default]\ncredential_process = sh {{HOME}}/helper.sh\n`,
    'helper.sh': `cat '{{HOME}}/out'\n${options.stderr !== undefined ? "cat '{{HOME}}/err' >&2\n" : ''}exit ${options.status ?? 0}\n`,
    out: output,
    ...(options.stderr !== undefined ? { err: options.stderr } : {}),
  },
  servers: {},
  replies: [successReply()],
});

const withField = (field: string, value: unknown) => JSON.stringify({ ...good, [field]: value });
const without = (field: string) => {
  const copy: Record<string, unknown> = { ...good };
  delete copy[field];
  return JSON.stringify(copy);
};

const oddFields: Array<[string, unknown[]]> = [
  ['Version', [2, '1', 1.5, true, null, [1]]],
  ['AccessKeyId', [1, null, true, [], {}, '', ' ', 'AKIDé', 'AKID€']],
  ['SecretAccessKey', [null, 1, '', [], 'sécret']],
  ['SessionToken', [null, 1, '', true, {}, 'tok€n']],
  ['Expiration', [null, 1, 1.5, true, [], '', 'not a date', PAST_ISO, '2099-01-01T00:00:00', '2099-01-01', '4070908800', '2099-01-01T00:00:00+01:00', '2099-13-01T00:00:00Z']],
  ['AccountId', ['123456789012', 1, null]],
];

export const scenarios: Scenario[] = [
  processScenario('good output signs the call', JSON.stringify(good)),
  processScenario('no expiration gives static credentials', without('Expiration')),
  ...[null, 1, 1.5, 'text', true, [], [good], {}].map((value) => processScenario(`top level ${JSON.stringify(value).slice(0, 30)}`, JSON.stringify(value))),
  ...oddFields.flatMap(([field, values]) => [
    ...(field === 'Expiration' || field === 'AccountId' || field === 'SessionToken' ? [] : [processScenario(`${field} missing`, without(field))]),
    ...values.map((value) => processScenario(`${field} ${JSON.stringify(value)}`, withField(field, value))),
  ]),
  processScenario('Version 1.0 written as a float', JSON.stringify(good).replace('"Version":1', '"Version":1.0')),
  processScenario('extra fields', JSON.stringify({ ...good, Extra: { a: [1] } })),
  processScenario('duplicate keys, the last wins', `{"AccessKeyId": 1, ${JSON.stringify(good).slice(1)}`),
  processScenario('NaN as a value', JSON.stringify(good).replace(/}$/, ', "x": NaN}')),
  processScenario('output not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])),
  processScenario('output with a byte order mark', `\ufeff${JSON.stringify(good)}`),
  processScenario('output truncated', JSON.stringify(good).slice(0, 25)),
  processScenario('output JSON then junk', `${JSON.stringify(good)}\nmore`),
  processScenario('output whitespace only', ' \n\t'),
  processScenario('fails with stderr not UTF-8', '', { status: 1, stderr: new Uint8Array([0x6e, 0xff]) }),
  processScenario('fails with empty stderr', '', { status: 2 }),
  processScenario('fails with good output', JSON.stringify(good), { status: 1, stderr: 'denied\n' }),
  processScenario('succeeds with stderr noise', JSON.stringify(good), { stderr: 'warning: something\n' }),
];
