// Python's strict UTF-8 decoding and latin-1 encoding, with the exact UnicodeDecodeError /
// UnicodeEncodeError text: the CLI prints it when a credential answer, a token file or a header
// value cannot be converted.
import { PyError } from './pyerror';

/** The length of the UTF-8 sequence a lead byte starts, and the allowed range of its second byte. */
function sequenceOf(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  return undefined;
}

function decodeError(data: Uint8Array, start: number, end: number, reason: string): PyError {
  const where = end === start ? `byte 0x${data[start]!.toString(16).padStart(2, '0')} in position ${start}` : `bytes in position ${start}-${end}`;
  return new PyError('UnicodeDecodeError', `'utf-8' codec can't decode ${where}: ${reason}`);
}

/** The first sequence that is not UTF-8: its start, the last byte read and why; undefined when all is UTF-8. */
function firstProblem(data: Uint8Array): { start: number; end: number; reason: string } | undefined {
  for (let i = 0; i < data.length; ) {
    const lead = data[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const seq = sequenceOf(lead);
    if (!seq) return { start: i, end: i, reason: 'invalid start byte' };
    for (let k = 1; k < seq.length; k++) {
      if (i + k >= data.length) return { start: i, end: data.length - 1, reason: 'unexpected end of data' };
      const byte = data[i + k]!;
      const [low, high] = k === 1 ? [seq.low, seq.high] : [0x80, 0xbf];
      if (byte < low || byte > high) return { start: i, end: i + k - 1, reason: 'invalid continuation byte' };
    }
    i += seq.length;
  }
  return undefined;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(data: Uint8Array): number {
  return firstProblem(data)?.start ?? -1;
}

/** bytes.decode('utf-8'): the text, or Python's UnicodeDecodeError for the first bad sequence. */
export function decodeUtf8(data: Uint8Array): string {
  const problem = firstProblem(data);
  if (problem) throw decodeError(data, problem.start, problem.end, problem.reason);
  return Buffer.from(data).toString('utf8');
}

/** How Python's repr shows one character in an encoding error. */
function charRepr(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x100) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if (code < 0x10000) return `'\\u${code.toString(16).padStart(4, '0')}'`;
  return `'\\U${code.toString(16).padStart(8, '0')}'`;
}

/** str.encode('latin-1'): one char per byte (as a latin1 string), or Python's UnicodeEncodeError. */
export function encodeLatin1(text: string): string {
  const chars = [...text];
  const first = chars.findIndex((ch) => ch.codePointAt(0)! > 0xff);
  if (first === -1) return text;
  let last = first;
  while (last + 1 < chars.length && chars[last + 1]!.codePointAt(0)! > 0xff) last++;
  const what = last === first ? `character ${charRepr(chars[first]!)} in position ${first}` : `characters in position ${first}-${last}`;
  throw new PyError('UnicodeEncodeError', `'latin-1' codec can't encode ${what}: ordinal not in range(256)`);
}
