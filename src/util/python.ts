// Python's str() and repr() of the plain values the CLI prints in its messages. The real CLI
// formats values with Python, so a message quoting a value must quote it the way Python does.

/** A number that remembers whether Python would have parsed it as an int or a float. */
export class PyNumber {
  constructor(
    readonly kind: 'int' | 'float',
    readonly value: number,
    /** Exact digits of an int (Python ints have no size limit). */
    readonly digits?: string,
  ) {}
  valueOf(): number {
    return this.value;
  }
}

/** Python bytes (from `fileb://` or YAML `!!binary`). */
export class PyBytes {
  constructor(readonly data: Uint8Array) {}
}

/** Python datetime.date / datetime.datetime (YAML timestamps), kept as Python prints them. */
export class PyDate {
  constructor(
    readonly kind: 'date' | 'datetime',
    readonly text: string,
  ) {}
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function pyReprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && (code < 0x20 || code === 0x7f || NON_PRINTABLE.test(ch))) {
      if (code < 0x100) out += '\\x' + code.toString(16).padStart(2, '0');
      else if (code < 0x10000) out += '\\u' + code.toString(16).padStart(4, '0');
      else out += '\\U' + code.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** repr() of a Python float. */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Object.is(n, -0)) return '-0.0';
  const abs = Math.abs(n);
  // Python switches to exponent notation below 1e-4 and from 1e16 on
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[-+]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  const text = String(n);
  return text.includes('.') || text.includes('e') ? text : `${text}.0`;
}

function pyBytesRepr(data: Uint8Array): string {
  let body = '';
  const hasSingle = data.includes(0x27);
  const hasDouble = data.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  for (const b of data) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') body += '\\' + ch;
    else if (b === 0x0a) body += '\\n';
    else if (b === 0x0d) body += '\\r';
    else if (b === 0x09) body += '\\t';
    else if (b < 0x20 || b >= 0x7f) body += '\\x' + b.toString(16).padStart(2, '0');
    else body += ch;
  }
  return `b${quote}${body}${quote}`;
}

export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyReprString(value);
  if (value instanceof PyDate) return pyDateRepr(value);
  return pyStr(value);
}

/** repr() of a date or datetime: `datetime.date(2001, 1, 1)`, seconds and microseconds left out when 0. */
function pyDateRepr(date: PyDate): string {
  const fields = (date.text.match(/\d+/g) ?? []).map((n) => String(Number(n)));
  if (date.kind === 'date') return `datetime.date(${fields.slice(0, 3).join(', ')})`;
  const [y, mo, d, h, mi, sec = '0', micro = ''] = fields;
  const parts = [y, mo, d, h, mi, sec, micro ? String(Number(date.text.split('.')[1]!.padEnd(6, '0'))) : '0'];
  if (parts[6] === '0') {
    parts.pop();
    if (parts[5] === '0') parts.pop();
  }
  return `datetime.datetime(${parts.join(', ')})`;
}

/** str() of a value: strings bare, containers with repr() of their items. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof PyNumber) {
    return value.kind === 'int' ? (value.digits ?? String(value.value)) : pyFloatRepr(value.value);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyBytes) return pyBytesRepr(value.data);
  if (value instanceof PyDate) return value.text;
  if (Array.isArray(value)) return nested(value, '[...]', () => `[${value.map(pyRepr).join(', ')}]`);
  if (value instanceof Map) {
    return nested(value, '{...}', () => `{${[...value].map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`);
  }
  if (isDictLike(value)) return pyStr(value.entries);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return nested(value, '{...}', () => `{${entries.map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v)}`).join(', ')}}`);
  }
  return String(value);
}

/** Containers being printed right now: Python prints a container inside itself as [...] / {...}. */
const printing = new Set<object>();

function nested(container: object, again: string, print: () => string): string {
  if (printing.has(container)) return again;
  printing.add(container);
  try {
    return print();
  } finally {
    printing.delete(container);
  }
}

/** Python's type() as printed in messages: `<class 'int'>`. */
export function pyTypeName(value: unknown): string {
  return `<class '${pyTypeShort(value)}'>`;
}

/** type(value).__name__, for the values the CLI's messages name (JSON, YAML and dateutil values). */
export function pyTypeShort(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof PyNumber) return value.kind;
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'bigint') return 'int';
  if (value instanceof PyBytes) return 'bytes';
  if (value instanceof PyDate) return value.kind === 'date' ? 'datetime.date' : 'datetime.datetime';
  if (value instanceof Date) return 'datetime';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map || isDictLike(value)) return 'dict';
  return 'dict';
}

/** Ordered mappings (PyDict from pyjson.ts) expose their entries as a Map. */
function isDictLike(value: unknown): value is { entries: Map<unknown, unknown> } {
  return typeof value === 'object' && value !== null && (value as { entries?: unknown }).entries instanceof Map;
}

/** Python's round() of a float to an int: halves go to the even neighbour. */
export function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
