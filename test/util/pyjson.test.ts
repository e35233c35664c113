// The JSON reader's error messages, differentially against Python's json.loads (the CLI prints
// them for a credential_process whose output is not JSON): every input is read by both, in one
// python3 process, and the messages (reason, line, column, char) must be the same.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parsePyJson, PyJsonError } from '../../src/util/pyjson';

const PYTHON = `
import json, sys
out = []
for text in json.load(sys.stdin):
    try:
        json.loads(text)
        out.append(None)
    except json.JSONDecodeError as e:
        out.append(str(e))
json.dump(out, sys.stdout)
`;

const inputs = [
  '', ' ', 'x', '{', '}', '[', ']', '{"a"', '{"a":', '{"a": }', '{"a" 1}', '{"a": 1', '{"a": 1,', '{"a": 1,}', '{"a": 1 "b": 2}',
  '{a: 1}', "{'a': 1}", '{Version: 1, AccessKeyId: a}', '[1,]', '[1 2]', '[,1]', '[1', '"abc', '"a\\', '"a\\q"', '"\\u12"',
  '"\\u12g4"', '"\\u1234', '"\\u1234"', '"a\tb"', '"a\nb"', '1 2', '01', '-', '-x', '1.', '1e', 'tru', 'nul', 'NaN', '-Infinity',
  '{"a": 1}\n{"b": 2}', '\n\n  {"a": [1, 2,\n  ]}', '{"é": "😀", "x" 1}', '😀', '[1, 2, 3] extra', '{"a": {"b": [}}',
  'Error: not authorised\n', '{"Version": 1, "AccessKeyId": "a",\n "SecretAccessKey": "b",}',
];

describe('Python json error messages', () => {
  test('agree with json.loads for every input', () => {
    const python: Array<string | null> = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(inputs), encoding: 'utf8' }));
    const ours = inputs.map((text) => {
      try {
        parsePyJson(text);
        return null;
      } catch (error) {
        if (error instanceof PyJsonError) return error.message;
        throw error;
      }
    });
    expect(ours).toEqual(python);
  });
});
