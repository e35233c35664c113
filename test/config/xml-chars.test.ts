// Name characters of the response XML reader against Python's expat, for every character of
// the Basic Multilingual Plane: whether it may start a name (`<X/>`) and continue one
// (`<aX/>`), in UTF-8 and in UTF-16 (where expat reads U+0080-U+00FF with a table of its own).
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parseXml } from '../../src/call/xml';
import { PYTHON } from './expat-oracle';

const SCRIPT = `
import sys, pyexpat
def ok(body):
    parser = pyexpat.ParserCreate("utf-8", "}")
    try:
        parser.Parse(body, True)
        return "1"
    except pyexpat.ExpatError:
        return "0"
out = []
for encode in (lambda s: s.encode("utf-8"), lambda s: b"\\xff\\xfe" + s.encode("utf-16-le")):
    for shape in ("<%s/>", "<a%s/>"):
        out.append("".join("-" if 0xD800 <= c < 0xE000 else ok(encode(shape % chr(c))) for c in range(0x80, 0x10000)))
print("\\n".join(out))
`;

function ours(body: Buffer): string {
  try {
    parseXml(body);
    return '1';
  } catch {
    return '0';
  }
}

describe('XML name characters', () => {
  test('every BMP character starts and continues names as in expat, in UTF-8 and UTF-16', () => {
    const python = execFileSync(PYTHON, ['-c', SCRIPT], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n');
    const encodings = [(s: string) => Buffer.from(s, 'utf8'), (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])];
    const shapes = [(c: string) => `<${c}/>`, (c: string) => `<a${c}/>`];
    const lines: string[] = [];
    for (const encode of encodings) {
      for (const shape of shapes) {
        let line = '';
        for (let c = 0x80; c < 0x10000; c++) line += c >= 0xd800 && c < 0xe000 ? '-' : ours(encode(shape(String.fromCharCode(c))));
        lines.push(line);
      }
    }
    lines.forEach((line, i) => {
      const first = [...line].findIndex((v, j) => v !== python[i]![j]);
      expect(first === -1 ? 'same' : `differs at U+${(first + 0x80).toString(16)}`, `encoding ${i >> 1}, shape ${i & 1}`).toBe('same');
    });
  });
});
