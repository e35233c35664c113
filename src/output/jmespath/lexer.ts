// JMESPath tokenizer with the rules (and the error texts and positions) of Python's jmespath
// 1.0.1, which the real CLI uses. Positions count code points, as Python's do.
import { PyJsonRecursionError, parsePyJson, PyDict as JsonDict } from '../../util/pyjson';
import { PyNumber } from '../../util/python';
import type { PyValue } from '../value';

export type TokenValue = string | bigint | PyValue;

export interface Token {
  readonly type: string;
  readonly value: TokenValue;
  readonly start: number;
}

/** A failure while compiling a query; `message` is Python's str() of the exception. */
export class QueryCompileError extends Error {}

/** Python's limit on decimal digits in int() (3.11: sys.int_info.default_max_str_digits). */
export const MAX_INT_DIGITS = 4300;

export function intDigitsError(count: number): string {
  return (
    `Exceeds the limit (${MAX_INT_DIGITS} digits) for integer string conversion: value has ${count} digits; ` +
    'use sys.set_int_max_str_digits() to increase the limit'
  );
}

const SIMPLE: Record<string, string> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};

const isIdentStart = (c: string) => /^[A-Za-z_]$/.test(c);
const isIdentChar = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
/** What Python's str.lstrip() removes (str.isspace()). */
const PY_LEADING_SPACE = /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

