// An `&expression` (Python's jmespath.visitor._Expression): a parsed expression handed to a
// function (sort_by, map, …), which evaluates it with the interpreter that made it. Python's
// repr() shows the object's address, which cannot be reproduced; this one shows a fixed address.
import { PyObject, type PyValue } from '../value';
import type { Node } from './parser';

export type Value = PyValue;

export class ExprRef extends PyObject {
  constructor(
    readonly node: Node,
    private readonly visit: (node: Node, value: Value) => Value,
  ) {
    super('_Expression', '<jmespath.visitor._Expression object at 0x7f0000000000>');
  }
  evaluate(value: Value): Value {
    return this.visit(this.node, value);
  }
}
