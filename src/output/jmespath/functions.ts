// JMESPath's built-in functions with the results and failures of Python's jmespath 1.0.1:
// argument checks with its messages, Python int/float results (length() is an int, avg() a
// float, sum() of ints an int…), Python's ordering, and Python's own errors where jmespath lets
// one through (e.g. min_by over a number and a string).
import { compactJson } from '../json';
import {
  compareNumbers,
  compareStrings,
  intToFloat,
  isNumber,
  pyEquals,
  PyError,
  pyLen,
  pyStr,
  pyTypeName,
  type PyValue,
} from '../value';
import { MAX_INT_DIGITS } from './lexer';
import { ExprRef, type Value } from './expression';

interface Signature {
  readonly types: readonly string[];
  readonly variadic?: boolean;
}

interface Builtin {
  readonly signature: readonly Signature[];
  readonly run: (...args: Value[]) => Value;
}

const typeName = (value: Value): string => pyTypeName(value);

const JMESPATH_TYPE: Record<string, string> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  str: 'string',
  float: 'number',
  int: 'number',
  _Expression: 'expref',
};

const PYTHON_TYPES: Record<string, readonly string[]> = {
  boolean: ['bool'],
  array: ['list'],
  object: ['dict'],
  null: ['NoneType'],
  string: ['str'],
  number: ['float', 'int'],
  expref: ['_Expression'],
};

const jmespathType = (value: Value) => JMESPATH_TYPE[typeName(value)] ?? 'unknown';

const describe = (value: Value): string => pyStr(value);

function pyList(items: readonly string[]): string {
  return `[${items.map((t) => `'${t}'`).join(', ')}]`;
}

function typeError(fn: string, value: Value, received: string, expected: readonly string[]): PyError {
  return new PyError(
    `In function ${fn}(), invalid type for value: ${describe(value)}, expected one of: ${pyList(expected)}, received: "${received}"`,
  );
}

export function callFunction(name: string, args: Value[]): Value {
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (!builtin) throw new PyError(`Unknown function: ${name}()`);
  const { signature } = builtin;
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (signature.at(-1)?.variadic) {
    if (args.length < signature.length) {
      throw new PyError(
        `Expected at least ${signature.length} ${plural(signature.length)} for function ${name}(), received ${args.length}`,
      );
    }
  } else if (args.length !== signature.length) {
    throw new PyError(`Expected ${signature.length} ${plural(signature.length)} for function ${name}(), received ${args.length}`);
  }
  signature.forEach((param, i) => {
    if (param.types.length) checkType(name, args[i]!, param.types);
  });
  return builtin.run(...args);
}

function checkType(fn: string, value: Value, types: readonly string[]): void {
  const allowed: string[] = [];
  const allowedSubtypes: Array<readonly string[]> = [];
  for (const t of types) {
    const [type, subtype] = t.split('-', 2) as [string, string | undefined];
    if (subtype !== undefined) allowedSubtypes.push(PYTHON_TYPES[subtype]!);
    allowed.push(...PYTHON_TYPES[type]!);
  }
  const actual = typeName(value);
  if (!allowed.includes(actual)) throw typeError(fn, value, JMESPATH_TYPE[actual] ?? 'unknown', types);
  if (!allowedSubtypes.length || !Array.isArray(value)) return;
  // element types are reported by their Python names here, as jmespath does
  if (allowedSubtypes.length === 1) {
    for (const element of value) {
      if (!allowedSubtypes[0]!.includes(typeName(element))) throw typeError(fn, element, typeName(element), types);
    }
    return;
  }
  if (!value.length) return;
  const first = typeName(value[0]!);
  const subtypes = allowedSubtypes.find((s) => s.includes(first));
  if (!subtypes) throw typeError(fn, value[0]!, first, types);
  for (const element of value) {
    if (!subtypes.includes(typeName(element))) throw typeError(fn, element, typeName(element), types);
  }
}

// ---- Python arithmetic and ordering on the model ----------------------------------------

function add(a: bigint | number, b: bigint | number): bigint | number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a + b;
  return (typeof a === 'bigint' ? intToFloat(a) : a) + (typeof b === 'bigint' ? intToFloat(b) : b);
}

/** Python's `<` (op '<') or `>` between two sort keys / elements. */
function pyLess(a: Value, b: Value, op: '<' | '>' = '<'): boolean {
  const order = (x: Value, y: Value): number => {
    if (typeof x === 'string' && typeof y === 'string') return compareStrings(x, y);
    if (isNumber(x) && isNumber(y)) return compareNumbers(x, y);
    throw new PyError(`'${op}' not supported between instances of '${typeName(x)}' and '${typeName(y)}'`);
  };
  return op === '<' ? order(a, b) < 0 : order(a, b) > 0;
}

