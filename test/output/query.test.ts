// --query semantics against Python's jmespath 1.0.1 (what the real CLI runs): exact compile
// error texts and positions, runtime errors, and results with Python's int/float distinction.
// A seeded generator of expressions is also compared with Python itself when it is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { queryCompileError, searchQuery } from '../../src/output/query';
import { formatJson } from '../../src/output/json';
import { PyError, type PyValue } from '../../src/output/value';

const response: PyValue = new Map([['Success', true]]);

/** What the CLI would print as JSON, or the runtime error, or the compile error. */
function run(expression: string): string {
  const compile = queryCompileError(expression);
  if (compile !== undefined) return `compile: ${compile}`;
  try {
    const result = formatJson(searchQuery(expression, response));
    return result.error ? `unserializable` : result.text;
  } catch (error) {
    if (error instanceof PyError) return `runtime: ${error.message}`;
    throw error;
  }
}

describe('compile errors (Python jmespath texts)', () => {
  test.each([
    ['', 'Invalid JMESPath expression: cannot be empty.'],
    ['Success[', 'Invalid jmespath expression: Incomplete expression:\n"Success["\n         ^'],
    ['a # b', 'Bad jmespath expression: Unknown token #:\na # b\n  ^'],
    ['a = b', "Bad jmespath expression: Unknown token '=':\na = b\n  ^"],
    ['"abc', 'Bad jmespath expression: Unclosed " delimiter:\n"abc\n^'],
    ['`{"a":`', 'Bad jmespath expression: Bad token {"a"::\n`{"a":`\n^'],
    ['"a\\x"', 'Bad jmespath expression: Invalid \\escape:\n"a\\x"\n^'],
    ['a b', 'Unexpected token: b: Parse error at column 2, token "b" (UNQUOTED_IDENTIFIER), for expression:\n"a b"\n   ^'],
    ['a.1', "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: number: Parse error at column 2, token \"1\" (NUMBER), for expression:\n\"a.1\"\n   ^"],
    ['"f"(1)', 'Quoted identifier not allowed for function names.: Parse error at column 0, token "(" (LPAREN), for expression:\n""f"(1)"\n ^'],
    ['@(1)', 'Invalid function name \'@\': Parse error at column 0, token "@" (CURRENT), for expression:\n"@(1)"\n ^'],
    ['`1`[`2`]', 'Expecting: star, got: literal: Parse error at column 4, token "2" (LITERAL), for expression:\n"`1`[`2`]"\n     ^'],
    ['"日本" | 語', 'Bad jmespath expression: Unknown token 語:\n"日本" | 語\n       ^'],
  ])('%j', (expression, message) => {
    expect(queryCompileError(expression)).toBe(message);
  });

  test('valid expressions compile', () => {
    for (const e of ['Success', '`foo`', "'x'", 'a[?b > `1`].c | [0]', '{a: b, "c": d}', 'f(a b)', 'f(a,)', '[*].a[]']) {
      expect(queryCompileError(e)).toBeUndefined();
    }
  });
});

describe('evaluation', () => {
  test.each([
    ['Success', 'true\n'],
    ['avg(`[1,3]`)', '2.0\n'],
    ['sum(`[1,2]`)', '3\n'],
    ['sum(`[1,2.0]`)', '3.0\n'],
    ["to_number('1.0')", '1.0\n'],
    ["to_number(' 1_000 ')", '1000\n'],
    ["to_number('١٢')", '12\n'],
    ['length(`"😀a"`)', '2\n'],
    ['ceil(`1e20`)', '100000000000000000000\n'],
    ['`12345678901234567890123` | [@]', '[\n    12345678901234567890123\n]\n'],
    ['to_string(`{"a":"é","b":1.0}`)', '"{\\"a\\":\\"\\\\u00e9\\",\\"b\\":1.0}"\n'],
    ['`{"b":1,"10":2}`', '{\n    "b": 1,\n    "10": 2\n}\n'],
    ['`"a"` < `"b"`', 'true\n'],
    ['`true` == `1`', 'false\n'],
    ['`[true]` == `[1]`', 'true\n'],
    ['!`0`', 'false\n'],
    ['sort(`["b","😀","\\uffff"]`)', '[\n    "b",\n    "\uffff",\n    "😀"\n]\n'],
    ['max(`[1, 1.0]`)', '1\n'],
    ['`[1,2,3,4,5]`[::-2]', '[\n    5,\n    3,\n    1\n]\n'],
    ['`[1,2,3]`[-10:10]', '[\n    1,\n    2,\n    3\n]\n'],
    ['nope(@)', 'runtime: Unknown function: nope()'],
    ['length()', 'runtime: Expected 1 argument for function length(), received 0'],
    ['merge()', 'runtime: Expected at least 1 argument for function merge(), received 0'],
    ['length(`1`)', 'runtime: In function length(), invalid type for value: 1, expected one of: [\'string\', \'array\', \'object\'], received: "number"'],
    ['avg(`[1, "a"]`)', 'runtime: In function avg(), invalid type for value: a, expected one of: [\'array-number\'], received: "str"'],
    ['`1` < `"a"`', "runtime: '<' not supported between instances of 'int' and 'str'"],
    ['max_by(`[{"a":1},{"a":"x"}]`, &a)', "runtime: '>' not supported between instances of 'str' and 'int'"],
    ['`[1]`[::0]', 'runtime: slice step cannot be zero'],
    ['floor(`NaN`)', 'runtime: cannot convert float NaN to integer'],
  ])('%j', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });

  test("nesting deeper than Python's recursion limit fails as it does (limits measured on 2.33.31)", () => {
    const parens = (n: number) => '('.repeat(n) + 'Success' + ')'.repeat(n);
    expect(run(parens(488))).toBe('true\n');
    expect(run(parens(490))).toBe('compile: maximum recursion depth exceeded');
    expect(run('['.repeat(326) + '@' + ']'.repeat(326))).toMatch(/^\[/);
    expect(run('['.repeat(328) + '@' + ']'.repeat(328))).toBe('compile: maximum recursion depth exceeded');
    expect(run('!'.repeat(481) + 'Success')).toBe('false\n');
    expect(run('!'.repeat(482) + 'Success')).toBe('runtime: maximum recursion depth exceeded');
  });

  test('literals and projections keep object identity (YAML writes anchors for them)', () => {
    const result = searchQuery('`[1]` | [@, @]', response) as PyValue[];
    expect(result[0]).toBe(result[1]);
  });
});

