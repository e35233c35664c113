// Generators (fast-check arbitraries) of what a user, a script or a broken pipeline can hand the
// CLI: command lines mixing real and wrong options in every spelling argparse accepts (prefixes,
// `=` forms), values with unicode, control characters, empty and very long strings, file://
// paths that exist or not, --cli-input-json / --cli-input-yaml documents (random, deeply nested,
// huge, wrongly typed, with duplicate keys, or not parsing at all) and JMESPath expressions, valid
// (from the grammar) or broken. Option names, members and choices come from the model.
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { globalOptions, outputFormats } from '../../src/model/globals';
import { flagOf } from '../../src/model/names';
import { releaseIpamPoolAllocation as operation } from '../../src/model/operation';
import { skeletonKinds } from '../../src/model/cli-params';

export const OP = [operation.service, 'release-ipam-pool-allocation'];
export const memberNames = operation.input.map((m) => m.name);

/** Files every generated file:// value can point at, created under the run's HOME. */
export const paramFiles: Record<string, string | Uint8Array> = {
  'in/text.txt': 'ipam-pool-0123456789abcdef0',
  'in/unicode.txt': 'pool-é-ü-日本-🙂\n',
  'in/empty.txt': '',
  'in/binary.bin': new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0xc3]),
  'in/doc.json': '{"IpamPoolId": "ipam-pool-1", "Cidr": "10.0.0.0/24", "IpamPoolAllocationId": "ipam-pool-alloc-1"}',
  'in/doc.yaml': 'IpamPoolId: ipam-pool-1\nCidr: 10.0.0.0/24\nIpamPoolAllocationId: ipam-pool-alloc-1\nDryRun: false\n',
  'in/bad.json': '{"IpamPoolId": ',
  'in/list.yaml': '- 1\n- 2\n',
  'in/crlf.txt': 'line1\r\nline2\r\n',
  'in/bom.json': '\ufeff{"Cidr": "10.0.0.0/24"}',
};

/** file:// and fileb:// values: present, missing, a directory, binary, ~ and $HOME forms. */
export function fileValue(home: string): fc.Arbitrary<string> {
  const names = [...Object.keys(paramFiles), 'in', 'in/missing.txt', 'in/text.txt/below', '', 'in/../in/text.txt'];
  return fc.oneof(
    fc.tuple(fc.constantFrom('file://', 'fileb://'), fc.constantFrom(...names)).map(([scheme, name]) => `${scheme}${home}/${name}`),
    fc.tuple(fc.constantFrom('file://~/', 'file://$HOME/', 'file://${HOME}/', 'fileb://~/'), fc.constantFrom(...names)).map(([p, name]) => `${p}${name}`),
    fc.constantFrom('file://', 'fileb://', 'file:///', 'file://relative-missing.txt', 'FILE://x', 'file:/x', 'file://\u00e9\u0000x', `file://${'x'.repeat(300)}`, `file://${home}/${'y'.repeat(5000)}`),
  );
}

const controlChars = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b', '\n', '\r', '\t', '\u007f', '\u0085', '\u2028', '\u202e', '\ufeff', '\ud800', '\udfff');

/** Option values of every awkward kind. */
export function anyValue(home: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: fc.oneof(controlChars, fc.constantFrom('a', ' ', '-', '=', '"', "'", '\\', '%', '$', '{', '}')), maxLength: 12 }) },
    { weight: 3, arbitrary: fc.constantFrom('', ' ', '-', '--', '-x', '---', '=', 'true', 'false', 'True', '0', '1', '-1', '1e3', '0x10', '99999999999999999999999', 'null', 'None', '[]', '{}', '[1]', '{"a":1}', 'a=b', 'help', 'ec2', 'json', 'yaml', 'text', 'table') },
    { weight: 3, arbitrary: fc.constantFrom('ipam-pool-0123456789abcdef0', 'ipam-pool-alloc-0123456789abcdef0', '10.0.0.0/24', '2001:db8::/64', '10.0.0.0/33', 'not a cidr') },
    { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(n)) },
    { weight: 2, arbitrary: fileValue(home) },
  );
}

/** Every long option the operation parser and the main parser know (as the model spells them). */
export const memberFlags = operation.input.flatMap((m) => (m.type === 'boolean' ? [flagOf(m.name), `--no-${flagOf(m.name).slice(2)}`] : [flagOf(m.name)]));
const cliInputFlags = ['--cli-input-json', '--cli-input-yaml'];
/** Globals that neither open a prompt nor reach beyond 127.0.0.1 (endpoint values are generated apart). */
export const safeGlobalFlags = globalOptions.map((g) => g.flag).filter((f) => f !== '--cli-auto-prompt' && f !== '--endpoint-url');