/** Python's sorted() on keys: stable, by `<`. */
function sortedBy<T>(items: readonly T[], keys: readonly Value[]): T[] {
  const order = items.map((_, i) => i);
  order.sort((i, j) => (pyLess(keys[i]!, keys[j]!) ? -1 : pyLess(keys[j]!, keys[i]!) ? 1 : 0));
  return order.map((i) => items[i]!);
}

/** Python's min()/max() over keys: the first best element wins. */
function extreme<T>(items: readonly T[], key: (item: T) => Value, op: '<' | '>'): T {
  let best = items[0] as T;
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const k = key(item);
    if (pyLess(k, bestKey, op)) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

/** A key function that insists on the allowed JMESPath types, as jmespath's does. */
function keyFunction(ref: ExprRef, allowed: readonly string[], fn: string): (item: Value) => Value {
  return (item) => {
    const result = ref.evaluate(item);
    const type = jmespathType(result);
    if (!allowed.includes(type)) throw typeError(fn, result, type, allowed);
    return result;
  };
}

// ---- Python's int() and float() of a string --------------------------------------------

/** Decimal digits of any script (Unicode Nd), as int()/float() accept them, folded to ASCII. */
function asciiDigits(text: string): string {
  const isDigit = (code: number) => code >= 0 && /\p{Nd}/u.test(String.fromCodePoint(code));
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0)!;
    // Nd digits come in runs of ten, each starting with the digit zero
    let start = code;
    while (isDigit(start - 1)) start--;
    return String((code - start) % 10);
  });
}

const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const INT_TEXT = new RegExp(`^${PY_SPACE}*([+-]?)(\\d+(?:_\\d+)*)${PY_SPACE}*$`);
const FLOAT_TEXT = new RegExp(
  `^${PY_SPACE}*[+-]?(?:(?:\\d+(?:_\\d+)*)?\\.\\d+(?:_\\d+)*|\\d+(?:_\\d+)*\\.?)(?:[eE][+-]?\\d+(?:_\\d+)*)?${PY_SPACE}*$`,
);
const SPECIAL_FLOAT = new RegExp(`^${PY_SPACE}*([+-]?)(inf|infinity|nan)${PY_SPACE}*$`, 'i');

function toNumber(text: string): Value {
  const ascii = asciiDigits(text);
  const int = INT_TEXT.exec(ascii);
  if (int) {
    const digits = int[2]!.replace(/_/g, '');
    if (digits.length <= MAX_INT_DIGITS) return BigInt(int[1] + digits);
    // int() refuses it; float() then takes it
  }
  const special = SPECIAL_FLOAT.exec(ascii);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (FLOAT_TEXT.test(ascii)) return Number(ascii.replace(new RegExp(PY_SPACE, 'g'), '').replace(/_/g, ''));
  return null;
}

// ---- the functions ---------------------------------------------------------------------

const num = (value: Value) => value as bigint | number;
const list = (value: Value) => value as Value[];

