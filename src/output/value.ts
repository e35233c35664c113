// The values the output layer works on, modelled on the Python objects the real CLI formats:
// ints (bigint, unbounded like Python's) are kept apart from floats (number), objects keep their
// insertion order (Map, even for keys that look like numbers), and lists/objects keep their
// identity (the YAML dumper writes anchors for an object that appears twice, as ruamel does).
import { pyFloatRepr, pyReprString } from '../util/python';

export { pyFloatRepr };

export type PyValue = null | boolean | string | bigint | number | PyList | PyDict | PyObject;
export type PyList = PyValue[];
export type PyDict = Map<string, PyValue>;

/**
 * Any other Python object a query can produce (a JMESPath `&expression`): the formatters print
 * its repr() where Python would, and fail where Python's serializers refuse it.
 */
export class PyObject {
  constructor(
    readonly typeName: string,
    readonly repr: string,
  ) {}
}

/** A Python exception escaping to the CLI's generic handler: its str() is what gets printed. */
export class PyError extends Error {}

export function isList(value: unknown): value is PyList {
  return Array.isArray(value);
}

export function isDict(value: unknown): value is PyDict {
  return value instanceof Map;
}

export function isContainer(value: unknown): value is PyList | PyDict {
  return Array.isArray(value) || value instanceof Map;
}

/** int or float, not bool (Python's bool is an int, JMESPath's is not). */
export function isNumber(value: unknown): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

/** Plain response data (as the SDK returns it) into the Python model. */
export function fromPlain(value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [String(k), fromPlain(v)]));
  if (typeof value === 'object') {
    return new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, fromPlain(v)]));
  }
  return String(value);
}

/** Python's type(value).__name__. */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
  }
  if (value instanceof PyObject) return value.typeName;
  return Array.isArray(value) ? 'list' : 'dict';
}

/** Python's str(): strings bare, containers with repr() of their items. */
export function pyStr(value: PyValue): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** Python's repr(). */
export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False';
    case 'string':
      return pyReprString(value);
    case 'bigint':
      return value.toString();
    case 'number':
      return pyFloatRepr(value);
  }
  if (value instanceof PyObject) return value.repr;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${[...value].map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python's `==` between two values (bool counts as 0/1, ints and floats compare exactly). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  const na = asNumeric(a);
  const nb = asNumeric(b);
  if (na !== undefined && nb !== undefined) return compareNumbers(na, nb) === 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i] || pyEquals(item, b[i]!));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k)) return false;
      const other = b.get(k)!;
      if (v !== other && !pyEquals(v, other)) return false;
    }
    return true;
  }
  return false;
}

function asNumeric(value: PyValue): bigint | number | undefined {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  return isNumber(value) ? value : undefined;
}

/**
 * Exact comparison of two Python numbers: -1, 0, 1, or NaN when either is NaN (every ordering
 * test is then false, as in Python).
 */
export function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number') return -compareNumbers(b, a);
  // a is an int, b a float
  const f = b as number;
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const floor = BigInt(Math.floor(f));
  if (a < floor) return -1;
  if (a > floor) return 1;
  return Number.isInteger(f) ? 0 : -1;
}

/** Python's ordering of two strings: by code point (not by UTF-16 unit as JS does). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    if (x.value !== y.value) return x.value.codePointAt(0)! < y.value.codePointAt(0)! ? -1 : 1;
  }
}

/** float(int) as Python converts it, refusing what does not fit a double. */
export function intToFloat(value: bigint): number {
  const f = Number(value);
  if (!Number.isFinite(f)) throw new PyError('int too large to convert to float');
  return f;
}

/** Number of code points, Python's len() of a str. */
export function pyLen(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** repr(float).lower(), which ruamel writes for floats. */
export function pyFloatReprLower(value: number): string {
  return pyFloatRepr(value).toLowerCase();
}
