// The output layer: every format (json, text, table, yaml, yaml-stream) for the real answer
// (Success true/false) and for values of every shape a --query can produce; --query compile
// and runtime errors; formatter failures after partial output; table colours.
// Most scenarios use `--generate-cli-skeleton output` (the CLI's sample answer,
// {"Success": true}) with a JMESPath literal, so no server is needed to produce any value.
import { successReply } from '../../helpers/fake-ec2';
import { testKeys, type Scenario } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const required = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const sample = [...op, ...required, '--generate-cli-skeleton', 'output', '--region', 'us-east-1'];
const call = [...op, ...required, '--endpoint-url', '{{ENDPOINT}}', '--region', 'us-east-1'];
const formats = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;

const long = 'word'.repeat(30);

/** Query results of every shape: name → expression. */
const shapes: ReadonlyArray<[string, string]> = [
  ['null', '`null`'],
  ['false', '`false`'],
  ['big int', '`12345678901234567890123`'],
  ['avg gives a float', 'avg(`[1,3]`)'],
  ['special floats', '`[NaN, Infinity, -Infinity, 1.0, 1e16, 1.5e-7, -0.0]`'],
  ['int results of functions', '[length(@), sum(`[1,2]`), ceil(`1.5`), to_number(`"12"`)]'],
  ['float results of functions', '[sum(`[1,2.0]`), to_number(`"1.0"`), abs(`-2.0`), max(`[1,2.5]`)]'],
  ['empty string', '`""`'],
  ['strings needing quotes', '`["yes", "null", "123", "1_000", "a: b", "#c", "- x", " lead", "trail ", "~", "2024-01-02", "it\'s", "=", "---"]`'],
  ['multi-line and special strings', '`["a\\nb", "tab\\there", "a\\n\\nb", "x\\u2028y", "bell\\u0007", "\\ufeffbom", "😀"]`'],
  ['unicode text', '`{"wide":"日本語テキスト","accent":"é ü","narrow":"abc"}`'],
  ['long string', `\`{"k":"${long}","words":"${Array(40).fill('word').join(' ')}"}\``],
  ['empty list', '`[]`'],
  ['empty object', '`{}`'],
  ['empty values inside an object in key order', '`{"b":[],"a":{},"10":"","c":null,"d":[1, 2.5, "x", true]}`'],
  ['nested objects', '`{"a":{"b":{"c":[1,2],"d":"x"}},"e":"top"}`'],
  ['list of objects with different keys', '`[{"a":1,"b":2},{"a":3,"c":4}]`'],
  ['objects with nested lists', '`{"a":[{"x":1,"y":"日本語"},{"x":2,"z":[1,2]}],"b":"top","c":{}}`'],
  ['mixed nesting', '`[1,[2,3],[4,[5]]]`'],
  ['same object twice', '[@, {again: @, list: [@]}]'],
  ['ragged list', '`[[1,2],[3]]`'],
];

const shapeScenarios: Scenario[] = shapes.flatMap(([name, query]) =>
  formats.map((format) => ({ name: `${format}: ${name}`, args: [...sample, '--output', format, '--query', query] })),
);

const realAnswers: Scenario[] = [
  ...[true, false].flatMap((success) =>
    formats.map((format) => ({
      name: `${format}: real answer Success ${success}`,
      args: [...call, '--output', format],
      env: testKeys,
      replies: [successReply(success)],
    })),
  ),
  ...formats.map((format) => ({
    name: `${format}: real answer Success false with a query`,
    args: [...call, '--output', format, '--query', '{ok: Success, not: !Success, kind: type(Success), n: length(@)}'],
    env: testKeys,
    replies: [successReply(false)],
  })),
];

const badQuery = (name: string, query: string): Scenario => ({ name: `bad query: ${name}`, args: [...sample, '--query', query] });

const compileErrors: Scenario[] = [
  badQuery('empty', ''),
  badQuery('incomplete', 'Success['),
  badQuery('incomplete after dot', 'a.'),
  badQuery('unknown character', 'a # b'),
  badQuery('single equals', 'a = b'),
  badQuery('lone minus', 'a[-]'),
  badQuery('unclosed quoted identifier', '"abc'),
  badQuery('unclosed raw string', "'abc"),
  badQuery('bad literal', '`{"a":`'),
  badQuery('bad escape in identifier', '"a\\x"'),
  badQuery('invalid token', 'a b'),
  badQuery('leading comma', ',a'),
  badQuery('expecting a key', '{a b}'),
  badQuery('bad token after dot', 'a.1'),
  badQuery('slice with four parts', 'a[1:2:3:4]'),
  badQuery('function on a non-name', '@(1)'),
  badQuery('quoted function name', '"f"(1)'),
  badQuery('star without projection target', 'a*'),
  badQuery('unicode positions', '"日本" | 語'),
  badQuery('number too long', `a[${'9'.repeat(4400)}]`),
];

const runtimeError = (name: string, query: string, format = 'json'): Scenario => ({
  name: `query fails: ${name}`,
  args: [...sample, '--output', format, '--query', query],
});

