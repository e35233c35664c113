// How the CLI decodes a `file://` parameter: with AWS_CLI_FILE_ENCODING when it is set (any name
// Python's codecs know), else UTF-8. Python's decoders are strict: undecodable bytes are a
// UnicodeDecodeError (the caller's "text contents could not be decoded"), an unknown name a
// LookupError, and UTF-16 without a byte order mark a UnicodeError, both reported as they are.

/** A LookupError or UnicodeError of Python's: the CLI prints its text and exits 255. */
export class PyCodecError extends Error {}
/** Python's UnicodeDecodeError. */
export class UndecodableText extends Error {}

type Decoder = (data: Uint8Array) => string;

/** encodings.normalize_encoding after lower-casing: runs of punctuation become one `_`. */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Node's (WHATWG) decoder for `label`, made on first use; Python keeps a BOM unless the codec strips it. */
function whatwg(label: string, keepBom = true): Decoder {
  // Node's single- and multi-byte decoders take leading FF FE for a UTF-16 byte order mark and
  // drop it: an ASCII byte in front (all these encodings are ASCII-compatible) keeps them honest
  const guarded = !/^utf-(8|16)/.test(label);
  return (data) => {
    const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: keepBom });
    try {
      return guarded ? decoder.decode(Buffer.concat([Buffer.from('A'), data])).slice(1) : decoder.decode(data);
    } catch {
      throw new UndecodableText();
    }
  };
}

function isWhatwgLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

const latin1: Decoder = (data) => Buffer.from(data).toString('latin1');
const ascii: Decoder = (data) => {
  if (data.some((byte) => byte > 0x7f)) throw new UndecodableText();
  return Buffer.from(data).toString('latin1');
};
// cp1252 by hand: Node's windows-1252 decoder drops 0x80 (€), and leaves five bytes defined that
// Python refuses
const CP1252_HIGH = [0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178];
const cp1252: Decoder = (data) =>
  Array.from(data, (byte) => {
    const code = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
    if (code < 0) throw new UndecodableText();
    return String.fromCharCode(code);
  }).join('');
const utf16: Decoder = (data) => {
  if (data[0] === 0xff && data[1] === 0xfe) return whatwg('utf-16le', false)(data);
  if (data[0] === 0xfe && data[1] === 0xff) return whatwg('utf-16be', false)(data);
  // Python decodes first (a truncated or broken stream is undecodable), then wants the mark
  const text = whatwg('utf-16le')(data);
  if (data.length >= 2) throw new PyCodecError('UTF-16 stream does not start with BOM');
  return text;
};

const CODECS: ReadonlyArray<[Decoder, readonly string[]]> = [
  [whatwg('utf-8'), ['utf_8', 'utf8', 'u8', 'utf', 'cp65001', 'utf8_ucs2', 'utf8_ucs4']],
  [whatwg('utf-8', false), ['utf_8_sig']],
  [utf16, ['utf_16', 'utf16', 'u16']],
  [whatwg('utf-16le'), ['utf_16_le', 'utf_16le', 'unicodelittleunmarked']],
  [whatwg('utf-16be'), ['utf_16_be', 'utf_16be', 'unicodebigunmarked']],
  [latin1, ['latin_1', 'latin1', 'latin', 'l1', 'iso8859_1', 'iso_8859_1', 'iso8859', '8859', 'cp819', 'iso_ir_100', 'csisolatin1']],
  [ascii, ['ascii', 'us_ascii', '646', 'ansi_x3.4_1968', 'ansi_x3_4_1968', 'ansi_x3.4_1986', 'cp367', 'csascii', 'ibm367', 'iso646_us', 'iso_ir_6', 'us']],
  [cp1252, ['cp1252', 'windows_1252', '1252']],
];

// codecs Python knows that do not make text
const NOT_TEXT = new Set(['base64', 'base_64', 'base64_codec', 'bz2', 'bz2_codec', 'hex', 'hex_codec', 'quopri', 'quopri_codec',
  'quotedprintable', 'quoted_printable', 'rot13', 'rot_13', 'uu', 'uu_codec', 'zip', 'zlib', 'zlib_codec']);

/** The decoder for an encoding name as Python's codecs.lookup finds it. */
export function decoderFor(name: string): Decoder {
  const key = normalise(name);
  for (const [decoder, names] of CODECS) if (names.includes(key)) return decoder;
  if (NOT_TEXT.has(key)) throw new PyCodecError(`'${name}' is not a text encoding; use codecs.open() to handle arbitrary codecs`);
  // other codecs by the names the WHATWG decoder shares with Python (iso8859_15, koi8_r, shift_jis, cp1251, …)
  const label = [key, key.replace(/_/g, '-')].find(isWhatwgLabel);
  if (label) return whatwg(label);
  throw new PyCodecError(`unknown encoding: ${name}`);
}

/** The text of a file:// parameter, decoded as the CLI would. */
export function decodeParamText(data: Uint8Array, env: NodeJS.ProcessEnv): string {
  return decoderFor(env.AWS_CLI_FILE_ENCODING ?? 'utf-8')(data);
}
