// Python's int(str): surrounding whitespace, an optional sign, decimal digits of any script
// (`٣` is 3) with single underscores between them. Returns undefined where Python raises ValueError.

/** The whitespace int() strips (JavaScript's \s differs: it has U+FEFF and lacks U+0085). */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_INT = new RegExp(`^[${PY_SPACE}]*([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)[${PY_SPACE}]*$`, 'u');
const DIGIT = /\p{Nd}/u;

export function parsePyInt(text: string): bigint | undefined {
  const m = PY_INT.exec(text);
  if (!m) return undefined;
  const digits = [...m[2]!.replace(/_/g, '')].map(digitValue).join('');
  return BigInt(m[1] === '-' ? `-${digits}` : digits);
}

/** A decimal digit's value: Unicode lays every script's digits out as runs of ten from its zero. */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  let runStart = code;
  while (DIGIT.test(String.fromCodePoint(runStart - 1))) runStart--;
  return (code - runStart) % 10;
}
