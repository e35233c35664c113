// Regressions found by the reliability suite (test/reliability/), pinned to what 2.33.31 prints:
// timeouts urllib3 refuses, self-referencing YAML input, and other inputs the generators found
// that once broke the CLI.
import type { Scenario } from '../../helpers/scenario';
import { testKeys } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const keysAndRegion = { ...testKeys, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' };

export const scenarios: Scenario[] = [
  // ---- timeouts: urllib3 refuses negative ones when the client's HTTP session is made ----
  { name: 'timeout: negative read timeout', args: [...op, ...all, '--endpoint-url', 'http://127.0.0.1:1', '--cli-read-timeout', '-1'], env: keysAndRegion },
  { name: 'timeout: negative connect timeout is checked before the read timeout', args: [...op, ...all, '--endpoint-url', 'http://127.0.0.1:1', '--cli-connect-timeout', ' -0_5 ', '--cli-read-timeout', '-2'], env: keysAndRegion },
  { name: 'timeout: negative timeout before missing credentials', args: [...op, ...all, '--endpoint-url', 'http://127.0.0.1:1', '--cli-read-timeout', '-1'], env: { AWS_REGION: 'us-east-1' } },
  { name: 'timeout: negative timeout before parameter validation', args: [...op, '--cli-input-json', '{"Cidr": 1}', '--cli-read-timeout', '-3'], env: keysAndRegion },
  { name: 'timeout: negative timeout after an invalid endpoint', args: [...op, ...all, '--endpoint-url', 'http://', '--cli-read-timeout', '-1'], env: keysAndRegion },
  { name: 'timeout: negative timeout with skeleton output', args: [...op, ...all, '--generate-cli-skeleton', 'output', '--cli-connect-timeout', '-1'], env: { AWS_REGION: 'us-east-1' } },
  { name: 'timeout: zero means no timeout', args: [...op, ...all, '--endpoint-url', '{{ENDPOINT}}', '--cli-read-timeout', '0', '--cli-connect-timeout', '-0'], env: keysAndRegion, replies: [] },
  { name: 'timeout: a very long timeout', args: [...op, ...all, '--endpoint-url', '{{ENDPOINT}}', '--cli-read-timeout', '3000000', '--cli-connect-timeout', '3000000'], env: keysAndRegion, replies: [] },

  // ---- YAML input: aliases that refer to themselves, keys that are not strings ----
  { name: 'yaml: a list that contains itself', args: [...op, '--cli-input-yaml', 'IpamPoolId: &a [*a, {x: *a}]\n'], env: keysAndRegion },
  { name: 'yaml: a mapping that contains itself', args: [...op, '--cli-input-yaml', 'IpamPoolId: &a {b: *a}\n'], env: keysAndRegion },
  { name: 'yaml: a self-referencing unknown key', args: [...op, '--cli-input-yaml', 'a: &a [*a]\n'], env: keysAndRegion },
  { name: 'yaml: shared alias stays equal', args: [...op, '--cli-input-yaml', 'IpamPoolId: [&s [1], *s]\n'], env: keysAndRegion },
  { name: 'yaml: a number as a top-level key', args: [...op, '--cli-input-yaml', 'Cidr: x\n1: a\n'], env: keysAndRegion },
  { name: 'yaml: a float and a date as top-level keys', args: [...op, '--cli-input-yaml', '1.5: y\n2001-01-01: x\n'], env: keysAndRegion },
  { name: 'yaml: a number key fails after the region check', args: [...op, '--cli-input-yaml', '1: a\n'], env: {} },
  { name: 'yaml: a number key is fine for the input skeleton', args: [...op, '--cli-input-yaml', '1: a\n', '--generate-cli-skeleton', 'input'], env: keysAndRegion },
  { name: 'yaml: a number key with skeleton output', args: [...op, '--cli-input-yaml', '1: a\n', '--generate-cli-skeleton', 'output'], env: { AWS_REGION: 'us-east-1' } },
  { name: 'yaml: a mapping as a key', args: [...op, '--cli-input-yaml', '? {a: 1}\n: c\n'], env: keysAndRegion },
  { name: 'yaml: keys of every scalar type in a nested mapping', args: [...op, '--cli-input-yaml', 'IpamPoolId: {1: a, 0x10: b, 1.5: c, 2001-01-01: d, !!binary aGk=: e}\n'], env: keysAndRegion },
  { name: 'yaml: dates inside a list print as Python repr', args: [...op, '--cli-input-yaml', 'IpamPoolId: [2001-01-01, 2001-12-14t21:59:43.10-05:00, 2001-12-14 00:00:00, 2001-12-14 21:00:05, 2001-12-14 21:00:00.000001]\n'], env: keysAndRegion },
];
