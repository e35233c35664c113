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
];
