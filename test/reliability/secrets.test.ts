// Secrets never leave the CLI: not on stdout, not on stderr, not in --debug, not in an error.
// Every run of our binary in the whole suite is scanned for the registered test secrets and the
// signatures the fake servers received (helpers/secrets.ts, wired into runCommand and the
// in-process runner); this file checks that the scan itself works, and runs --debug through the
// paths where a secret is at hand (signing, session tokens, failed and retried calls).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyHome, ourBinary, runCommand, runOurs } from '../helpers/cli';
import { errorReply, FakeEc2, successReply } from '../helpers/fake-ec2';
import { testKeys } from '../helpers/scenario';
import { findLeaks, registerSignature, TEST_SECRET_ACCESS_KEY, testSecrets } from '../helpers/secrets';
import { runInProcess } from './in-process';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const SESSION_TOKEN = 'env-session-token-value';

describe('the secret scan', () => {
  test('knows the suite\'s secret key', () => {
    expect(TEST_SECRET_ACCESS_KEY).toBe(testKeys.AWS_SECRET_ACCESS_KEY);
    expect(testSecrets()).toContain(testKeys.AWS_SECRET_ACCESS_KEY);
    expect(testSecrets()).toContain(SESSION_TOKEN);
  });

  test('finds a secret, a registered signature, and forgives what the user typed', () => {
    const signature = registerSignature(`AWS4-HMAC-SHA256 Credential=AKID/x, SignedHeaders=host, Signature=${'ab12'.repeat(16)}`)!;
    expect(findLeaks(`key: ${TEST_SECRET_ACCESS_KEY}`)).toEqual([TEST_SECRET_ACCESS_KEY]);
    expect(findLeaks(`Signature=${signature}`)).toEqual([signature]);
    expect(findLeaks(`an unregistered ${'cd34'.repeat(16)}`)).toEqual([]);
    expect(findLeaks(`value: ${TEST_SECRET_ACCESS_KEY}`, ['--cidr', TEST_SECRET_ACCESS_KEY])).toEqual([]);
  });

  test('runCommand fails a run of our binary that prints a secret it was not given on the command line', async () => {
    // a stand-in that prints the secret from its environment, with our binary's path in its argv
    const leaking = [process.execPath, '-e', 'process.stdout.write(process.env.LEAK)', ourBinary];
    await expect(runCommand(leaking, { env: { LEAK: `oops ${TEST_SECRET_ACCESS_KEY}` } })).rejects.toThrow(/secret leaked on stdout/);
    // the same text is fine from another program (the real CLI's --debug does print signatures)
    await expect(runCommand([process.execPath, '-e', 'process.stdout.write(process.env.LEAK)'], { env: { LEAK: TEST_SECRET_ACCESS_KEY } })).resolves.toMatchObject({ code: 0 });
  });
});

describe('--debug with secrets at hand', () => {
  test('success, service errors, retries and unparsable answers: no key, token or signature in any output', async () => {
    const ec2 = await new FakeEc2()
      .reply(
        successReply(),
        errorReply('AuthFailure', 'AWS was not able to validate the provided access credentials', 401),
        { status: 503, body: '' },
        successReply(),
        { status: 200, body: '<broken' },
      )
      .start();
    try {
      const env = { AWS_SESSION_TOKEN: SESSION_TOKEN, AWS_MAX_ATTEMPTS: '2' };
      const outcomes: number[] = [];
      for (let i = 0; i < 4; i++) {
        // runInProcess itself fails on a leak; the checks below say what was looked for
        const result = await runInProcess([...op, ...all, '--debug', '--endpoint-url', ec2.url], { env });
        outcomes.push(result.code);
        expect(result.stderr).toContain('DEBUG');
        expect(result.stderr).not.toContain(testKeys.AWS_SECRET_ACCESS_KEY);
        expect(result.stderr).not.toContain(SESSION_TOKEN);
      }
      expect(outcomes).toEqual([0, 254, 0, 255]);
      // every request was signed, and none of the signatures was printed
      const signatures = ec2.requests.map((r) => /Signature=([0-9a-f]{64})/.exec(String(r.headers.authorization))?.[1]);
      expect(signatures.every(Boolean)).toBe(true);
      expect(ec2.requests[0]!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    } finally {
      await ec2.stop();
    }
  });

  test('the spawned binary, with the keys in the credentials file and a session token', async () => {
    const ec2 = await new FakeEc2().reply(errorReply('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)).start();
    const home = emptyHome();
    mkdirSync(join(home, '.aws'));
    writeFileSync(
      join(home, '.aws', 'credentials'),
      `[p]\naws_access_key_id = ${testKeys.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${testKeys.AWS_SECRET_ACCESS_KEY}\naws_session_token = ${SESSION_TOKEN}\n`,
    );
    try {
      // runCommand fails the test if anything secret is printed
      const result = await runOurs([...op, ...all, '--debug', '--endpoint-url', ec2.url, '--profile', 'p'], { env: { HOME: home, AWS_REGION: 'us-east-1' } });
      expect(result.code).toBe(254);
      expect(ec2.requests[0]!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
      expect(result.stderr).toContain('UnauthorizedOperation');
    } finally {
      await ec2.stop();
    }
  });

  test('a secret the user typed as a parameter value is echoed like any value, and is not a leak', async () => {
    const result = await runInProcess([...op, '--cli-input-json', JSON.stringify({ IpamPoolId: [TEST_SECRET_ACCESS_KEY] })]);
    expect(result.code).toBe(252);
    expect(result.stderr).toContain(`Invalid type for parameter IpamPoolId, value: ['${TEST_SECRET_ACCESS_KEY}']`);
  });
});
