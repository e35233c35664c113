// YAML input documents, read with js-yaml and turned into the values Python's YAML loader
// (ruamel, "safe" mode) would give the CLI: ordered mappings, ints apart from floats,
// dates, bytes. Loaded lazily: only --cli-input-yaml needs it.
import yaml from 'js-yaml';
import { PyBytes, PyDate, PyNumber } from '../util/python';

export class YamlInputError extends Error {}

export function parseYamlInput(input: string | PyBytes): unknown {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input.data);
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.DEFAULT_SCHEMA });
  } catch {
    throw new YamlInputError('Invalid YAML received.');
  }
  return toPython(value);
}

function toPython(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0) ? new PyNumber('int', value) : new PyNumber('float', value);
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    const dateOnly = iso.endsWith('T00:00:00.000Z');
    return new PyDate(dateOnly ? 'date' : 'datetime', dateOnly ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, ''));
  }
  if (value instanceof Uint8Array) return new PyBytes(value);
  if (Array.isArray(value)) return value.map(toPython);
  if (value && typeof value === 'object') {
    return new Map(Object.entries(value).map(([k, v]) => [k, toPython(v)]));
  }
  return value;
}
