// Python's int(str), which the CLI applies to --cli-read-timeout, --cli-connect-timeout,
// max_attempts and metadata settings: every input is read by both, in one python3 process.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parsePyInt } from '../../src/util/pyint';

const PYTHON = `
import json, sys
out = []
for text in json.load(sys.stdin):
    try:
        out.append(str(int(text)))
    except ValueError:
        out.append(None)
json.dump(out, sys.stdout)
`;

const inputs = [
  '0', '5', '-0', '+5', ' 5', '5 ', '\t5\n', '5_000', '5__000', '_5', '5_', '1.5', '1e3', '0x10', '', ' ', '-', '+-5',
  '٣', '١٢٣', '𝟓', '５', '௫', '٣_٣', '\x1c5\x1f', '\u00855', '\u30005', '\ufeff5', '\u00a05', '99999999999999999999', '٣a',
];

describe("Python's int()", () => {
  test('agrees with int() for every input', () => {
    const python: Array<string | null> = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(inputs), encoding: 'utf8' }));
    expect(inputs.map((text) => parsePyInt(text)?.toString() ?? null)).toEqual(python);
  });
});