const BUILTINS: Record<string, Builtin> = {
  abs: {
    signature: [{ types: ['number'] }],
    run: (arg) => (typeof arg === 'bigint' ? (arg < 0n ? -arg : arg) : Math.abs(num(arg) as number)),
  },
  avg: {
    signature: [{ types: ['array-number'] }],
    run: (arg) => {
      const items = list(arg);
      if (!items.length) return null;
      const total = items.reduce<bigint | number>((sum, v) => add(sum, num(v)), 0n);
      return (typeof total === 'bigint' ? intToFloat(total) : total) / items.length;
    },
  },
  not_null: {
    signature: [{ types: [], variadic: true }],
    run: (...args) => args.find((a) => a !== null) ?? null,
  },
  to_array: {
    signature: [{ types: [] }],
    run: (arg) => (Array.isArray(arg) ? arg : [arg]),
  },
  to_string: {
    signature: [{ types: [] }],
    run: (arg) => {
      if (typeof arg === 'string') return arg;
      if (arg instanceof ExprRef) return JSON.stringify(describe(arg));
      return compactJson(arg as PyValue);
    },
  },
  to_number: {
    signature: [{ types: [] }],
    run: (arg) => {
      if (isNumber(arg)) return arg;
      return typeof arg === 'string' ? toNumber(arg) : null;
    },
  },
  contains: {
    signature: [{ types: ['array', 'string'] }, { types: [] }],
    run: (subject, search) => {
      if (Array.isArray(subject)) {
        return subject.some((item) => item === search || pyEquals(item, search));
      }
      if (typeof search !== 'string') {
        throw new PyError(`'in <string>' requires string as left operand, not ${typeName(search)}`);
      }
      return (subject as string).includes(search);
    },
  },
  length: {
    signature: [{ types: ['string', 'array', 'object'] }],
    run: (arg) => BigInt(typeof arg === 'string' ? pyLen(arg) : Array.isArray(arg) ? arg.length : (arg as Map<string, Value>).size),
  },
  ends_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    run: (search, suffix) => (search as string).endsWith(suffix as string),
  },
  starts_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    run: (search, prefix) => (search as string).startsWith(prefix as string),
  },
  reverse: {
    signature: [{ types: ['array', 'string'] }],
    run: (arg) => (typeof arg === 'string' ? Array.from(arg).reverse().join('') : [...list(arg)].reverse()),
  },
  ceil: {
    signature: [{ types: ['number'] }],
    run: (arg) => toIntegral(num(arg), Math.ceil),
  },
  floor: {
    signature: [{ types: ['number'] }],
    run: (arg) => toIntegral(num(arg), Math.floor),
  },
  join: {
    signature: [{ types: ['string'] }, { types: ['array-string'] }],
    run: (separator, array) => list(array).join(separator as string),
  },
  map: {
    signature: [{ types: ['expref'] }, { types: ['array'] }],
    run: (ref, array) => list(array).map((element) => (ref as ExprRef).evaluate(element)),
  },
  max: {
    signature: [{ types: ['array-number', 'array-string'] }],
    run: (arg) => (list(arg).length ? extreme(list(arg), (v) => v, '>') : null),
  },
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    run: (...args) => {
      const merged = new Map<string, Value>();
      for (const arg of args) update(merged, arg);
      return merged;
    },
  },
  min: {
    signature: [{ types: ['array-number', 'array-string'] }],
    run: (arg) => (list(arg).length ? extreme(list(arg), (v) => v, '<') : null),
  },
  sort: {
    signature: [{ types: ['array-string', 'array-number'] }],
    run: (arg) => sortedBy(list(arg), list(arg)),
  },
  sum: {
    signature: [{ types: ['array-number'] }],
    run: (arg) => list(arg).reduce<bigint | number>((total, v) => add(total, num(v)), 0n),
  },
  keys: {
    signature: [{ types: ['object'] }],
    run: (arg) => [...(arg as Map<string, Value>).keys()],
  },
  values: {
    signature: [{ types: ['object'] }],
    run: (arg) => [...(arg as Map<string, Value>).values()],
  },
  type: {
    signature: [{ types: [] }],
    run: (arg) => {
      const type = jmespathType(arg);
      return type === 'expref' || type === 'unknown' ? null : type;
    },
  },
  sort_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: (array, ref) => {
      const items = list(array);
      if (!items.length) return array;
      const required = jmespathType((ref as ExprRef).evaluate(items[0]!));
      if (required !== 'number' && required !== 'string') throw typeError('sort_by', items[0]!, required, ['string', 'number']);
      const key = keyFunction(ref as ExprRef, [required], 'sort_by');
      return sortedBy(items, items.map(key));
    },
  },
  min_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: (array, ref) => {
      const key = keyFunction(ref as ExprRef, ['number', 'string'], 'min_by');
      return list(array).length ? extreme(list(array), key, '<') : null;
    },
  },
  max_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    run: (array, ref) => {
      const key = keyFunction(ref as ExprRef, ['number', 'string'], 'max_by');
      return list(array).length ? extreme(list(array), key, '>') : null;
    },
  },
};

/** math.ceil / math.floor: an int, exact even for large floats. */
function toIntegral(value: bigint | number, round: (x: number) => number): bigint {
  if (typeof value === 'bigint') return value;
  if (Number.isNaN(value)) throw new PyError('cannot convert float NaN to integer');
  if (!Number.isFinite(value)) throw new PyError('cannot convert float infinity to integer');
  return BigInt(round(value));
}

/** dict.update(arg) for what merge() lets through after checking only its first argument. */
function update(target: Map<string, Value>, arg: Value): void {
  if (arg instanceof Map) {
    for (const [k, v] of arg) target.set(k, v);
    return;
  }
  if (typeof arg === 'string') {
    if (arg.length) throw new PyError('dictionary update sequence element #0 has length 1; 2 is required');
    return;
  }
  if (!Array.isArray(arg)) throw new PyError(`'${typeName(arg)}' object is not iterable`);
  arg.forEach((pair, i) => {
    const items = typeof pair === 'string' ? Array.from(pair) : Array.isArray(pair) ? pair : pair instanceof Map ? [...pair.keys()] : undefined;
    if (items === undefined) {
      throw new PyError(`cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    if (items.length !== 2) {
      throw new PyError(`dictionary update sequence element #${i} has length ${items.length}; 2 is required`);
    }
    const [k, v] = items as [Value, Value];
    if (Array.isArray(k) || k instanceof Map) throw new PyError(`unhashable type: '${typeName(k)}'`);
    // a non-string key is kept under the name json.dumps would give it (this model has string keys only)
    target.set(typeof k === 'string' ? k : compactJson(k), v);
  });
}
