// Client-side validation of the call parameters against the operation's input members, with
// botocore's messages and order: missing required members, then unknown keys, then wrong types.
import { ParamValidationError } from '../runtime/errors';
import type { Member, Operation } from '../model/operation';
import { pyStr, pyTypeName, PyNumber } from '../util/python';

export type CallParameters = ReadonlyArray<readonly [string, unknown]>;

const validTypes: Record<Member['type'], string> = {
  string: "<class 'str'>",
  boolean: "<class 'bool'>",
  integer: "<class 'int'>",
};

export function validateParameters(op: Operation, params: CallParameters): void {
  const errors: string[] = [];
  const given = new Set(params.map(([name]) => name));
  for (const member of op.input) {
    if (member.required && !given.has(member.name)) {
      errors.push(`Missing required parameter in input: "${member.name}"`);
    }
  }
  const members = new Map(op.input.map((m) => [m.name, m]));
  const known: Array<readonly [Member, unknown]> = [];
  for (const [name, value] of params) {
    const member = members.get(name);
    if (member) known.push([member, value]);
    else errors.push(`Unknown parameter in input: "${name}", must be one of: ${op.input.map((m) => m.name).join(', ')}`);
  }
  for (const [member, value] of known) {
    if (!hasType(member.type, value)) {
      errors.push(
        `Invalid type for parameter ${member.name}, value: ${pyStr(value)}, type: ${pyTypeName(value)}, ` +
          `valid types: ${validTypes[member.type]}`,
      );
    }
  }
  if (errors.length) throw new ParamValidationError(`Parameter validation failed:\n${errors.join('\n')}`);
}

function hasType(type: Member['type'], value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'boolean' || (value instanceof PyNumber && value.kind === 'int');
  }
}