/** The values that --endpoint-url may get: never a host other than this machine. */
export function endpointValue(localUrl: string): fc.Arbitrary<string> {
  return fc.constantFrom(localUrl, `${localUrl}/`, `${localUrl}/some/path?x=1`, 'http://127.0.0.1:1', '127.0.0.1', 'localhost:1', '', 'http://', 'https://', 'ftp://127.0.0.1/', 'http://127.0.0.1:99999', 'http://[::1', 'http://127.0.0.1:notaport');
}

const choiceValues: Record<string, readonly string[]> = {
  '--output': [...outputFormats, 'xml', 'JSON', ''],
  '--color': ['on', 'off', 'auto', 'maybe'],
  '--cli-binary-format': ['base64', 'raw-in-base64-out', 'raw'],
  '--generate-cli-skeleton': [...skeletonKinds, 'json', ''],
  '--cli-read-timeout': ['0', '1', '5', '-1', '1.5', ' 7 ', '٣', 'x', ''],
  '--cli-connect-timeout': ['0', '2', '+3', '1_0', 'ten', ''],
};

/** A value for a given option: its choices most of the time, anything otherwise. */
function valueFor(flag: string, home: string): fc.Arbitrary<string> {
  const choices = choiceValues[flag];
  return choices ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...choices) }, { weight: 1, arbitrary: anyValue(home) }) : anyValue(home);
}

/** How an option is spelled: whole, as a unique or ambiguous prefix, with `=`. */
function spelled(flag: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: fc.constant(flag) },
    { weight: 6, arbitrary: fc.integer({ min: 3, max: flag.length - 1 }).map((n) => flag.slice(0, n)) },
    { weight: 1, arbitrary: fc.constant(flag.toUpperCase()) },
    { weight: 1, arbitrary: fc.constant(flag.replace('--', '-')) },
  );
}

/** One option occurrence: [flag value] or [flag=value] or a bare flag. */
function occurrence(flags: readonly string[], home: string): fc.Arbitrary<string[]> {
  return fc.constantFrom(...flags).chain((flag) =>
    fc.tuple(spelled(flag), valueFor(flag, home), fc.integer({ min: 0, max: 5 })).map(([word, value, form]) =>
      form === 0 ? [word] : form === 1 ? [`${word}=${value}`] : [word, value],
    ),
  );
}

/** --endpoint-url, always with a local value. */
function endpointOccurrence(localUrl: string): fc.Arbitrary<string[]> {
  return fc.tuple(endpointValue(localUrl), fc.boolean()).map(([value, eq]) => (eq ? [`--endpoint-url=${value}`] : ['--endpoint-url', value]));
}

/** A stray word: a positional, an unknown option, a dash. */
function strayWord(home: string): fc.Arbitrary<string[]> {
  return fc.oneof(
    fc.constantFrom('-', '--', '--bogus', '-x', '--ipam', '--no-', '--cli-input', 'stray', '--debug', '--version').map((w) => [w]),
    anyValue(home).map((v) => [v]),
  );
}

/** The valid required arguments, so that many vectors get past the "required" check. */
const requiredArgs = fc.constantFrom(
  ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'],
  ['--ipam-pool-id=ipam-pool-1', '--cidr=10.0.0.0/24', '--ipam-pool-allocation-id=ipam-pool-alloc-1'],
  [],
);

/**
 * A whole command line. Words that would parse as --endpoint-url (the option, its prefixes, its
 * `=` form) only ever come with a local value; no generated word is exactly --cli-auto-prompt
 * (an interactive prompt) or `help` (the manual page).
 */
export function argvVector(home: string, localUrl: string): fc.Arbitrary<string[]> {
  const head = fc.oneof(
    { weight: 12, arbitrary: fc.constant(OP) },
    { weight: 1, arbitrary: fc.constantFrom(['ec2'], [], ['ec2', 'release-ipam-pool'], ['ec2', 'describe-ipams'], ['s3', 'ls'], ['ec2', 'Release-Ipam-Pool-Allocation'], ['ec2x']) },
  );
  const word = fc.oneof(
    { weight: 6, arbitrary: occurrence([...memberFlags, ...cliInputFlags, '--generate-cli-skeleton'], home) },
    { weight: 4, arbitrary: occurrence(safeGlobalFlags, home) },
    { weight: 1, arbitrary: endpointOccurrence(localUrl) },
    { weight: 2, arbitrary: strayWord(home) },
  );
  return fc
    .tuple(fc.array(occurrence(safeGlobalFlags, home), { maxLength: 2 }), head, requiredArgs, fc.array(word, { maxLength: 8 }))
    .map(([before, h, required, words]) => [...before.flat(), ...h, ...required, ...words.flat()])
    .filter((argv) => safeArgv(argv, localUrl));
}

