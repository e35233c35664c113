// TLS, proxies, timeouts, retries and endpoint resolution against real local servers: a TLS
// endpoint with a throw-away CA made by openssl, an HTTP proxy that tunnels CONNECT, a server
// that answers too late, and request counts for retried failures.
import { startHangingPort } from '../helpers/hanging-port';
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyHome, runOurs, runReal, skipWithoutRealAws, type RunResult } from '../helpers/cli';
import { FakeEc2, successReply } from '../helpers/fake-ec2';
import { testKeys } from '../helpers/scenario';
import { makeTestCa, TestProxy, TlsEc2, type TestCa } from '../helpers/tls';
import { faults, startFault } from '../reliability/fault-servers';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const SUCCESS = '{\n    "Success": true\n}\n';
const base = { ...testKeys, AWS_REGION: 'us-east-1' };

function run(args: string[], env: Record<string, string | undefined> = {}, home = emptyHome()): Promise<RunResult> {
  return runOurs([...op, ...all, ...args], { env: { HOME: home, ...base, ...env } });
}

let ca: TestCa;
let tls: TlsEc2;
let mismatched: TlsEc2;
beforeAll(async () => {
  ca = makeTestCa();
  tls = await new TlsEc2({ key: ca.key, cert: ca.cert }).start();
  mismatched = await new TlsEc2({ key: ca.otherKey, cert: ca.otherCert }).start();
});
afterAll(async () => {
  await tls.stop();
  await mismatched.stop();
});

describe('TLS', () => {
  test('an untrusted certificate fails verification', async () => {
    const before = tls.requests;
    const result = await run(['--endpoint-url', `https://127.0.0.1:${tls.port}`], { AWS_MAX_ATTEMPTS: '1' });
    expect(result).toMatchObject({
      code: 255,
      stdout: '',
      stderr: `\nSSL validation failed for https://127.0.0.1:${tls.port}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)\n`,
    });
    expect(tls.requests).toBe(before);
  });

  test('--ca-bundle, AWS_CA_BUNDLE and the profile ca_bundle are trusted, in that order', async () => {
    expect(await run(['--endpoint-url', `https://localhost:${tls.port}`, '--ca-bundle', ca.caFile])).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
    expect(await run(['--endpoint-url', `https://127.0.0.1:${tls.port}`], { AWS_CA_BUNDLE: ca.caFile })).toMatchObject({ code: 0, stdout: SUCCESS });
    const home = emptyHome();
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), `[default]\nca_bundle = ${ca.caFile}\n`);
    expect(await run(['--endpoint-url', `https://127.0.0.1:${tls.port}`], {}, home)).toMatchObject({ code: 0, stdout: SUCCESS });
    // the environment wins over the profile
    expect(await run(['--endpoint-url', `https://127.0.0.1:${tls.port}`], { AWS_CA_BUNDLE: '/nonexistent/ca.pem', AWS_MAX_ATTEMPTS: '1' }, home)).toMatchObject({
      code: 255,
      stderr: `\nSSL validation failed for https://127.0.0.1:${tls.port}/ [Errno 2] No such file or directory\n`,
    });
  });

  test('a bundle without certificates', async () => {
    const result = await run(['--endpoint-url', `https://127.0.0.1:${tls.port}`, '--ca-bundle', join(ca.dir, 'ca.key')], { AWS_MAX_ATTEMPTS: '1' });
    expect(result.stderr).toBe(
      `\nSSL validation failed for https://127.0.0.1:${tls.port}/ [X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)\n`,
    );
  });

  test('a certificate for another name', async () => {
    const result = await run(['--endpoint-url', `https://localhost:${mismatched.port}`, '--ca-bundle', ca.caFile], { AWS_MAX_ATTEMPTS: '1' });
    expect(result).toMatchObject({
      code: 255,
      stderr: `\nSSL validation failed for https://localhost:${mismatched.port}/ hostname 'localhost' doesn't match 'other.example'\n`,
    });
  });

  test('--no-verify-ssl connects anyway, with urllib3\'s warning', async () => {
    const result = await run(['--endpoint-url', `https://127.0.0.1:${tls.port}`, '--no-verify-ssl']);
    expect(result).toMatchObject({
      code: 0,
      stdout: SUCCESS,
      stderr:
        "/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1065: InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'. " +
        'Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n  warnings.warn(\n',
    });
  });
});

