// Header values as Python's http.client puts them on the wire. botocore's endpoint (EC2, STS,
// SSO) encodes each value to UTF-8 bytes first; the metadata fetchers (container, IMDS) hand
// http.client text, which it encodes as latin-1. Either way a CR or LF not followed by a space
// or tab is refused. Values are returned as latin1 strings (one char per byte).
import { encodeLatin1 } from '../util/pycodecs';
import { PyError } from '../util/pyerror';
import { pyStr, PyBytes } from '../util/python';

export type HeaderEncoding = 'utf-8' | 'latin-1';

const ILLEGAL = /\n(?![ \t])|\r(?![ \t\n])/;

/** The bytes of every header value, or the error http.client raises for the first it refuses. */
export function headerBytes(headers: Readonly<Record<string, string>>, encoding: HeaderEncoding): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const bytes = encoding === 'utf-8' ? Buffer.from(value, 'utf8').toString('latin1') : encodeLatin1(value);
    if (ILLEGAL.test(bytes)) throw new PyError('ValueError', `Invalid header value ${pyStr(new PyBytes(Buffer.from(bytes, 'latin1')))}`);
    out[name] = bytes;
  }
  return out;
}

/** Bytes Python sends in a header that Node's http module refuses to write (control characters, folded lines). */
export function nodeRefuses(value: string): boolean {
  return /[^\t\x20-\x7e\x80-\xff]/.test(value);
}