/** No word opens a prompt or a manual page, and every endpoint the parser could see is local. */
export function safeArgv(argv: readonly string[], localUrl: string): boolean {
  return argv.every((word, i) => {
    if (word === '--cli-auto-prompt' || word === 'help') return false;
    const name = word.split('=')[0]!;
    if (name.length >= 3 && name.startsWith('--e') && '--endpoint-url'.startsWith(name)) {
      const value = word.includes('=') ? word.slice(word.indexOf('=') + 1) : argv[i + 1];
      return value === undefined || isLocal(value, localUrl);
    }
    return true;
  });
}

function isLocal(value: string, localUrl: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true; // no scheme: refused before any connection
  return value.startsWith(localUrl) || /^(https?|ftp):\/\/(127\.0\.0\.1|\[::1|localhost)?([:/]|$)/.test(value);
}

// ---- input documents ----

const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...memberNames) },
  { weight: 1, arbitrary: fc.constantFrom('Bogus', '', 'dryrun', 'DRYRUN', ' IpamPoolId', 'IpamPoolId\u0000', '日本') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** A value of the right type for a member, most of the time. */
function memberValue(name: string): fc.Arbitrary<unknown> {
  const member = operation.input.find((m) => m.name === name);
  const right = member?.type === 'boolean' ? fc.boolean() : fc.constantFrom('ipam-pool-1', '10.0.0.0/24', 'ipam-pool-alloc-1', '', 'é');
  return fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

/** A near-valid input object: the members with mostly right values, sometimes extra keys. */
const nearValidObject = fc
  .tuple(fc.subarray(memberNames, { minLength: 0 }), fc.array(keyArb, { maxLength: 2 }))
  .chain(([members, extra]) => fc.tuple(...[...members, ...extra].map((k) => memberValue(k).map((v) => [k, v] as const))))
  .map((pairs) => pairs as Array<readonly [string, unknown]>);

/** JSON text of an object built from pairs; keys may repeat (Python keeps the last). */
function objectText(pairs: ReadonlyArray<readonly [string, unknown]>, indent: boolean): string {
  const sep = indent ? ',\n  ' : ', ';
  return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v) ?? 'null'}`).join(sep)}}`;
}

/** Texts for --cli-input-json. */
export const jsonDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(nearValidObject, fc.boolean()).map(([pairs, indent]) => objectText(pairs, indent)) },
  { weight: 2, arbitrary: fc.tuple(nearValidObject, fc.constantFrom(...memberNames), fc.jsonValue({ maxDepth: 2 })).map(([pairs, dup, v]) => objectText([...pairs, [dup, v], [dup, 'ipam-pool-1']], false)) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3000 }).chain((n) => fc.constantFrom('[', '{"a":', '{"IpamPoolId":').map((open) => `${open.repeat(n)}1${(open === '[' ? ']' : '}').repeat(n)}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => `{"IpamPoolId": [${'1,'.repeat(n)}1]}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => `{"IpamPoolId": "${'x'.repeat(n)}"}`) },
  { weight: 2, arbitrary: fc.constantFrom('{"DryRun": NaN}', '{"DryRun": Infinity}', '{"DryRun": -Infinity}', '{"IpamPoolId": 1e400}', '{"IpamPoolId": 123456789012345678901234567890}', '{"Cidr": "\\ud800"}', '{"Cidr": "a\tb"}', '{"Cidr": "\\u0000"}', '{"Cidr": "\u0001"}', '{} {}', '{}\n', '  {}  ', '{"a":1,}', "{'a': 1}", '{"DryRun": true, "DryRun": "x"}', '\ufeff{}', '[]', '""', 'null', '1', '{"IpamPoolId": {"a": [{"b": null}]}}') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))) },
);

