// Python's operators on the values json.loads returns (dict, list, str, int, float, bool, None),
// with Python's exceptions: the credential providers index, search and test answers this way,
// and a wrong type there is the message the CLI prints.
import { parsePyJson, PyDict, PyJsonError, PyJsonRecursionError } from './pyjson';
import { PyError } from './pyerror';
import { PyNumber, pyReprString, pyTypeShort } from './python';

export function isPyDict(value: unknown): value is PyDict {
  return value instanceof PyDict;
}

/** `value[key]` with a str key. */
export function pyItem(value: unknown, key: string): unknown {
  if (value instanceof PyDict) {
    if (!value.entries.has(key)) throw new PyError('KeyError', pyReprString(key));
    return value.entries.get(key);
  }
  if (typeof value === 'string') throw new PyError('TypeError', "string indices must be integers, not 'str'");
  if (Array.isArray(value)) throw new PyError('TypeError', 'list indices must be integers or slices, not str');
  throw new PyError('TypeError', `'${pyTypeShort(value)}' object is not subscriptable`);
}

/** `value.get(key)` (None when absent); only dicts have it. */
export function pyGet(value: unknown, key: string, fallback: unknown = null): unknown {
  if (value instanceof PyDict) return value.entries.has(key) ? value.entries.get(key) : fallback;
  throw new PyError('AttributeError', `'${pyTypeShort(value)}' object has no attribute 'get'`);
}

/** `key in value` for a str key: dict keys, list items, substrings; other types are not iterable. */
export function pyContains(value: unknown, key: string): boolean {
  if (value instanceof PyDict) return value.entries.has(key);
  if (Array.isArray(value)) return value.some((item) => item === key);
  if (typeof value === 'string') return value.includes(key);
  throw new PyError('TypeError', `argument of type '${pyTypeShort(value)}' is not iterable`);
}

/** bool(value). */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (value instanceof PyNumber) return value.value !== 0; // NaN is true
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyDict) return value.size > 0;
  return true;
}

/** The number a JSON int or float holds (JSON numbers arrive as PyNumber). */
export function pyNumberValue(value: unknown): number | undefined {
  if (value instanceof PyNumber) return value.value;
  if (typeof value === 'number') return value;
  return undefined;
}

/** json.loads(text): Python's value, JSONDecodeError (a ValueError) or RecursionError. */
export function pyJsonLoads(text: string): unknown {
  try {
    if (text.startsWith('\ufeff')) throw new PyJsonError('Unexpected UTF-8 BOM (decode using utf-8-sig)', text, 0);
    return parsePyJson(text);
  } catch (error) {
    if (error instanceof PyJsonError) throw new PyError('JSONDecodeError', error.message);
    if (error instanceof PyJsonRecursionError) throw new PyError('RecursionError', error.message);
    throw error;
  }
}