const runtimeErrors: Scenario[] = [
  runtimeError('unknown function', 'nope(@)'),
  runtimeError('too few arguments', 'length()'),
  runtimeError('too many arguments', 'abs(`1`, `2`)'),
  runtimeError('too few variadic arguments', 'merge()'),
  runtimeError('wrong type', 'length(`1`)'),
  runtimeError('wrong element type', 'avg(`["a"]`)'),
  runtimeError('mixed sort', 'sort(`[1,"a"]`)'),
  runtimeError('number compared with a string', '`1` < `"a"`'),
  runtimeError('slice step zero', '`[1,2]`[::0]'),
  runtimeError('min_by over mixed keys', 'min_by(`[{"a":1},{"a":"x"}]`, &a)'),
  runtimeError('sort_by with an array key', 'sort_by(`[{"a":[1]}]`, &a)'),
  runtimeError('contains a number in a string', "contains('abc', `1`)"),
  runtimeError('ceil of infinity', 'ceil(`Infinity`)'),
  {
    ...runtimeError('json cannot encode an expression', '[`1`, &a]'),
    differsIn2919: "2.9.19's JSON encoder returns unknown objects unchanged, so json reports 'Circular reference detected'",
  },
  runtimeError('in table output', 'nope(@)', 'table'),
];

const formatterFailures: Scenario[] = [
  { name: 'text: list of an object and a number', args: [...sample, '--output', 'text', '--query', '`[{"a":1},2]`'] },
  {
    name: 'text: fails after partial output',
    args: [...sample, '--output', 'text', '--query', '`{"a":"first","b":[{"x":1},"s"]}`'],
  },
  { name: 'text: object keys upper-cased, lists repeated', args: [...sample, '--output', 'text', '--query', '`{"z":1,"ß":[{"x":1,"y":[1,2]},{"x":[3],"z":5}]}`'] },
  { name: 'table: ragged rows', args: [...sample, '--output', 'table', '--query', '`[[1],[2,3]]`'] },
  { name: 'table: scalar then object row', args: [...sample, '--output', 'table', '--query', '`[[1,{"a":1,"b":2}]]`'] },
  { name: 'table: header wider than rows', args: [...sample, '--output', 'table', '--query', '`[[1],[{"a":1,"b":2}]]`'] },
  { name: 'table: object list with a string', args: [...sample, '--output', 'table', '--query', '`[{"a":1},"x"]`'] },
  { name: 'table: object list with a number', args: [...sample, '--output', 'table', '--query', '`[{"a":1},5]`'] },
  { name: 'table: object list with an empty list', args: [...sample, '--output', 'table', '--query', '`[{"a":1},[]]`'] },
  { name: 'table: wider than 80 turns vertical', args: [...sample, '--output', 'table', '--query', `\`{"a":1,"b":"${long}","c":3}\``] },
  { name: 'table: wide list of objects', args: [...sample, '--output', 'table', '--query', `\`[{"a":"${long}","b":"x"},{"a":"y","b":"z"}]\``] },
  { name: 'table: deep nesting', args: [...sample, '--output', 'table', '--query', '`{"a":[{"b":1,"c":2}],"d":{"e":3,"f":4,"g":{"h":5}}}`'] },
  { name: 'table: falsy values print nothing', args: [...sample, '--output', 'table', '--query', '`0`'] },
  { name: 'yaml: long key becomes a complex key', args: [...sample, '--output', 'yaml', '--query', `\`{"${long}":1,"b":[1]}\``] },
];

const nested = '`{"a":[{"b":1,"c":2}],"d":{"e":3,"f":"日本","g":{"h":5}}}`';
const colours: Scenario[] = [
  { name: 'colour on: table', args: [...sample, '--output', 'table', '--color', 'on'] },
  { name: 'colour on: nested table', args: [...sample, '--output', 'table', '--color', 'on', '--query', nested] },
  { name: 'colour on: vertical table', args: [...sample, '--output', 'table', '--color', 'on', '--query', `\`{"a":1,"b":"${long}"}\``] },
  { name: 'colour on: error after colour set-up', args: [...sample, '--output', 'table', '--color', 'on', '--query', '`[[1,2],[3]]`'] },
  { name: 'colour on: query error', args: [...sample, '--output', 'table', '--color', 'on', '--query', 'nope(@)'] },
  { name: 'colour on: title only', args: [...sample, '--output', 'table', '--color', 'on', '--query', 'length(@)'] },
  { name: 'colour on: NO_COLOR is ignored', args: [...sample, '--output', 'table', '--color', 'on'], env: { NO_COLOR: '1' } },
  { name: 'colour on: other formats stay plain', args: [...sample, '--output', 'text', '--color', 'on', '--query', nested] },
  { name: 'colour on: real answer', args: [...call, '--output', 'table', '--color', 'on'], env: testKeys, replies: [successReply(false)] },
  { name: 'colour off: nested table', args: [...sample, '--output', 'table', '--color', 'off', '--query', nested] },
  { name: 'colour auto: not a terminal', args: [...sample, '--output', 'table', '--color', 'auto', '--query', nested] },
];

export const scenarios: Scenario[] = [...realAnswers, ...shapeScenarios, ...compileErrors, ...runtimeErrors, ...formatterFailures, ...colours];
