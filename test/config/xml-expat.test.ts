// Differential test of the response XML reader against Python's expat on generated bodies
// (xml-documents.ts): for every body, the same tree or the same "reason: line, column" message,
// ElementTree's own errors included. Fixed seeds; all bodies of a seed go to one python3 process.
import { describe, expect, test } from 'vitest';
import { expatOutcomes, ourOutcome, show, type Outcome } from './expat-oracle';
import { generateDocuments, generateSimpleDocuments } from './xml-documents';
import { readSimpleXml } from '../../src/call/xml-simple';
import type { XmlElement } from '../../src/call/xml';

const SEEDS = [1, 2, 3];
const PER_SEED = 4000;

/** Every error expat can report for a document as ElementTree sets it up (the others need
 *  external entities, parameter entity reading, an unknown protocol encoding, or API misuse). */
const REACHABLE_ERRORS = [
  'syntax error', 'no element found', 'not well-formed (invalid token)', 'unclosed token', 'partial character',
  'mismatched tag', 'duplicate attribute', 'junk after document element', 'illegal parameter entity reference',
  'undefined entity', 'recursive entity reference', 'asynchronous entity', 'reference to invalid character number',
  'reference to binary entity', 'reference to external entity in attribute', 'XML or text declaration not at start of entity',
  'unclosed CDATA section', 'unbound prefix', 'must not undeclare prefix', 'XML declaration not well-formed',
  'illegal character(s) in public id', 'reserved prefix (xml) must not be undeclared or bound to another namespace name',
  'reserved prefix (xmlns) must not be declared or undeclared', 'prefix must not be bound to one of the reserved namespace names',
  'limit on input amplification factor (from DTD and entities) breached',
  // ElementTree's own, for an entity it cannot expand
  'undefined entity &',
];

const reasons = new Set<string>();

describe(`generated bodies (${SEEDS.length} seeds × ${PER_SEED}) parse as Python's ElementTree parses them`, () => {
  for (const seed of SEEDS) {
    test(`seed ${seed}`, () => {
      const bodies = generateDocuments(seed, PER_SEED);
      const python = expatOutcomes(bodies);
      const differences: Array<{ body: string; python: Outcome; ours: Outcome }> = [];
      bodies.forEach((body, i) => {
        const expected = python[i]!;
        if ('error' in expected) reasons.add(expected.error.replace(/(: line \d+, column \d+| &.*)$/s, (m) => (m.startsWith(' &') ? ' &' : '')));
        const ours = ourOutcome(body);
        if (JSON.stringify(ours) !== JSON.stringify(expected)) differences.push({ body: show(body), python: expected, ours });
      });
      expect(differences.length, JSON.stringify(differences.slice(0, 5), null, 2)).toBe(0);
    });
  }

  test('cover every error expat can report for a document', () => {
    expect(REACHABLE_ERRORS.filter((reason) => !reasons.has(reason))).toEqual([]);
  });
});

/** The simple reader's tree in the oracle's shape, or undefined when it leaves the body to the full reader. */
function simpleOutcome(body: Uint8Array): Outcome | undefined {
  const plain = (e: XmlElement): { tag: string; text: string | null; children: unknown[] } => ({ tag: e.tag, text: e.text, children: e.children.map(plain) });
  const tree = readSimpleXml(body);
  return tree ? ({ tree: plain(tree) } as Outcome) : undefined;
}

describe('the simple reader (the common answer without the full reader)', () => {
  test.each([1, 2, 3])('builds the tree ElementTree builds whenever it answers (seed %i)', (seed) => {
    const bodies = [...generateSimpleDocuments(seed, 3000), ...generateDocuments(seed, 2000)];
    const python = expatOutcomes(bodies);
    let taken = 0;
    const differences: Array<{ body: string; python: Outcome; simple: Outcome }> = [];
    bodies.forEach((body, i) => {
      const simple = simpleOutcome(body);
      if (!simple) return;
      taken++;
      if (JSON.stringify(simple) !== JSON.stringify(python[i])) differences.push({ body: show(body), python: python[i]!, simple });
    });
    expect(differences.length, JSON.stringify(differences.slice(0, 5), null, 2)).toBe(0);
    // the generator makes both kinds: a reader that declined everything would prove nothing
    expect(taken).toBeGreaterThan(800);
    expect(taken).toBeLessThan(bodies.length - 1000);
  });

  test('takes the answers EC2 and STS send', () => {
    const answers = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<ReleaseIpamPoolAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n    <requestId>1a2b</requestId>\n    <success>true</success>\n</ReleaseIpamPoolAllocationResponse>',
      '<ReleaseIpamPoolAllocationResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId><success>true</success></ReleaseIpamPoolAllocationResponse>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidIpamPoolId.NotFound</Code><Message>The pool does not exist</Message></Error></Errors><RequestID>1a2b</RequestID></Response>',
    ];
    for (const answer of answers) expect(readSimpleXml(Buffer.from(answer)), answer).toBeDefined();
  });
});
