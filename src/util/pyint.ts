// Python's int(str): surrounding whitespace, an optional sign, digits with single underscores
// between them. Returns undefined where Python raises ValueError.
export function parsePyInt(text: string): bigint | undefined {
  const m = /^[\s]*([+-]?)(\d+(?:_\d+)*)[\s]*$/u.exec(text);
  if (!m) return undefined;
  const digits = m[2]!.replace(/_/g, '');
  return BigInt(m[1] === '-' ? `-${digits}` : digits);
}