// ---- differential check against Python's jmespath ----------------------------------------

const python = '/usr/bin/python3';
const havePythonJmespath =
  existsSync(python) && spawnSync(python, ['-c', 'import jmespath; assert jmespath.__version__ == "1.0.1"']).status === 0;

/** A small seeded generator of expressions over literals, functions, operators and projections. */
function generate(count: number, seed: number): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const literals = ['`1`', '`0`', '`-3`', '`2.5`', '`1.0`', '`"a"`', "'x'", '`""`', '`null`', '`true`', '`[]`', '`{}`', '`[3,1,2]`',
    '`[1.5,2,"x"]`', '`["b","a"]`', '`[1,2.0]`', '`{"a":1,"b":[1,2],"c":{"d":"e"}}`', '`[{"a":1,"b":"x"},{"a":3},{"a":2}]`',
    '`[[1,2],[3,[4]],5]`', '`"日本"`', '`1e300`', '`123456789012345678901`', '`"1e3"`', '`" 12 "`', '@', 'Success'];
  const functions: Record<string, number> = { abs: 1, avg: 1, ceil: 1, floor: 1, contains: 2, ends_with: 2, join: 2, keys: 1, values: 1,
    length: 1, max: 1, min: 1, merge: 2, not_null: 2, reverse: 1, sort: 1, sum: 1, to_array: 1, to_number: 1, to_string: 1, type: 1,
    map: 2, sort_by: 2, max_by: 2, min_by: 2 };
  const byRef = new Set(['map', 'sort_by', 'max_by', 'min_by']);
  const expr = (depth: number): string => {
    const r = random();
    if (depth > 3 || r < 0.3) return pick(literals);
    if (r < 0.55) {
      const name = pick(Object.keys(functions));
      const args = Array.from({ length: functions[name]! }, (_, i) =>
        byRef.has(name) && i === (name === 'map' ? 0 : 1) ? '&' + pick(['a', '@', 'length(@)', '[0]']) : expr(depth + 1),
      );
      return `${name}(${args.join(', ')})`;
    }
    if (r < 0.7) return `${expr(depth + 1)} ${pick(['==', '!=', '<', '>=', '||', '&&'])} ${expr(depth + 1)}`;
    if (r < 0.8) return `${expr(depth + 1)}[${pick(['0', '-1', '1:', '::-1', '*', '?@ > `1`', '?a'])}]`;
    if (r < 0.87) return `!${expr(depth + 1)}`;
    if (r < 0.93) return `[${expr(depth + 1)}, ${expr(depth + 1)}]`;
    return `{k: ${expr(depth + 1)}, j: ${expr(depth + 1)}}`;
  };
  return Array.from({ length: count }, () => expr(0));
}

const PYTHON_RUNNER = `
import sys, json, jmespath
out = []
for e in json.load(sys.stdin):
    try:
        c = jmespath.compile(e)
    except Exception as ex:
        out.append('compile: ' + str(ex)); continue
    try:
        r = c.search({'Success': True})
    except Exception as ex:
        out.append('runtime: ' + str(ex)); continue
    try:
        out.append(json.dumps(r, indent=4, ensure_ascii=False) + '\\n')
    except Exception:
        out.append('unserializable')
print(json.dumps(out))
`;

test('agrees with Python jmespath on generated expressions', (context) => {
  skipUnless(havePythonJmespath, "Python's jmespath module is not installed (it comes with the awscli package)")(context);
  const expressions = generate(1500, 7);
  const result = spawnSync(python, ['-c', PYTHON_RUNNER], { input: JSON.stringify(expressions), encoding: 'utf8', maxBuffer: 64 << 20 });
  const expected = JSON.parse(result.stdout) as string[];
  const mismatches = expressions.filter((e, i) => run(e) !== expected[i]).map((e) => ({ e, ours: run(e), python: expected[expressions.indexOf(e)] }));
  expect(mismatches.slice(0, 5)).toEqual([]);
}, 60_000);
