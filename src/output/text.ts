// `--output text`, following the real CLI's text formatter: scalars and lists of scalars on one
// tab-separated line, objects as their scalar values (sorted by key) on one line and their
// nested values after it, each nested row led by its key in upper case. Python's str() is used
// for every value, so `True`, `None`, `2.0` and `['a']` print as Python prints them. Inputs the
// real CLI cannot format (a list mixing objects with other values) fail the way Python fails,
// after whatever was already written.
import { PyError, pyStr, pyTypeName, compareStrings, isContainer, type PyDict, type PyValue } from './value';

export function formatText(data: PyValue): { text: string; error?: PyError } {
  const out: string[] = [];
  try {
    formatValue(data, out, undefined, undefined);
  } catch (error) {
    if (error instanceof PyError) return { text: out.join(''), error };
    throw error;
  }
  return { text: out.join('') };
}

function formatValue(item: PyValue, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (item instanceof Map) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(pyStr(item) + '\n');
}

function formatList(items: PyValue[], out: string[], identifier: string | undefined): void {
  if (!items.length) return;
  if (items.some((el) => el instanceof Map)) {
    const allKeys = allScalarKeys(items);
    for (const element of items) formatValue(element, out, identifier, allKeys);
  } else if (items.some((el) => Array.isArray(el))) {
    const scalars = items.filter((el) => !isContainer(el));
    if (scalars.length) formatScalarList(scalars, out, identifier);
    for (const nested of items.filter(isContainer)) formatValue(nested, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(elements: PyValue[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) {
    for (const item of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
  } else {
    out.push(elements.map(pyStr).join('\t') + '\n');
  }
}

function formatDict(item: PyDict, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nested: Array<[string, PyValue]> = [];
  if (scalarKeys === undefined) {
    for (const key of sortedKeys(item.keys())) {
      const value = item.get(key)!;
      if (isContainer(value)) nested.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(item.has(key) ? pyStr(item.get(key)!) : '');
    const known = new Set(scalarKeys);
    for (const key of sortedKeys([...item.keys()].filter((k) => !known.has(k)))) nested.push([key, item.get(key)!]);
  }
  if (scalars.length) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(scalars.join('\t') + '\n');
  }
  for (const [key, value] of nested) formatValue(value, out, key, undefined);
}

/** Keys holding a scalar in any of the objects, sorted; every element must be an object. */
function allScalarKeys(items: PyValue[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!(item instanceof Map)) throw new PyError(`'${pyTypeName(item)}' object has no attribute 'items'`);
    for (const [key, value] of item) if (!isContainer(value)) seen.add(key);
  }
  return sortedKeys(seen);
}

function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(compareStrings);
}
