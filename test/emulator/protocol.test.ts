// The emulator speaks EC2's Query protocol: SigV4 is verified (with EC2's error for each kind of
// failure), Action/Version/parameters are checked with EC2's codes, and no input crashes it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index';
import { DENIED_KEY, form, KEY, poolWithCidr, rawRequest, startTestEmulator } from './support';

const EC2_NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';
const ERROR_DOCUMENT = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/;

let emulator: RunningEmulator;
let internalErrors: unknown[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ onInternalError: (e) => internalErrors.push(e) });
});
afterAll(async () => {
  await emulator.stop();
  expect(internalErrors).toEqual([]);
});

describe('answers', () => {
  it('are XML documents in the EC2 namespace with a requestId', async () => {
    const res = await rawRequest(emulator.url, { body: form('DescribeIpams') });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml;charset=UTF-8');
    expect(res.body).toMatch(
      new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<DescribeIpamsResponse ${EC2_NS}>\\n    <requestId>[0-9a-f-]{36}</requestId>\\n    <ipamSet/>\\n</DescribeIpamsResponse>$`),
    );
  });

  it('are also given to GET requests with the parameters in the query string', async () => {
    const res = await rawRequest(emulator.url, { method: 'GET', path: `/?${form('DescribeIpams')}`, body: '' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<DescribeIpamsResponse');
  });

  it('use EC2 element names for the release answer', async () => {
    const { poolId } = await poolWithCidr(emulator.url, '10.9.0.0/16');
    const allocated = await rawRequest(emulator.url, { body: form('AllocateIpamPoolCidr', { IpamPoolId: poolId, NetmaskLength: '24' }) });
    const id = /<ipamPoolAllocationId>([^<]+)</.exec(allocated.body)![1]!;
    expect(id).toMatch(/^ipam-pool-alloc-0[0-9a-f]{32}$/);
    expect(allocated.body).toContain('<ipamPoolAllocation>\n        <cidr>10.9.0.0/24</cidr>');
    const released = await rawRequest(emulator.url, {
      body: form('ReleaseIpamPoolAllocation', { IpamPoolId: poolId, Cidr: '10.9.0.0/24', IpamPoolAllocationId: id }),
    });
    expect(released.status).toBe(200);
    expect(released.body).toMatch(/<requestId>[0-9a-f-]{36}<\/requestId>\n    <success>true<\/success>\n<\/ReleaseIpamPoolAllocationResponse>$/);
  });
});

describe('authentication', () => {
  const body = form('DescribeIpams');

  it('refuses unsigned requests as EC2 does', async () => {
    const res = await rawRequest(emulator.url, { body, sign: false });
    expect([res.status, res.code, res.message]).toEqual([400, 'MissingParameter', 'The request must contain the parameter AWSAccessKeyId']);
    expect(res.body).toMatch(ERROR_DOCUMENT);
  });

  it('answers AuthFailure for an unknown access key', async () => {
    const res = await rawRequest(emulator.url, { body, sign: { accessKeyId: 'AKIANOTKNOWN00000000', secretAccessKey: 'x' } });
    expect([res.status, res.code, res.message]).toEqual([401, 'AuthFailure', 'AWS was not able to validate the provided access credentials']);
  });

  it('answers SignatureDoesNotMatch for a wrong secret', async () => {
    const res = await rawRequest(emulator.url, { body, sign: { accessKeyId: KEY.accessKeyId, secretAccessKey: 'wrong' } });
    expect([res.status, res.code]).toEqual([403, 'SignatureDoesNotMatch']);
    expect(res.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
  });

  it('answers SignatureDoesNotMatch when the body was changed after signing', async () => {
    const signed = await import('../../src/emulator/sigv4');
    const { hostname, port } = new URL(emulator.url);
    const headers = signed.signRequest(
      { method: 'POST', target: '/', headers: { host: `${hostname}:${port}`, 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(body) },
      { key: KEY, region: 'us-east-1', service: 'ec2' },
    );
    const res = await rawRequest(emulator.url, { body: form('DescribeIpamPools'), headers, sign: false });
    expect(res.code).toBe('SignatureDoesNotMatch');
  });

  it('answers AuthFailure for a credential scoped to another service', async () => {
    const res = await rawRequest(emulator.url, { body, service: 's3' });
    expect([res.status, res.code]).toEqual([401, 'AuthFailure']);
  });

  it('answers RequestExpired for a request signed too long ago', async () => {
    const res = await rawRequest(emulator.url, { body, now: Date.now() - 20 * 60 * 1000 });
    expect([res.status, res.code, res.message]).toEqual([400, 'RequestExpired', 'Request has expired.']);
  });

  it('answers IncompleteSignature for an Authorization header missing its parts', async () => {
    const res = await rawRequest(emulator.url, {
      body,
      sign: false,
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAIPAMEMULATOR0000/20240101/us-east-1/ec2/aws4_request' },
    });
    expect([res.status, res.code]).toEqual([400, 'IncompleteSignature']);
    expect(res.message).toContain("Authorization header requires 'Signature' parameter.");
  });

  it('accepts any Region in the credential scope and lets the second key pair call nothing', async () => {
    expect((await rawRequest(emulator.url, { body, region: 'eu-west-3' })).status).toBe(200);
    const denied = await rawRequest(emulator.url, { body, sign: DENIED_KEY });
    expect([denied.status, denied.code]).toEqual([403, 'UnauthorizedOperation']);
    expect(denied.message).toBe(
      'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ipam-emulator-no-permissions is not authorized to perform: ec2:DescribeIpams on resource: * because no identity-based policy allows the ec2:DescribeIpams action',
    );
  });
});

describe('bad input gets EC2 error codes', () => {
  const cases: Array<[string, string, number, string, string | RegExp]> = [
    ['unknown action', form('DescribeInstancez'), 400, 'InvalidAction', 'The action DescribeInstancez is not valid for this web service.'],
    ['no action', 'Version=2016-11-15', 400, 'MissingAction', 'The request must contain the parameter Action'],
    ['no version', 'Action=DescribeIpams', 400, 'MissingParameter', 'The request must contain the parameter Version'],
    ['wrong version', form('DescribeIpams', {}, '2099-01-01'), 400, 'NoSuchVersion', 'The requested version (2099-01-01) of service AmazonEC2 does not exist'],
    ['missing parameter', form('ReleaseIpamPoolAllocation', { Cidr: '10.0.0.0/24', IpamPoolAllocationId: 'x' }), 400, 'MissingParameter', 'The request must contain the parameter IpamPoolId'],
    ['empty required parameter', form('DeleteIpamPool', { IpamPoolId: '' }), 400, 'MissingParameter', 'The request must contain the parameter IpamPoolId'],
    ['unknown parameter', form('DescribeIpams', { Bogus: '1' }), 400, 'UnknownParameter', 'The parameter Bogus is not recognized'],
    ['unknown nested parameter', form('DescribeIpams', { 'Filter.1.Nmae': 'x' }), 400, 'UnknownParameter', 'The parameter Filter.1.Nmae is not recognized'],
    ['bad boolean', form('DescribeIpams', { DryRun: 'maybe' }), 400, 'InvalidParameterValue', "Value (maybe) for parameter DryRun is invalid. Expected: 'boolean'."],
    ['bad integer', form('DescribeIpams', { MaxResults: 'ten' }), 400, 'InvalidParameterValue', /^Value \(ten\) for parameter MaxResults is invalid/],
    ['integer out of range', form('DescribeIpams', { MaxResults: '2' }), 400, 'InvalidParameterValue', /^Value \(2\) for parameter MaxResults is invalid\. It must be between 5 and 1000\.$/],
    ['bad enum', form('CreateIpamPool', { IpamScopeId: 'ipam-scope-0123456789abcdef0', AddressFamily: 'ipv5' }), 400, 'InvalidParameterValue', /^Value \(ipv5\) for parameter AddressFamily is invalid/],
    ['bad CIDR', form('ReleaseIpamPoolAllocation', { IpamPoolId: 'ipam-pool-0123456789abcdef0', Cidr: '10.0.0/24', IpamPoolAllocationId: 'x' }), 400, 'InvalidParameterValue', /^The CIDR '10\.0\.0\/24' is invalid/],
    ['unknown filter', form('DescribeIpamPools', { 'Filter.1.Name': 'colour', 'Filter.1.Value.1': 'red' }), 400, 'InvalidParameterValue', "The filter 'colour' is invalid"],
    ['bad page token', form('DescribeIpams', { NextToken: 'not-a-token' }), 400, 'InvalidPaginationToken', 'Invalid pagination token: not-a-token'],
    ['unknown pool', form('GetIpamPoolAllocations', { IpamPoolId: 'ipam-pool-0123456789abcdef0' }), 400, 'InvalidIpamPoolId.NotFound', "The ipam-pool ID 'ipam-pool-0123456789abcdef0' does not exist"],
    ['unknown ipam', form('DeleteIpam', { IpamId: 'ipam-0123456789abcdef0' }), 400, 'InvalidIpamId.NotFound', "The ipam ID 'ipam-0123456789abcdef0' does not exist"],
    ['unknown scope', form('CreateIpamPool', { IpamScopeId: 'ipam-scope-0123456789abcdef0', AddressFamily: 'ipv4' }), 400, 'InvalidIpamScopeId.NotFound', "The ipam-scope ID 'ipam-scope-0123456789abcdef0' does not exist"],
  ];
  for (const [name, body, status, code, message] of cases) {
    it(name, async () => {
      const res = await rawRequest(emulator.url, { body });
      expect([res.status, res.code]).toEqual([status, code]);
      if (typeof message === 'string') expect(res.message).toBe(message);
      else expect(res.message).toMatch(message);
      expect(res.body).toMatch(ERROR_DOCUMENT);
    });
  }

  it('refuses a body beyond 1 MiB with 413 and stays up', async () => {
    const res = await rawRequest(emulator.url, { body: `${form('DescribeIpams')}&Description=${'x'.repeat(1024 * 1024 + 10)}`, sign: false });
    expect([res.status, res.code]).toEqual([413, 'RequestEntityTooLarge']);
    expect((await rawRequest(emulator.url, { body: form('DescribeIpams') })).status).toBe(200);
  });

  it('refuses other HTTP methods', async () => {
    const res = await rawRequest(emulator.url, { method: 'PUT', body: form('DescribeIpams') });
    expect([res.status, res.code]).toEqual([405, 'MethodNotAllowed']);
  });

  it('ignores a body that is not form-encoded (so the Action is missing)', async () => {
    const res = await rawRequest(emulator.url, { body: '{"Action":"DescribeIpams"}', headers: { 'content-type': 'application/json' } });
    expect(res.code).toBe('MissingAction');
  });

  it('never crashes on random bodies: every answer is an EC2 error document', async () => {
    for (let i = 0; i < 150; i++) {
      const garbage = i % 3 === 0 ? randomBytes(1 + (i % 200)) : Buffer.from(`Action=${randomBytes(4).toString('hex')}&%zz=%&&=&Version=2016-11-15&${'A.'.repeat(i % 7)}=1`);
      const res = await rawRequest(emulator.url, { body: garbage, sign: i % 2 === 0 ? KEY : false });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).toMatch(ERROR_DOCUMENT);
    }
    expect((await rawRequest(emulator.url, { body: form('DescribeIpams') })).status).toBe(200);
  });
});

describe('local endpoints', () => {
  it('health needs no signature', async () => {
    const res = await rawRequest(emulator.url, { method: 'GET', path: '/_emulator/health', sign: false });
    expect([res.status, res.body]).toEqual([200, '{"status":"ok"}\n']);
  });

  it('reset needs a signature with full permissions and empties the state', async () => {
    await poolWithCidr(emulator.url, '172.16.0.0/16');
    expect(emulator.state().pools.length).toBeGreaterThan(0);
    expect((await rawRequest(emulator.url, { path: '/_emulator/reset', sign: false })).code).toBe('MissingParameter');
    expect((await rawRequest(emulator.url, { path: '/_emulator/reset', sign: DENIED_KEY })).code).toBe('UnauthorizedOperation');
    const res = await rawRequest(emulator.url, { path: '/_emulator/reset' });
    expect([res.status, res.body]).toEqual([200, '{"reset":true}\n']);
    expect(emulator.state().pools).toEqual([]);
  });
});
