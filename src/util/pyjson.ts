// A JSON reader with the rules of Python's json.loads, which the CLI uses for --cli-input-json:
// it accepts NaN/Infinity, keeps ints apart from floats, keeps key order as written (even for
// keys that look like numbers) and refuses what Python refuses.
import { PyNumber } from './python';

/** A JSON object as Python's dict sees it: insertion order, last duplicate wins in place. */
export class PyDict {
  readonly entries = new Map<string, unknown>();
  get size(): number {
    return this.entries.size;
  }
}

export class PyJsonError extends Error {}

/** Python raises RecursionError (not a JSON error) on very deep nesting. */
export class PyJsonRecursionError extends Error {
  constructor(kind: 'array' | 'object') {
    super(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
  }
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;

export function parsePyJson(text: string, maxDepth = 980): unknown {
  let pos = 0;
  let depth = 0;
  const fail = (): never => {
    throw new PyJsonError(`Invalid JSON at ${pos}`);
  };
  const skipWs = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) fail();
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[pos + 1];
        pos += 2;
        switch (esc) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(pos, pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail();
        }
        continue;
      }
      if (ch < ' ') fail(); // strict mode: no raw control characters
      out += ch;
      pos++;
    }
  };
  const parseValue = (): unknown => {
    const ch = text[pos];
    if (ch === '"') return parseString();
    if (ch === '{') {
      if (++depth > maxDepth) throw new PyJsonRecursionError('object');
      pos++;
      const dict = new PyDict();
      skipWs();
      if (text[pos] === '}') {
        pos++;
        depth--;
        return dict;
      }
      for (;;) {
        if (text[pos] !== '"') fail();
        const key = parseString();
        skipWs();
        if (text[pos] !== ':') fail();
        pos++;
        skipWs();
        dict.entries.set(key, parseValue());
        skipWs();
        if (text[pos] === '}') {
          pos++;
          depth--;
          return dict;
        }
        if (text[pos] !== ',') fail();
        pos++;
        skipWs();
      }
    }
    if (ch === '[') {
      if (++depth > maxDepth) throw new PyJsonRecursionError('array');
      pos++;
      const list: unknown[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        depth--;
        return list;
      }
      for (;;) {
        list.push(parseValue());
        skipWs();
        if (text[pos] === ']') {
          pos++;
          depth--;
          return list;
        }
        if (text[pos] !== ',') fail();
        pos++;
        skipWs();
      }
    }
    for (const [word, value] of literals) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value();
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail();
    pos = NUMBER.lastIndex;
    if (m[2] === undefined && m[3] === undefined) {
      return new PyNumber('int', Number(m[0]), m[0].replace(/^-0$/, '0'));
    }
    return new PyNumber('float', Number(m[0]));
  };
  skipWs();
  const value = parseValue();
  skipWs();
  if (pos !== text.length) fail();
  return value;
}

const literals: Array<[string, () => unknown]> = [
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['NaN', () => new PyNumber('float', NaN)],
  ['Infinity', () => new PyNumber('float', Infinity)],
  ['-Infinity', () => new PyNumber('float', -Infinity)],
];