/** Texts for --cli-input-yaml. */
export const yamlDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: nearValidObject.map((pairs) => dump(Object.fromEntries(pairs), { skipInvalid: true })) },
  { weight: 2, arbitrary: fc.tuple(nearValidObject, fc.constantFrom(...memberNames)).map(([pairs, dup]) => `${dump(Object.fromEntries(pairs), { skipInvalid: true })}${dup}: again\n${dup}: twice\n`) },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3 }).map((v) => dump(v, { skipInvalid: true })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 2000 }).chain((n) => fc.constantFrom('[', '{a: ', '- ').map((open) => (open === '- ' ? `${'  '.repeat(0)}${Array.from({ length: Math.min(n, 300) }, (_, i) => `${'  '.repeat(i)}- `).join('\n')}1\n` : `${open.repeat(n)}1${(open === '[' ? ']' : '}').repeat(n)}`))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => `IpamPoolId:\n${'- 1\n'.repeat(n)}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'a: &x [1, 2]\nb: *x\n', 'IpamPoolId: *nope\n', 'IpamPoolId: !!binary aGVsbG8=\n', 'IpamPoolId: !!python/object:os.system x\n', 'IpamPoolId: !custom x\n',
      '---\nIpamPoolId: a\n---\nCidr: b\n', '\tIpamPoolId: a\n', 'IpamPoolId: [\n', 'IpamPoolId: "unterminated\n', "IpamPoolId: 'it''s'\n",
      'DryRun: yes\n', 'DryRun: on\n', 'DryRun: ~\n', 'DryRun: 0o17\n', 'IpamPoolId: 2001-12-14t21:59:43.10-05:00\n', 'IpamPoolId: .inf\n', 'IpamPoolId: .nan\n',
      '? [a, b]\n: c\n', '{[1]: 2}\n', 'IpamPoolId: |\n  multi\n  line\n', '%YAML 1.1\n---\nIpamPoolId: a\n', '%TAG ! tag:x,2000:\n---\nIpamPoolId: !a b\n',
      'a: &a [*a]\n', '<<: {IpamPoolId: merged}\n', '', '\n', '#only a comment\n', '- just\n- a list\n', 'scalar', '\ufeffIpamPoolId: a\n', 'IpamPoolId: "\\ud800"\n', 'IpamPoolId: "\\x00"\n',
      'IpamPoolId: "\u0007"\n', 'IpamPoolId: \u0085x\n', "l0: &l0 [a, a, a, a, a]\nl1: &l1 [*l0, *l0, *l0, *l0, *l0]\nl2: &l2 [*l1, *l1, *l1, *l1, *l1]\nIpamPoolId: [*l2, *l2, *l2, *l2]\n",
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

// ---- JMESPath ----

const identifier = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Success', 'Foo', 'a', 'b_2', 'success') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).map((s) => JSON.stringify(s)) },
);
const literal = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => `\`${JSON.stringify(v).replace(/`/g, '\\`')}\``),
  fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
  fc.constantFrom('`true`', '`null`', '`[]`', '`{}`', '`-1.5e3`', "''", '@'),
);
const functionNames = ['abs', 'avg', 'ceil', 'contains', 'ends_with', 'floor', 'join', 'keys', 'length', 'map', 'max', 'max_by', 'merge', 'min', 'min_by', 'not_null', 'reverse', 'sort', 'sort_by', 'starts_with', 'sum', 'to_array', 'to_number', 'to_string', 'type', 'values', 'nope'];

/** JMESPath expressions from the grammar (some still fail at run time: wrong types, arities). */
export const jmespathExpression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    identifier,
    literal,
    fc.tuple(tie('expr'), identifier).map(([a, b]) => `${a}.${b}`),
    fc.tuple(tie('expr'), fc.integer({ min: -3, max: 3 })).map(([a, i]) => `${a}[${i}]`),
    fc.tuple(tie('expr'), fc.constantFrom('[*]', '[]', '.*', '[::-1]', '[1:]', '[:2:1]')).map(([a, p]) => `${a}${p}`),
    fc.tuple(tie('expr'), fc.constantFrom('|', '||', '&&'), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie('expr'), fc.constantFrom('==', '!=', '<', '<=', '>', '>='), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expr').map((a) => `!${a}`),
    tie('expr').map((a) => `(${a})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a}[?${b}]`),
    fc.tuple(fc.constantFrom(...functionNames), fc.array(fc.oneof(tie('expr'), tie('expr').map((e) => `&${e}`)), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.array(fc.tuple(identifier, tie('expr')), { minLength: 1, maxLength: 3 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
  ),
})).expr;

/** Valid expressions, mutated ones (a character dropped or added) and random text. */
export const queryExpression: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: jmespathExpression },
  {
    weight: 3,
    arbitrary: fc.tuple(jmespathExpression, fc.nat(), fc.constantFrom('', '[', ']', '(', ')', '{', '}', '.', '|', '`', "'", '"', '&', '?', '*', ',', ':', '!', '=', '<', '@', ' ', '\u0000', 'é')).map(([e, at, ch]) => {
      const i = at % (e.length + 1);
      return ch === '' ? e.slice(0, i) + e.slice(i + 1) : e.slice(0, i) + ch + e.slice(i);
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).chain((n) => fc.constantFrom('(', '[', '!', '{a:', 'a.').map((open) => `${open.repeat(n)}Success`)) },
);

export const outputFormat = fc.constantFrom(...outputFormats);
