// file:// parameters decoded with AWS_CLI_FILE_ENCODING, differentially against Python: every
// (bytes, encoding) pair is read by both, Python as open() reads a text file (TextIOWrapper,
// universal newlines), in one python3 process.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { decodeParamText, PyCodecError, UndecodableText } from '../../src/input/text-encoding';

const PYTHON = `
import io, json, sys
out = []
for hexdata, encoding in json.load(sys.stdin):
    try:
        out.append(['text', io.TextIOWrapper(io.BytesIO(bytes.fromhex(hexdata)), encoding=encoding).read()])
    except UnicodeDecodeError:
        out.append(['undecodable', None])
    except (LookupError, UnicodeError) as e:
        out.append(['error', str(e)])
json.dump(out, sys.stdout)
`;

const samples = ['', '31302e302e302e302f32340a', 'fffe31002e003000', 'feff0031', 'efbbbf31', '636166e9', 'c3a9', 'ff', 'fffe', '80', '81', '9d', '0d0a310d32', 'e9e9e9e9'];
const encodings = ['utf-8', 'UTF8', 'utf_8_sig', 'utf-16', 'UTF-16-LE', 'utf-16be', 'latin-1', 'L1', 'iso8859_15', 'ascii', 'us-ascii', 'cp1252',
  'windows-1252', 'koi8_r', 'cp1251', 'shift_jis', 'rot13', 'hex', 'bogus', ''];

describe('AWS_CLI_FILE_ENCODING', () => {
  test('decodes as Python does, with its errors', () => {
    const pairs = samples.flatMap((hex) => encodings.map((encoding) => [hex, encoding] as const));
    const python: unknown[] = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(pairs), encoding: 'utf8' }));
    const ours = pairs.map(([hex, encoding]) => {
      try {
        return ['text', decodeParamText(Buffer.from(hex, 'hex'), { AWS_CLI_FILE_ENCODING: encoding }).replace(/\r\n?/g, '\n')];
      } catch (error) {
        if (error instanceof UndecodableText) return ['undecodable', null];
        if (error instanceof PyCodecError) return ['error', error.message];
        throw error;
      }
    });
    expect(ours.map((o, i) => [...pairs[i]!, ...o])).toEqual(python.map((p, i) => [...pairs[i]!, ...(p as unknown[])]));
  });
});
