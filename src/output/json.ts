// JSON output as Python's json.dump(indent=4, ensure_ascii=False) writes it.
import { pyFloatRepr } from '../util/python';

export function formatJson(value: unknown): string {
  return dump(value, '') + '\n';
}

function dump(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  }
  const inner = indent + '    ';
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => inner + dump(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value instanceof Date) return quote(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${quote(k)}: ${dump(v, inner)}`).join(',\n')}\n${indent}}`;
}

const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function quote(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\\x00-\x1f]/g, (ch) => escapes[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))}"`;
}
