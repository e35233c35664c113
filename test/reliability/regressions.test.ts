// Bugs the reliability suite found, each pinned by a test of the built binary (the ones whose
// output 2.33.31 fixes byte for byte are reference scenarios in ../reference/cases/reliability.ts).
import { startHangingPort, type HangingPort } from '../helpers/hanging-port';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runOurs } from '../helpers/cli';
import { testKeys } from '../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];

describe('timeouts longer than a Node timer can hold', () => {
  let hang: HangingPort;
  let port: number;
  beforeAll(async () => {
    hang = await startHangingPort();
    port = hang.port;
  });
  afterAll(() => {
    hang.stop();
  });

  test('--cli-connect-timeout 3000000 waits for the connection (Node would fire such a timer after 1 ms)', async () => {
    const result = await runOurs([...op, ...all, '--endpoint-url', `http://127.0.0.1:${port}`, '--cli-connect-timeout', '3000000'], {
      env: { ...testKeys, AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1' },
      timeoutMs: 2500,
    });
    // still connecting when the test gives up on it: no "Connect timeout" after a millisecond
    expect(result).toMatchObject({ signal: 'SIGKILL', stdout: '', stderr: '' });
  });
});
