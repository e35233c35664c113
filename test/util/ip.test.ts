// util/ip.ts answers as node:net's isIP / isIPv4 do (it stands in for them so that a call does not
// load node:net), on address-like and arbitrary text.
import fc from 'fast-check';
import { isIP, isIPv4 } from 'node:net';
import { describe, expect, test } from 'vitest';
import { ipVersion, isIPv4Address } from '../../src/util/ip';

const SEED = Number(process.env.SEED ?? 20261201);

const v4Part = fc.oneof(fc.nat(300).map(String), fc.constantFrom('00', '01', '007', '255', '256', '', ' 1', '1a', '-1'));
const v4Like = fc.array(v4Part, { minLength: 2, maxLength: 5 }).map((parts) => parts.join('.'));
const v6Group = fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 0, maxLength: 5 }), fc.constantFrom('0', 'ffff', 'FFFF', 'g1', '1.2.3.4'));
const v6Like = fc
  .tuple(fc.array(v6Group, { minLength: 1, maxLength: 9 }), fc.constantFrom(':', '::'), fc.option(fc.constantFrom('%eth0', '%1', '%', '%a.b-c:d')))
  .map(([groups, joiner, zone]) => groups.join(joiner) + (zone ?? ''));
const anyText = fc.oneof(v4Like, v6Like, fc.string(), fc.domain(), fc.constantFrom('127.0.0.1', '::1', '[::1]', 'localhost', '127.1', '0.0.0.0', '::ffff:127.0.0.1'));

describe('ipVersion / isIPv4Address', () => {
  test('agree with net.isIP and net.isIPv4', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(ipVersion(text)).toBe(isIP(text));
        expect(isIPv4Address(text)).toBe(isIPv4(text));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