export function tokenize(expression: string): Token[] {
  if (expression === '') throw new QueryCompileError('Invalid JMESPath expression: cannot be empty.');
  const chars = Array.from(expression);
  const length = chars.length;
  const tokens: Token[] = [];
  let pos = 0;
  // Python's lexer stays on the last character when it runs off the end
  let current: string | undefined = chars[0];
  const next = (): string | undefined => {
    if (pos === length - 1) current = undefined;
    else current = chars[++pos];
    return current;
  };
  const lexerError = (position: number, message: string): never => {
    throw new QueryCompileError(`Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`);
  };
  const consumeUntil = (delimiter: string): string => {
    const start = pos;
    let buffer = '';
    next();
    while (current !== delimiter) {
      if (current === '\\') {
        buffer += '\\';
        next();
      }
      if (current === undefined) lexerError(start, `Unclosed ${delimiter} delimiter`);
      buffer += current;
      next();
    }
    next();
    return buffer;
  };
  const consumeNumber = (): string => {
    let buffer = current!;
    while (isDigit(next())) buffer += current;
    return buffer;
  };
  const matchOrElse = (expected: string, matchType: string, elseType: string): Token => {
    const start = pos;
    const first = current!;
    if (next() === expected) {
      next();
      return { type: matchType, value: first + expected, start };
    }
    return { type: elseType, value: first, start };
  };

  while (current !== undefined) {
    const c: string = current;
    const start = pos;
    if (SIMPLE[c]) {
      tokens.push({ type: SIMPLE[c]!, value: c, start });
      next();
    } else if (isIdentStart(c)) {
      let buffer = c;
      while (isIdentChar(next())) buffer += current;
      tokens.push({ type: 'unquoted_identifier', value: buffer, start });
    } else if (isWhitespace(c)) {
      next();
    } else if (c === '[') {
      const after = next();
      if (after === ']') {
        next();
        tokens.push({ type: 'flatten', value: '[]', start });
      } else if (after === '?') {
        next();
        tokens.push({ type: 'filter', value: '[?', start });
      } else tokens.push({ type: 'lbracket', value: '[', start });
    } else if (c === "'") {
      tokens.push({ type: 'literal', value: consumeUntil("'").replaceAll("\\'", "'"), start });
    } else if (c === '|') {
      tokens.push(matchOrElse('|', 'or', 'pipe'));
    } else if (c === '&') {
      tokens.push(matchOrElse('&', 'and', 'expref'));
    } else if (c === '`') {
      const lexeme = consumeUntil('`').replaceAll('\\`', '`');
      tokens.push({ type: 'literal', value: parseLiteral(lexeme, () => lexerError(start, `Bad token ${lexeme}`)), start });
    } else if (isDigit(c)) {
      tokens.push({ type: 'number', value: toInt(consumeNumber()), start });
    } else if (c === '-') {
      const buffer = consumeNumber();
      if (buffer.length > 1) tokens.push({ type: 'number', value: toInt(buffer), start });
      else lexerError(start, `Unknown token '${buffer}'`);
    } else if (c === '"') {
      const lexeme = consumeUntil('"');
      const decoded = decodeJsonString(lexeme);
      if (typeof decoded !== 'string') lexerError(start, decoded.problem);
      tokens.push({ type: 'quoted_identifier', value: decoded as string, start });
    } else if (c === '<') {
      tokens.push(matchOrElse('=', 'lte', 'lt'));
    } else if (c === '>') {
      tokens.push(matchOrElse('=', 'gte', 'gt'));
    } else if (c === '!') {
      tokens.push(matchOrElse('=', 'ne', 'not'));
    } else if (c === '=') {
      if (next() === '=') {
        tokens.push({ type: 'eq', value: '==', start: pos - 1 });
        next();
      } else {
        lexerError(current === undefined ? pos : pos - 1, "Unknown token '='");
      }
    } else {
      lexerError(pos, `Unknown token ${c}`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: length });
  return tokens;
}

/** Python's int() of the digits of a number token (with its limit on length). */
function toInt(text: string): bigint {
  const digits = text.replace(/^-/, '').length;
  if (digits > MAX_INT_DIGITS) throw new QueryCompileError(intDigitsError(digits));
  return BigInt(text);
}

/**
 * A `literal`: JSON as Python's json.loads reads it, else (the deprecated form) the text as a
 * JSON string body, else an error.
 */
function parseLiteral(lexeme: string, fail: () => never): PyValue {
  const asJson = loadsJson(lexeme);
  if (asJson !== undefined) return asJson.value;
  const asString = loadsJson(`"${lexeme.replace(PY_LEADING_SPACE, '')}"`);
  if (asString !== undefined) return asString.value;
  return fail();
}

/** json.loads(text), or undefined where Python raises ValueError. */
export function loadsJson(text: string): { value: PyValue } | undefined {
  if (text.startsWith('\ufeff')) return undefined;
  let parsed: unknown;
  try {
    parsed = parsePyJson(text);
  } catch (error) {
    if (error instanceof PyJsonRecursionError) throw new QueryCompileError(error.message);
    return undefined;
  }
  try {
    return { value: fromJson(parsed) };
  } catch {
    return undefined; // an int too long for Python's int(): a ValueError too
  }
}

function fromJson(value: unknown): PyValue {
  if (value instanceof PyNumber) {
    if (value.kind === 'float') return value.value;
    const digits = value.digits ?? String(value.value);
    if (digits.replace(/^-/, '').length > MAX_INT_DIGITS) throw new Error('too many digits');
    return BigInt(digits);
  }
  if (value instanceof JsonDict) return new Map([...value.entries].map(([k, v]) => [k, fromJson(v)]));
  if (Array.isArray(value)) return value.map(fromJson);
  return value as PyValue;
}

/**
 * The body of a quoted identifier decoded as a JSON string, or the start of the error Python's
 * json module reports for it (the lexer keeps the text before the first colon).
 */
function decodeJsonString(body: string): string | { problem: string } {
  let out = '';
  const units = body; // UTF-16 is fine here: escapes are ASCII and surrogates pair up the same way
  for (let i = 0; i < units.length; i++) {
    const ch = units[i]!;
    if (ch < ' ') return { problem: 'Invalid control character at' };
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const esc = units[i + 1];
    if (esc === undefined) return { problem: 'Unterminated string starting at' };
    i++;
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (esc !== 'u') {
      if (simple[esc] === undefined) return { problem: 'Invalid \\escape' };
      out += simple[esc];
      continue;
    }
    const hex = units.slice(i + 1, i + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { problem: 'Invalid \\uXXXX escape' };
    out += String.fromCharCode(parseInt(hex, 16));
    i += 4;
  }
  return out;
}
