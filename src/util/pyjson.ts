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

/** json.JSONDecodeError: Python's reason and its `line L column C (char N)` position. */
export class PyJsonError extends Error {
  constructor(reason: string, text?: string, at = 0) {
    super(text === undefined ? reason : `${reason}: ${pyPosition(text, at)}`);
  }
}

/** Python counts code points, lines from 1 and columns from 1. */
function pyPosition(text: string, at: number): string {
  const before = Array.from(text.slice(0, at));
  const char = before.length;
  const lastBreak = before.lastIndexOf('\n');
  const line = before.filter((c) => c === '\n').length + 1;
  return `line ${line} column ${char - lastBreak} (char ${char})`;
}

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
  // the reasons and positions of Python 3.11's C scanner (_json.c)
  const fail = (reason: string, at = pos): never => {
    throw new PyJsonError(reason, text, at);
  };
  const skipWs = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const parseString = (): string => {
    const begin = pos;
    pos++; // opening quote
    let out = '';
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) fail('Unterminated string starting at', begin);
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[pos + 1];
        if (esc === undefined) fail('Unterminated string starting at', begin);
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
            // Python also refuses four digits that end the document (no room for the closing quote)
            if (pos + 4 >= text.length || !/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', pos - 1);
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail('Invalid \\escape', pos - 2);
        }
        continue;
      }
      if (ch < ' ') fail('Invalid control character at'); // strict mode: no raw control characters
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
        if (text[pos] !== '"') fail('Expecting property name enclosed in double quotes');
        const key = parseString();
        skipWs();
        if (text[pos] !== ':') fail("Expecting ':' delimiter");
        pos++;
        skipWs();
        dict.entries.set(key, parseValue());
        skipWs();
        if (text[pos] === '}') {
          pos++;
          depth--;
          return dict;
        }
        if (text[pos] !== ',') fail("Expecting ',' delimiter");
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
        if (text[pos] !== ',') fail("Expecting ',' delimiter");
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
    if (!m) return fail('Expecting value');
    pos = NUMBER.lastIndex;
    if (m[2] === undefined && m[3] === undefined) {
      return new PyNumber('int', Number(m[0]), m[0].replace(/^-0$/, '0'));
    }
    return new PyNumber('float', Number(m[0]));
  };
  skipWs();
  const value = parseValue();
  skipWs();
  if (pos !== text.length) fail('Extra data');
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