describe('proxies', () => {
  let proxy: TestProxy;
  let ec2: FakeEc2;
  beforeAll(async () => {
    proxy = await new TestProxy().start();
    ec2 = await new FakeEc2().start();
  });
  afterAll(async () => {
    await proxy.stop();
    await ec2.stop();
  });

  test('HTTP_PROXY: the request goes to the proxy with its absolute URL and credentials', async () => {
    proxy.log.length = 0;
    const withAuth = proxy.url.replace('http://', 'http://user:pass@');
    const result = await run(['--endpoint-url', ec2.url], { HTTP_PROXY: withAuth });
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS });
    expect(proxy.log).toEqual([{ method: 'POST', target: `${ec2.url}/`, auth: `Basic ${Buffer.from('user:pass').toString('base64')}` }]);
  });

  test('HTTPS_PROXY: a CONNECT tunnel to the TLS endpoint', async () => {
    proxy.log.length = 0;
    const result = await run(['--endpoint-url', `https://localhost:${tls.port}`, '--ca-bundle', ca.caFile], { https_proxy: proxy.url });
    expect(result).toMatchObject({ code: 0, stdout: SUCCESS });
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: `localhost:${tls.port}`, auth: undefined }]);
  });

  test('NO_PROXY bypasses the proxy; a lower-case empty variable cancels the upper-case one', async () => {
    proxy.log.length = 0;
    expect((await run(['--endpoint-url', ec2.url], { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' })).code).toBe(0);
    expect((await run(['--endpoint-url', ec2.url], { HTTP_PROXY: proxy.url, http_proxy: '' })).code).toBe(0);
    expect(proxy.log).toEqual([]);
  });

  test('the resolved endpoint (FIPS, dual-stack, China) is what the proxy is asked for', async () => {
    proxy.log.length = 0;
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'ec2.us-east-1.amazonaws.com:443'],
      [{ AWS_USE_FIPS_ENDPOINT: 'true' }, 'ec2-fips.us-east-1.amazonaws.com:443'],
      [{ AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'ec2.us-east-1.api.aws:443'],
      [{ AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'ec2-fips.us-east-1.api.aws:443'],
      [{ AWS_REGION: 'cn-north-1' }, 'ec2.cn-north-1.amazonaws.com.cn:443'],
      [{ AWS_REGION: 'us-gov-west-1', AWS_USE_FIPS_ENDPOINT: 'true' }, 'ec2.us-gov-west-1.amazonaws.com:443'],
      // configured endpoints are ignored when asked to
      [{ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: ec2.url }, 'ec2.us-east-1.amazonaws.com:443'],
    ];
    for (const [env, target] of cases) {
      proxy.log.length = 0;
      const result = await run([], { HTTPS_PROXY: proxy.url.replace('http://', 'http://u:p@'), AWS_MAX_ATTEMPTS: '1', ...env });
      expect(result).toMatchObject({ code: 255, stderr: `\nFailed to connect to proxy URL: "${proxy.url.replace('http://', 'htt***://***:p@')}"\n` });
      expect(proxy.log.map((entry) => entry.target)).toEqual([target]);
    }
  });
});

describe('timeouts and retries', () => {
  let slow: Server;
  let slowPort: number;
  beforeAll(async () => {
    slow = createServer((req) => req.resume());
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    slowPort = (slow.address() as AddressInfo).port;
  });
  afterAll(async () => {
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
  });

  test('--cli-read-timeout: the read timeout message', async () => {
    const started = Date.now();
    const result = await run(['--endpoint-url', `http://127.0.0.1:${slowPort}`, '--cli-read-timeout', '1'], { AWS_MAX_ATTEMPTS: '1' });
    expect(result).toMatchObject({ code: 255, stdout: '', stderr: `\nRead timeout on endpoint URL: "http://127.0.0.1:${slowPort}/"\n` });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('--cli-connect-timeout: the connect timeout message', async () => {
    const { port, stop } = await startHangingPort();
    try {
      const started = Date.now();
      const result = await run(['--endpoint-url', `http://127.0.0.1:${port}`, '--cli-connect-timeout', '1'], { AWS_MAX_ATTEMPTS: '1' });
      expect(result).toMatchObject({ code: 255, stdout: '', stderr: `\nConnect timeout on endpoint URL: "http://127.0.0.1:${port}/"\n` });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      stop();
    }
  });

  test('5xx answers are retried up to max_attempts; the request count is what the server saw', async () => {
    const ec2 = await new FakeEc2().reply({ status: 503, body: '' }, { status: 503, body: '' }, { status: 503, body: '' }).start();
    try {
      const result = await run(['--endpoint-url', ec2.url]);
      expect(result).toMatchObject({
        code: 254,
        stderr: '\nAn error occurred (503) when calling the ReleaseIpamPoolAllocation operation (reached max retries: 2): Service Unavailable\n',
      });
      expect(ec2.requests).toHaveLength(3);
      // every attempt is signed anew
      expect(new Set(ec2.requests.map((r) => r.headers['amz-sdk-invocation-id'])).size).toBeGreaterThan(0);
    } finally {
      await ec2.stop();
    }
  }, 20_000);

  test('a dropped connection is retried, then reported', async () => {
    const ec2 = await new FakeEc2().reply({ destroy: true }, { destroy: true }).start();
    try {
      const result = await run(['--endpoint-url', ec2.url], { AWS_MAX_ATTEMPTS: '2' });
      expect(result).toMatchObject({
        code: 255,
        stderr: `\nConnection was closed before we received a valid response from endpoint URL: "${ec2.url}/".\n`,
      });
      expect(ec2.requests).toHaveLength(2);
    } finally {
      await ec2.stop();
    }
  });

  test('a throttled call succeeds on the next attempt', async () => {
    const ec2 = await new FakeEc2()
      .reply({ status: 503, body: '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors></Response>' }, successReply())
      .start();
    try {
      expect(await run(['--endpoint-url', ec2.url], { AWS_MAX_ATTEMPTS: '2' })).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
      expect(ec2.requests).toHaveLength(2);
    } finally {
      await ec2.stop();
    }
  });
});

describe('answers read without node:http until they turn out not to be plain', () => {
  const cases = ['plain-in-pieces', 'chunked-after-plain-head', 'close-delimited'];
  test.each(cases)('%s', async (name) => {
    const server = await startFault(faults()[name]!);
    try {
      expect(await run(['--endpoint-url', server.url], { AWS_MAX_ATTEMPTS: '1' })).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
    } finally {
      await server.stop();
    }
  });

  test.for(cases)('%s: as the real CLI reads it', async (name, context) => {
    skipWithoutRealAws(context);
    const servers = [await startFault(faults()[name]!), await startFault(faults()[name]!)];
    try {
      const args = (url: string) => [...op, ...all, '--endpoint-url', url];
      const env = { ...base, AWS_MAX_ATTEMPTS: '1' };
      const [theirs, ours] = await Promise.all([runReal(args(servers[0]!.url), { env }), runOurs(args(servers[1]!.url), { env })]);
      expect([ours.code, ours.stdout, ours.stderr]).toEqual([theirs.code, theirs.stdout, theirs.stderr]);
    } finally {
      for (const server of servers) await server.stop();
    }
  });
});

describe('an empty region with an explicit endpoint', () => {
  test('is sent, signed for region "" as botocore does (credential scope <date>//ec2)', async () => {
    const ec2 = await new FakeEc2().reply(successReply()).start();
    try {
      expect(await run(['--endpoint-url', ec2.url], { AWS_REGION: '' })).toMatchObject({ code: 0, stdout: SUCCESS, stderr: '' });
      expect(String(ec2.requests[0]!.headers.authorization)).toMatch(/Credential=\w+\/\d{8}\/\/ec2\/aws4_request,/);
    } finally {
      await ec2.stop();
    }
  });
});

describe('an endpoint URL with a path, a query or user info', () => {
  // botocore sends to the endpoint as written (path kept, `/` only for none, the query kept,
  // `;params` and the fragment left out, what RFC 3986 refuses percent-encoded by urllib3);
  // the request line and the Host header are compared with the real CLI's
  const suffixes = ['', '/', '/path', '/path/?x=1#frag', '?a=b&c', '/a;p/b;q?z', '/a b/%zz?q=ü v', '/./x/../y//z'];
  test.for(suffixes)('%j: the same request line and Host as the real CLI', async (suffix, context) => {
    skipWithoutRealAws(context);
    const servers = [await new FakeEc2().start(), await new FakeEc2().start()];
    try {
      const [theirs, ours] = await Promise.all([
        runReal([...op, ...all, '--endpoint-url', servers[0]!.url + suffix], { env: base }),
        runOurs([...op, ...all, '--endpoint-url', servers[1]!.url + suffix], { env: base }),
      ]);
      expect(ours).toMatchObject({ code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr });
      const [sent, expected] = [servers[1]!.requests[0]!, servers[0]!.requests[0]!];
      expect(sent.path).toBe(expected.path);
      expect(sent.headers.host!.replace(servers[1]!.url.split(':').pop()!, 'PORT')).toBe(
        expected.headers.host!.replace(servers[0]!.url.split(':').pop()!, 'PORT'),
      );
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });

  test('user info is not sent, and the Host header names the host as written', async () => {
    const ec2 = await new FakeEc2().start();
    try {
      const port = ec2.url.split(':').pop();
      expect(await run(['--endpoint-url', `http://user:secret@127.1:${port}/p`])).toMatchObject({ code: 0, stdout: SUCCESS });
      expect(ec2.requests[0]).toMatchObject({ path: '/p', headers: { host: `127.1:${port}` } });
      expect(ec2.requests[0]!.headers.authorization).toBeDefined();
    } finally {
      await ec2.stop();
    }
  });
});

describe('settings the SDK would otherwise read from the config files itself', () => {
  test("sdk_ua_app_id comes from the CLI's profile (--profile), AWS_SDK_UA_APP_ID first", async () => {
    const ec2 = await new FakeEc2().start();
    try {
      const home = emptyHome();
      mkdirSync(join(home, '.aws'), { recursive: true });
      writeFileSync(join(home, '.aws', 'config'), `[profile dev]\nsdk_ua_app_id = from-profile\naws_access_key_id = ${base.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${base.AWS_SECRET_ACCESS_KEY}\n`);
      const env = { AWS_CONFIG_FILE: join(home, '.aws', 'config') };
      expect(await run(['--endpoint-url', ec2.url, '--profile', 'dev'], env, home)).toMatchObject({ code: 0, stdout: SUCCESS });
      expect(await run(['--endpoint-url', ec2.url, '--profile', 'dev'], { ...env, AWS_SDK_UA_APP_ID: 'from-env' }, home)).toMatchObject({ code: 0 });
      expect(await run(['--endpoint-url', ec2.url], env, home)).toMatchObject({ code: 0 });
      const agents = ec2.requests.map((r) => String(r.headers['user-agent']));
      expect(agents[0]).toMatch(/ app\/from-profile( |$)/);
      expect(agents[1]).toMatch(/ app\/from-env( |$)/);
      expect(agents[2]).not.toMatch(/ app\//);
    } finally {
      await ec2.stop();
    }
  });
});

describe('a FIPS pseudo-region', () => {
  test.for(['us-east-1-fips', 'fips-us-gov-west-1', 'us-fips-1'])(
    '%s is signed for the region without fips, as the real CLI does',
    async (region, context) => {
      skipWithoutRealAws(context);
      const servers = [await new FakeEc2().start(), await new FakeEc2().start()];
      try {
        const args = (url: string) => [...op, ...all, '--endpoint-url', url, '--region', region];
        const [theirs, ours] = await Promise.all([runReal(args(servers[0]!.url), { env: base }), runOurs(args(servers[1]!.url), { env: base })]);
        expect(ours).toMatchObject({ code: 0, stdout: theirs.stdout, stderr: theirs.stderr });
        const scope = (server: FakeEc2) => /Credential=\w+\/\d{8}\/([^/]*)\/ec2\//.exec(String(server.requests[0]!.headers.authorization))?.[1];
        expect(scope(servers[1]!)).toBe(region.replaceAll('fips-', '').replaceAll('-fips', ''));
        expect(scope(servers[1]!)).toBe(scope(servers[0]!));
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    },
  );

  test('an upper-case region stays upper-case in the regional endpoint, as botocore writes it', async () => {
    const result = await run(['--region', 'US-EAST-1', '--debug'], { HTTPS_PROXY: 'http://127.0.0.1:1', AWS_MAX_ATTEMPTS: '1' });
    expect(result.stderr).toContain('Endpoint provider result: https://ec2.US-EAST-1.amazonaws.com\n');
  });

  test('turns FIPS endpoints on for the regional endpoint (--debug names it)', async () => {
    // a proxy that refuses connections keeps the call on this machine
    const result = await run(['--region', 'us-east-1-fips', '--debug'], { HTTPS_PROXY: 'http://127.0.0.1:1', AWS_MAX_ATTEMPTS: '1' });
    expect(result.code).toBe(255);
    expect(result.stderr).toContain('transforming region from us-east-1-fips to us-east-1 and setting use_fips_endpoint to true.');
    expect(result.stderr).toContain('Endpoint provider result: https://ec2-fips.us-east-1.amazonaws.com\n');
  });
});
