// Bugs the reliability suite found, each pinned by a test of the built binary (the ones whose
// output 2.33.31 fixes byte for byte are reference scenarios in ../reference/cases/reliability.ts).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runOurs } from '../helpers/cli';
import { testKeys } from '../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];

// a listening socket that never accepts, its queue already full: new connections hang
const HANG = `
import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(3):
    c = socket.socket(); c.setblocking(False)
    try: c.connect(("127.0.0.1", port))
    except BlockingIOError: pass
    fill.append(c)
print(port, flush=True)
time.sleep(60)
`;

describe('timeouts longer than a Node timer can hold', () => {
  let hang: ReturnType<typeof spawn>;
  let port: number;
  beforeAll(async () => {
    hang = spawn('python3', ['-c', HANG], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise<number>((resolve) => hang.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  });
  afterAll(() => {
    hang.kill();
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
