// Our JMESPath engine follows Python's jmespath (what the real CLI runs). jmespath.js, the
// JavaScript implementation of the same specification, serves here as an independent check of
// the semantics the two languages share: structure (fields, indexes, slices, projections,
// flattening, filters on strings and booleans, multiselects, pipes) and the string and
// collection functions. Where the two implementations legitimately differ (number types,
// key order of integer-like keys, sort order of non-ASCII strings, string keys in max_by) the
// cases avoid it.
import jmespath from 'jmespath';
import { describe, expect, test } from 'vitest';
import { searchQuery } from '../../src/output/query';
import { fromPlain, type PyValue } from '../../src/output/value';

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

const document = {
  Success: true,
  Name: 'pool',
  Tags: [
    { Key: 'env', Value: 'prod' },
    { Key: 'team', Value: 'net' },
    { Key: 'env', Value: 'dev' },
  ],
  Allocations: [
    { Id: 'a-1', Cidr: '10.0.0.0/24', Kind: 'custom', Nested: { Deep: ['x', 'y'] } },
    { Id: 'a-2', Cidr: '10.0.1.0/24', Kind: 'vpc', Nested: { Deep: [] } },
    { Id: 'a-3', Cidr: '10.0.2.0/24', Kind: 'custom' },
  ],
  Matrix: [['a', 'b'], ['c'], [], ['d', ['e', 'f']]],
  Empty: {},
  Nothing: null,
  Flags: [true, false, true],
};

const expressions = [
  'Success', 'Name', 'Missing', 'Nothing', 'Empty', '@', 'Tags[0]', 'Tags[-1].Value', 'Tags[5]',
  'Tags[*].Key', 'Tags[].Value', 'Tags[?Key==`env`].Value', "Tags[?Key=='team'] | [0].Value",
  'Allocations[?Kind!=`custom`].Id', 'Allocations[*].Nested.Deep', 'Allocations[*].Nested.Deep[]',
  'Allocations[].{id: Id, cidr: Cidr}', 'Allocations[].[Id, Kind]', 'Allocations[0:2].Id',
  'Allocations[::-1].Id', 'Allocations[1:].Cidr', 'Matrix[]', 'Matrix[][]', 'Matrix[*][0]',
  'Flags[?@]', 'Flags[?!@]', 'Tags[?Key==`env` && Value==`dev`].Value', 'Tags[?Key==`x` || Value==`net`]',
  '{a: Name, b: Success, c: Nothing}', '[Name, Success]', 'Name || Missing', 'Missing || Name',
  'Success && Name', '!Success', 'Allocations[*].Id | [0]', 'Tags[*] | [?Value==`prod`]',
  'length(Tags)', 'length(Name)', 'keys(Empty)', 'values(Empty)', "join(', ', Allocations[*].Id)",
  "contains(Allocations[*].Kind, 'vpc')", "starts_with(Name, 'po')", "ends_with(Name, 'ol')",
  'type(Success)', 'type(Tags)', 'type(Nothing)', 'reverse(Name)', 'reverse(Flags)', 'to_string(Name)',
  'not_null(Missing, Nothing, Name)', 'sort(Allocations[*].Id)', "sort_by(Allocations, &Id)[*].Id",
  // (string keys for max_by/min_by are Python-only: jmespath.js answers null there)
  'max_by(Tags, &length(Value)).Value', 'min_by(Tags, &length(Key)).Key', 'to_array(Name)', 'merge(Empty, `{"k": "v"}`)',
  "map(&Id, Allocations)", '`"literal"`', "'raw string'", 'Allocations[?Nested.Deep].Id',
];

describe('JMESPath cross-check with jmespath.js (shared semantics)', () => {
  test.each(expressions)('%s', (expression) => {
    const ours = toPlain(searchQuery(expression, fromPlain(document) as PyValue));
    const theirs = jmespath.search(document as never, expression);
    expect(ours).toEqual(theirs);
  });
});
