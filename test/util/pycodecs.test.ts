// Python's strict UTF-8 decoding and latin-1 encoding messages (the CLI prints them for an
// undecodable credential answer, token file or process output, and for a header value http.client
// cannot encode), differentially against python3 on the same inputs.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, encodeLatin1 } from '../../src/util/pycodecs';
import { PyError } from '../../src/util/pyerror';

const PYTHON = `
import json, sys
data = json.load(sys.stdin)
out = {"decode": [], "encode": []}
for hex in data["decode"]:
    try:
        bytes.fromhex(hex).decode("utf-8")
        out["decode"].append(None)
    except UnicodeDecodeError as e:
        out["decode"].append(str(e))
for text in data["encode"]:
    try:
        text.encode("latin-1")
        out["encode"].append(None)
    except UnicodeEncodeError as e:
        out["encode"].append(str(e))
json.dump(out, sys.stdout)
`;

// lead bytes of every class, cut short, with bad continuations, overlong forms and surrogates
const undecodable = ['7bfffe7d', 'ff', '61ff62', 'c3', 'c328', 'c0af', 'c1bf', 'e0', 'e080', 'e08080', 'e0a0', 'e0a028', 'eda080', 'ed9f', 'ef', 'efbf',
  'f0', 'f08f8080', 'f090', 'f09080', 'f0908028', 'f48f', 'f490808f', 'f5', 'f8', 'fe', '80', 'bf', 'c3a9ff', 'e282ac80', '61c3a9e282acf09f9883ff'];
const unencodable = ['tok€n', 'ab€€c', '€', 'a😀b', 'é€é', 'ÿ', '\u0100', 'AKID🔑🔑', 'x\u2028y'];

describe("Python's codecs", () => {
  test('agree with python3 on every input', () => {
    const python = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify({ decode: undecodable, encode: unencodable }), encoding: 'utf8' }));
    const message = (work: () => unknown) => {
      try {
        work();
        return null;
      } catch (error) {
        if (error instanceof PyError) return error.message;
        throw error;
      }
    };
    expect({
      decode: undecodable.map((hex) => message(() => decodeUtf8(Buffer.from(hex, 'hex')))),
      encode: unencodable.map((text) => message(() => encodeLatin1(text))),
    }).toEqual(python);
  });
});
