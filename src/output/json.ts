// JSON as Python's json module writes it: the CLI's output (json.dump, indent=4,
// ensure_ascii=False) and JMESPath's to_string() (compact, ensure_ascii=True).
import { pyFloatRepr } from '../util/python';
import { PyError, PyObject, type PyValue } from './value';

/**
 * `--output json`: 4-space indent, key order kept, non-ASCII kept, then a newline. A value
 * json cannot encode stops the output where Python's encoder stopped writing.
 */
export function formatJson(value: PyValue): { text: string; error?: PyError } {
  const out: string[] = [];
  try {
    dump(value, { indent: '    ', asciiOnly: false }, '', out);
  } catch (error) {
    if (error instanceof PyError) return { text: out.join(''), error };
    throw error;
  }
  return { text: out.join('') + '\n' };
}

/** json.dumps(value, separators=(',', ':'), default=str): one line, non-ASCII escaped. */
export function compactJson(value: PyValue): string {
  const out: string[] = [];
  dump(value, { asciiOnly: true, objectsAsText: true }, '', out);
  return out.join('');
}

/** A scalar as json.dump writes it without indent (YAML output of scalars uses this). */
export function scalarJson(value: PyValue): string {
  const out: string[] = [];
  dump(value, { asciiOnly: false }, '', out);
  return out.join('');
}

interface Style {
  /** Set for pretty output; compact output has no newlines and no spaces. */
  readonly indent?: string;
  readonly asciiOnly: boolean;
  /** default=str: other objects are written as the JSON string of their str(). */
  readonly objectsAsText?: boolean;
}

function dump(value: PyValue, style: Style, current: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'string':
      out.push(quote(value, style.asciiOnly));
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'number':
      out.push(Number.isNaN(value) ? 'NaN' : !Number.isFinite(value) ? (value > 0 ? 'Infinity' : '-Infinity') : pyFloatRepr(value));
      return;
  }
  if (value instanceof PyObject) {
    if (style.objectsAsText) {
      out.push(quote(value.repr, style.asciiOnly));
      return;
    }
    throw new PyError('Encountered unrecognized type in JSON encoder.');
  }
  const inner = style.indent === undefined ? '' : current + style.indent;
  const open = style.indent === undefined ? '' : '\n' + inner;
  const close = style.indent === undefined ? '' : '\n' + current;
  const comma = style.indent === undefined ? ',' : ',\n' + inner;
  const colon = style.indent === undefined ? ':' : ': ';
  if (Array.isArray(value)) {
    if (!value.length) {
      out.push('[]');
      return;
    }
    value.forEach((item, i) => {
      // Python writes the separator (or the opening bracket) before it encodes the item
      out.push(i === 0 ? '[' + open : comma);
      dump(item, style, inner, out);
    });
    out.push(close + ']');
    return;
  }
  if (!value.size) {
    out.push('{}');
    return;
  }
  out.push('{' + open);
  let first = true;
  for (const [k, v] of value) {
    if (!first) out.push(comma);
    first = false;
    out.push(quote(k, style.asciiOnly) + colon);
    dump(v, style, inner, out);
  }
  out.push(close + '}');
}

const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function quote(text: string, asciiOnly: boolean): string {
  // eslint-disable-next-line no-control-regex
  const special = asciiOnly ? /[\\"]|[^ -~]/g : /[\\"\x00-\x1f]/g;
  return `"${text.replace(special, (ch) => named[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))}"`;
}
