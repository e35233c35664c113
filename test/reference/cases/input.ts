// Input: --cli-input-json/--cli-input-yaml, file:// and fileb:// values, parameter validation,
// skeletons, and overrides between the command line and the input document.
import type { Scenario } from '../../helpers/scenario';
import { successReply, errorReply } from '../../helpers/fake-ec2';
import { testKeys } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
/** Validates and prints the sample response without a server. */
const stub = ['--generate-cli-skeleton', 'output', '--region', 'us-east-1'];
const call = ['--endpoint-url', '{{ENDPOINT}}', '--region', 'us-east-1'];
const json = (doc: string, extra: string[] = []): string[] => [...op, '--cli-input-json', doc, ...stub, ...extra];
const yaml = (doc: string, extra: string[] = []): string[] => [...op, '--cli-input-yaml', doc, ...stub, ...extra];
const fullDoc = '{"IpamPoolId": "ipam-pool-1", "Cidr": "10.0.0.0/24", "IpamPoolAllocationId": "ipam-pool-alloc-1"}';

export const scenarios: Scenario[] = [
  // skeletons
  { name: 'skeleton default', args: [...op, '--generate-cli-skeleton'] },
  { name: 'skeleton input', args: [...op, '--generate-cli-skeleton', 'input'] },
  { name: 'skeleton yaml-input', args: [...op, '--generate-cli-skeleton', 'yaml-input'] },
  { name: 'skeleton output with required', args: [...op, ...all, ...stub] },
  { name: 'skeleton output no region', args: [...op, ...all, '--generate-cli-skeleton', 'output'] },
  { name: 'skeleton equals form', args: [...op, '--generate-cli-skeleton=input'] },
  { name: 'skeleton equals output form still requires', args: [...op, '--generate-cli-skeleton=output'] },
  { name: 'skeleton with bad cli-input-json', args: [...op, '--generate-cli-skeleton', '--cli-input-json', '{bad'] },
  { name: 'skeleton with unknown option', args: [...op, '--generate-cli-skeleton', '--bogus'] },
  { name: 'skeleton output with query', args: [...op, ...all, ...stub, '--query', 'Success'] },
  { name: 'skeleton output text', args: [...op, ...all, ...stub, '--output', 'text'] },

  // --cli-input-json
  { name: 'json full document', args: json(fullDoc) },
  { name: 'json empty document', args: json('{}') },
  { name: 'json unknown key', args: json('{"Bogus": 1}') },
  { name: 'json unknown keys and missing', args: json('{"b": 1, "a": 2, "IpamPoolId": 3}') },
  { name: 'json int for string', args: json('{"IpamPoolId": 1, "Cidr": "c", "IpamPoolAllocationId": "a"}') },
  { name: 'json float for string', args: json('{"IpamPoolId": 1.5, "Cidr": 1e400, "IpamPoolAllocationId": 10.0}') },
  { name: 'json big int', args: json('{"IpamPoolId": 123456789012345678901234567890, "Cidr": -0, "IpamPoolAllocationId": "a"}') },
  { name: 'json list and dict values', args: json('{"IpamPoolId": ["a", 1, null, true], "Cidr": {"x": "y", "1": 2}, "IpamPoolAllocationId": "a"}') },
  { name: 'json null and bool values', args: json('{"IpamPoolId": null, "Cidr": true, "IpamPoolAllocationId": "a", "DryRun": "true"}') },
  { name: 'json nan and infinity', args: json('{"IpamPoolId": NaN, "Cidr": Infinity, "IpamPoolAllocationId": -Infinity}') },
  { name: 'json string escapes in values', args: json('{"IpamPoolId": 5, "Cidr": "c", "IpamPoolAllocationId": "a", "K\\u00e9y\\n": "it\'s \\"q\\""}') },
  { name: 'json unicode key', args: json('{"Ключ": "значение", "IpamPoolId": "p", "Cidr": "c", "IpamPoolAllocationId": "a"}') },
  { name: 'json duplicate keys', args: json('{"IpamPoolId": 1, "Cidr": "c", "IpamPoolAllocationId": "a", "IpamPoolId": "p"}') },
  { name: 'json dry run false', args: json('{"DryRun": false, "IpamPoolId": "p", "Cidr": "c", "IpamPoolAllocationId": "a"}') },
  { name: 'json invalid', args: json('{bad') },
  { name: 'json trailing comma', args: json('{"a": 1,}') },
  { name: 'json single quotes', args: json("{'a': 1}") },
  { name: 'json trailing garbage', args: json('{} x') },
  { name: 'json empty string', args: json('') },
  { name: 'json list document', args: json('[1, 2]') },
  { name: 'json string document', args: json('"text"') },
  { name: 'json number document', args: json('42') },
  { name: 'json float document', args: json('4.5') },
  { name: 'json null document', args: json('null') },
  { name: 'json true document', args: json('true') },
  { name: 'json command line overrides', args: [...op, '--cli-input-json', '{"IpamPoolId": 7, "Cidr": 8, "IpamPoolAllocationId": 9}', '--cidr', 'x', ...stub] },
  { name: 'json with all required on command line', args: [...op, ...all, '--cli-input-json', '{"Extra": 1}', ...stub] },
  { name: 'json equals form keeps required', args: [...op, '--cli-input-json={}', ...stub] },
  { name: 'json and yaml together', args: [...op, '--cli-input-json', '{}', '--cli-input-yaml', 'a: 1', ...stub] },
  { name: 'json and yaml together bad json', args: [...op, '--cli-input-json', '{bad', '--cli-input-yaml', 'a: 1', ...stub] },
  { name: 'json from file', args: json('file://doc.json'), files: { 'doc.json': fullDoc } },
  { name: 'json from missing file', args: json('file://nope.json') },
  { name: 'json from fileb', args: json('fileb://doc.json'), files: { 'doc.json': fullDoc } },
  { name: 'json from file with BOM', args: json('file://doc.json'), files: { 'doc.json': '\ufeff' + fullDoc } },
  // AWS_CLI_FILE_ENCODING names the codec text files are read with (a validation error shows the decoded text)
  ...(() => {
    const doc = '{"DryRun": "caf\u00e9 \u20ac", "IpamPoolId": "p", "Cidr": "c", "IpamPoolAllocationId": "a"}';
    const encoded = (encoding: 'latin1' | 'utf16le', text: string, bom = '') => ({ 'doc.json': Buffer.concat([Buffer.from(bom, 'hex'), Buffer.from(text, encoding)]) });
    const latin1Doc = doc.replace(' \u20ac', '');
    return [
      { name: 'file encoding: latin-1', args: json('file://doc.json'), env: { AWS_CLI_FILE_ENCODING: 'latin-1' }, files: encoded('latin1', latin1Doc) },
      { name: 'file encoding: latin-1 bytes read as UTF-8', args: json('file://doc.json'), files: encoded('latin1', latin1Doc) },
      { name: 'file encoding: cp1252', args: json('file://doc.json'), env: { AWS_CLI_FILE_ENCODING: 'Windows-1252' }, files: { 'doc.json': Buffer.from(latin1Doc.replace('}', ', "X": "\x80"}'), 'latin1') } },
      { name: 'file encoding: UTF-16 with a byte order mark', args: json('file://doc.json'), env: { AWS_CLI_FILE_ENCODING: 'utf-16' }, files: encoded('utf16le', doc, 'fffe') },
      { name: 'file encoding: UTF-16 without a byte order mark', args: json('file://doc.json'), env: { AWS_CLI_FILE_ENCODING: 'UTF16' }, files: encoded('utf16le', doc) },
      { name: 'file encoding: unknown', args: json('file://doc.json'), env: { AWS_CLI_FILE_ENCODING: 'bogus' }, files: { 'doc.json': fullDoc } },
      { name: 'file encoding: empty', args: [...op, ...all, '--cidr', 'file://doc.json', ...stub], env: { AWS_CLI_FILE_ENCODING: '' }, files: { 'doc.json': fullDoc } },
      { name: 'file encoding: not a text encoding', args: json('file://doc.json'), env: { AWS_CLI_FILE_ENCODING: 'rot13' }, files: { 'doc.json': fullDoc } },
      { name: 'file encoding: missing file first', args: json('file://nope.json'), env: { AWS_CLI_FILE_ENCODING: 'bogus' } },
      { name: 'file encoding: not for fileb://', args: [...op, ...all, '--cidr', 'fileb://doc.json', ...stub], env: { AWS_CLI_FILE_ENCODING: 'bogus' }, files: { 'doc.json': fullDoc } },
    ];
  })(),
  { name: 'json from fileb with BOM', args: json('fileb://doc.json'), files: { 'doc.json': '\ufeff' + fullDoc } },
  { name: 'json deep nesting ok', args: json('{"IpamPoolId": ' + '['.repeat(50) + ']'.repeat(50) + ', "Cidr": "c", "IpamPoolAllocationId": "a"}') },

  // --cli-input-yaml
  { name: 'yaml full document', args: yaml('IpamPoolId: ipam-pool-1\nCidr: 10.0.0.0/24\nIpamPoolAllocationId: ipam-pool-alloc-1\n') },
  { name: 'yaml skeleton round trip', args: yaml("DryRun: true  # c\nIpamPoolId: 'p' # c\nCidr: 'c'\nIpamPoolAllocationId: 'a'\n") },
  { name: 'yaml unknown key', args: yaml('Bogus: 1') },
  { name: 'yaml typed values', args: yaml('IpamPoolId: 12\nCidr: 1.5\nIpamPoolAllocationId: null\nDryRun: "yes"\n') },
  { name: 'yaml yes no on off', args: yaml('IpamPoolId: yes\nCidr: off\nIpamPoolAllocationId: a\nDryRun: no\n') },
  { name: 'yaml dates', args: yaml('IpamPoolId: 2001-12-14\nCidr: 2001-12-14t21:59:43.10-05:00\nIpamPoolAllocationId: a\n') },
  { name: 'yaml special numbers', args: yaml('IpamPoolId: .inf\nCidr: 0x1F\nIpamPoolAllocationId: 0o17\nX: 1_000\nY: -.nan\n') },
  { name: 'yaml ints', args: yaml('IpamPoolId: 1_000\nCidr: 0b101\nIpamPoolAllocationId: 017\n') },
  { name: 'yaml floats', args: yaml('IpamPoolId: 1.5e3\nCidr: -.5\nIpamPoolAllocationId: 12e3\n') },
  { name: 'yaml more floats', args: yaml('IpamPoolId: 1e16\nCidr: 0.0001\nIpamPoolAllocationId: -.INF\nDryRun: .NaN\n') },
  { name: 'yaml booleans and nulls', args: yaml('IpamPoolId: True\nCidr: FALSE\nIpamPoolAllocationId: ~\nDryRun: Null\n') },
  { name: 'yaml datetimes', args: yaml('IpamPoolId: 2001-12-14 21:59:43\nCidr: 2001-12-14T21:59:43.1234567Z\nIpamPoolAllocationId: 2002-1-1\n') },
  { name: 'yaml datetime offsets', args: yaml('IpamPoolId: 2001-12-31 23:59:59.9999999\nCidr: 0099-01-01t00:00:00+01:30\nIpamPoolAllocationId: a\n') },
  { name: 'yaml impossible date', args: yaml('IpamPoolId: 2001-13-01\nCidr: c\nIpamPoolAllocationId: a\n') },
  { name: 'yaml anchors', args: yaml('IpamPoolId: &x p\nCidr: *x\nIpamPoolAllocationId: a\nDryRun: *x\n') },
  { name: 'yaml sexagesimal is a string in 1.2', args: yaml('IpamPoolId: 1:20\nCidr: 0x_1F\nIpamPoolAllocationId: a\n') },
  { name: 'yaml quoted values', args: yaml("IpamPoolId: '12'\nCidr: \"true\"\nIpamPoolAllocationId: 'a'\n") },
  { name: 'yaml list and map values', args: yaml('IpamPoolId: [a, 1]\nCidr: {k: v}\nIpamPoolAllocationId: a\n') },
  { name: 'yaml binary', args: yaml('IpamPoolId: !!binary aGVsbG8=\nCidr: c\nIpamPoolAllocationId: a\n') },
  { name: 'yaml invalid', args: yaml('a: [1, 2') },
  { name: 'yaml tab indentation', args: yaml('a:\n\tb: 1') },
  { name: 'yaml list document', args: yaml('- a\n- b') },
  { name: 'yaml scalar document', args: yaml('hello') },
  { name: 'yaml empty document', args: yaml('') },
  { name: 'yaml multiple documents', args: yaml('a: 1\n---\nb: 2\n') },
  { name: 'yaml duplicate keys', args: yaml('a: 1\na: 2\n') },
  { name: 'yaml command line overrides', args: [...op, '--cli-input-yaml', 'IpamPoolId: 1\nCidr: 2\nIpamPoolAllocationId: 3', '--ipam-pool-id', 'p', ...stub] },
  { name: 'yaml from file', args: yaml('file://doc.yaml'), files: { 'doc.yaml': 'IpamPoolId: p\nCidr: c\nIpamPoolAllocationId: a\n' } },

  // file:// and fileb:// parameter values
  { name: 'file value', args: [...op, '--cidr', 'file://cidr.txt', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub], files: { 'cidr.txt': '10.0.0.0/24' } },
  { name: 'missing file value', args: [...op, '--cidr', 'file://nope.txt', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'missing file values reported in table order', args: [...op, '--ipam-pool-allocation-id', 'file://a.txt', '--cidr', 'file://c.txt', '--ipam-pool-id', 'file://p.txt', ...stub] },
  { name: 'file value is a directory', args: [...op, '--cidr', 'file://.', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'fileb value for a string', args: [...op, '--cidr', 'fileb://cidr.txt', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub], files: { 'cidr.txt': "10.0.0.0/24\n'x'" } },
  { name: 'file value not utf-8', args: [...op, '--cidr', 'file://bin.txt', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub], files: { 'bin.txt': new Uint8Array([0x31, 0x80, 0xff]) } },
  { name: 'file value home expansion', args: [...op, '--cidr', 'file://~/cidr.txt', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub, '--query', 'Success'], files: { 'cidr.txt': '10.0.0.0/24' } },
  { name: 'file value env expansion missing', args: [...op, '--cidr', 'file://$NOPE_VAR/x', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'file prefix only', args: [...op, '--cidr', 'file://', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },
  { name: 'uppercase FILE is a literal', args: [...op, '--cidr', 'FILE://x', '--ipam-pool-id', 'p', '--ipam-pool-allocation-id', 'a', ...stub] },

  // real calls: the command line and the document reach the service
  { name: 'call with cli-input-json', args: [...op, '--cli-input-json', fullDoc, ...call], env: testKeys, replies: [successReply()] },
  { name: 'call dry run', args: [...op, ...all, '--dry-run', ...call], env: testKeys, replies: [errorReply('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412)] },
  { name: 'call success false', args: [...op, ...all, ...call], env: testKeys, replies: [successReply(false)] },
];
