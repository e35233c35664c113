// The table of wide characters must agree with Python's unicodedata (the real CLI measures
// table cells with it). Checked against every code point when a Python 3.11 (Unicode 14) is
// installed, and on known characters always.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { textWidth } from '../../src/output/wide-chars';

const python = '/usr/bin/python3';
const pythonUnicode = existsSync(python)
  ? spawnSync(python, ['-c', 'import unicodedata; print(unicodedata.unidata_version)'], { encoding: 'utf8' }).stdout.trim()
  : '';

describe('textWidth', () => {
  test('known widths', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本語')).toBe(6);
    // many Latin-1 letters are "ambiguous" too
    expect(textWidth('é')).toBe(2);
    expect(textWidth('ş')).toBe(1);
    // U+0301 (combining acute) and U+00B7 (middle dot) are East Asian "ambiguous": two columns
    expect(textWidth('e\u0301')).toBe(3);
    expect(textWidth('\u00b7')).toBe(2);
    expect(textWidth('😀')).toBe(2);
    expect(textWidth('')).toBe(0);
  });

  test('agrees with Python for every code point', (context) => {
    skipUnless(pythonUnicode === '14.0.0', `this Python's Unicode data is ${pythonUnicode}, not 14.0.0 (Debian 12's, as the real CLI's)`)(context);
    const script =
      'import sys, unicodedata\n' +
      "sys.stdout.write(''.join('2' if unicodedata.east_asian_width(chr(c)) in 'WFA' else '1' for c in range(0x110000)))";
    const expected = spawnSync(python, ['-c', script], { encoding: 'utf8', maxBuffer: 8 << 20 }).stdout;
    expect(expected.length).toBe(0x110000);
    const mismatches: string[] = [];
    for (let c = 0; c < 0x110000; c++) {
      const ours = textWidth(String.fromCodePoint(c));
      if (String(ours) !== expected[c]) mismatches.push(c.toString(16));
    }
    expect(mismatches).toEqual([]);
  });
});
