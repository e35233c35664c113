// YAML input documents (--cli-input-yaml). js-yaml does the parsing; the schema below makes it
// resolve plain scalars the way the CLI's loader (ruamel.yaml, "safe", YAML 1.2) does and build
// the values Python would hold — ints apart from floats, dates and datetimes, bytes — so that
// validation messages quote them exactly as the real CLI does. Loaded lazily.
import yaml from 'js-yaml';
import { GeneralError } from '../runtime/errors';
import { PyBytes, PyDate, PyNumber } from '../util/python';

export class YamlInputError extends Error {}

export function parseYamlInput(input: string | PyBytes): unknown {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input.data);
  const keys = new KeyTokens();
  let value: unknown;
  try {
    value = yaml.load(text, { schema: rubySafeSchema, listener: keys.listener });
  } catch (error) {
    if (error instanceof GeneralError) throw error;
    throw new YamlInputError('Invalid YAML received.');
  }
  return toPython(value, keys, new Map());
}

/**
 * js-yaml builds plain objects, so it turns every mapping key into a string; it asks objects that
 * carry a Symbol.toStringTag for their own string. Every constructed object (ints, floats, dates,
 * bytes, mappings) gets a tag and a token here, so that a key can be told apart from the string
 * it was turned into: a number key stays a number, as in Python, and a mapping used as a key is
 * refused as ruamel refuses it (a dict cannot be a dict key).
 */
class KeyTokens {
  private readonly nonce = `\u0000${Math.random().toString(36).slice(2)}:`;
  private readonly byToken = new Map<string, unknown>();

  readonly listener = (event: string, state: { result: unknown; kind?: string }): void => {
    const value = state.result;
    if (event !== 'close' || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    if (Object.prototype.hasOwnProperty.call(value, Symbol.toStringTag)) return;
    const token = `${this.nonce}${this.byToken.size}`;
    this.byToken.set(token, value);
    Object.defineProperty(value, Symbol.toStringTag, { value: 'YamlKey', enumerable: false });
    Object.defineProperty(value, 'toString', { value: () => token, enumerable: false });
  };

  /** The value a key string came from: itself, or the object whose token it is. */
  original(key: string): unknown {
    if (!key.startsWith(this.nonce)) return key;
    const value = this.byToken.get(key);
    if (!(value instanceof PyNumber || value instanceof PyDate || value instanceof PyBytes)) {
      throw new YamlInputError('Invalid YAML received.'); // unhashable (a mapping) as a key
    }
    return value;
  }
}

const NULL = /^(?:~|null|Null|NULL|)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const TIMESTAMP_PARTS =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/;

const nullType = new yaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string) => NULL.test(data),
  construct: () => null,
});

const boolType = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => BOOL.test(data),
  construct: (data: string) => data.toLowerCase() === 'true',
});

const intType = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => INT.test(data),
  construct: (data: string) => constructInt(data),
});

const floatType = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) => FLOAT.test(data),
  construct: (data: string) => constructFloat(data),
});

const timestampType = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data: string) => TIMESTAMP.test(data),
  construct: (data: string) => constructTimestamp(data),
});

const binaryType = new yaml.Type('tag:yaml.org,2002:binary', {
  kind: 'scalar',
  resolve: (data: string) => /^[A-Za-z0-9+/=\s]*$/.test(data),
  construct: (data: string) => new PyBytes(new Uint8Array(Buffer.from(data.replace(/\s/g, ''), 'base64'))),
});

// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them
const builtin = (yaml as unknown as { types: Record<'merge' | 'omap' | 'pairs' | 'set', yaml.Type> }).types;

// ruamel tries the implicit resolvers in this order for a plain scalar
const rubySafeSchema = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [boolType, floatType, intType, nullType, timestampType, builtin.merge],
  explicit: [binaryType, builtin.omap, builtin.pairs, builtin.set],
});

function constructInt(text: string): PyNumber {
  let s = text.replace(/_/g, '');
  const negative = s.startsWith('-');
  if (/^[-+]/.test(s)) s = s.slice(1);
  let magnitude: bigint;
  if (s.startsWith('0b')) magnitude = BigInt('0b' + s.slice(2));
  else if (s.startsWith('0x')) magnitude = BigInt('0x' + s.slice(2));
  else if (s.startsWith('0o')) magnitude = BigInt('0o' + s.slice(2));
  else magnitude = BigInt(s); // YAML 1.2: a leading 0 is still decimal
  const value = negative ? -magnitude : magnitude;
  return new PyNumber('int', Number(value), value.toString());
}

function constructFloat(text: string): PyNumber {
  let s = text.replace(/_/g, '').toLowerCase();
  const sign = s.startsWith('-') ? -1 : 1;
  if (/^[-+]/.test(s)) s = s.slice(1);
  if (s === '.inf') return new PyNumber('float', sign * Infinity);
  if (s === '.nan') return new PyNumber('float', NaN);
  return new PyNumber('float', sign * Number(s.startsWith('.') ? '0' + s : s));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A YAML timestamp as Python's datetime: dates stay dates; offsets are folded into UTC, dropped. */
function constructTimestamp(text: string): PyDate {
  const m = TIMESTAMP_PARTS.exec(text)!;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Python's datetime refuses impossible dates with these words (a ValueError, exit 255)
  if (year < 1) throw new GeneralError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new GeneralError('month must be in 1..12');
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > monthDays) throw new GeneralError('day is out of range for month');
  const date = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (m[4] === undefined) return new PyDate('date', date);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23) throw new GeneralError('hour must be in 0..23');
  if (minute > 59) throw new GeneralError('minute must be in 0..59');
  if (second > 59) throw new GeneralError('second must be in 0..59');
  let micro = 0;
  let carry = 0;
  const fraction = m[7];
  if (fraction) {
    micro = Number(fraction.slice(0, 6).padEnd(6, '0'));
    if (fraction.length > 6 && Number(fraction[6]) > 4) micro += 1;
    if (micro > 999999) {
      // ruamel rounds up past the second by subtracting a negative second from the result
      micro = 0;
      carry = 1;
    }
  }
  let offsetMs = 0;
  if (m[9]) {
    const sign = m[9] === '-' ? -1 : 1;
    offsetMs = sign * (Number(m[10]) * 3600 + Number(m[11] ?? 0) * 60 + carry) * 1000;
  } else if (carry) {
    offsetMs = -1000;
  }
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day); // (Date.UTC would read years < 100 as 19xx)
  local.setUTCHours(hour, minute, second, 0);
  const d = new Date(local.getTime() - offsetMs);
  const text2 =
    `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` +
    (micro ? `.${String(micro).padStart(6, '0')}` : '');
  return new PyDate('datetime', text2);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Python values from what js-yaml built. Aliases are shared references, and may be cycles
 * (`a: &x [*x]`): each node is converted once, so shared stays shared and a cycle stays a cycle,
 * as ruamel builds them.
 */
function toPython(value: unknown, keys: KeyTokens, done: Map<object, unknown>): unknown {
  if (value === undefined) return null;
  if (value instanceof PyNumber || value instanceof PyDate || value instanceof PyBytes) return value;
  if (!value || typeof value !== 'object') return value;
  const seen = done.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    done.set(value, list);
    for (const item of value) list.push(toPython(item, keys, done));
    return list;
  }
  const map = new Map<unknown, unknown>();
  done.set(value, map);
  for (const [k, v] of Object.entries(value)) map.set(keys.original(k), toPython(v, keys, done));
  return map;
}
