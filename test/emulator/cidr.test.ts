// CIDR arithmetic: parsing and printing (IPv4 and IPv6, RFC 5952), and the first-fit search
// checked against a brute-force search on random pools.
import { describe, expect, it } from 'vitest';
import { cidrRange, findFreeBlock, formatCidr, parseCidr, rangesOverlap, type Cidr, type Range } from '../../src/emulator/cidr';

const cidr = (text: string) => parseCidr(text)!.cidr;

describe('parsing and printing', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0/16', false],
    ['10.0.0.5/24', '10.0.0.0/24', true],
    ['0.0.0.0/0', '0.0.0.0/0', false],
    ['255.255.255.255/32', '255.255.255.255/32', false],
    ['2001:DB8::/32', '2001:db8::/32', false],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128', false],
    ['2001:0:0:1:0:0:0:0/64', '2001:0:0:1::/64', false],
    ['::/0', '::/0', false],
    ['::ffff:10.0.0.0/120', '::ffff:a00:0/120', false],
    ['fe80::1/10', 'fe80::/10', true],
  ])('%s is %s', (text, canonical, hostBits) => {
    const parsed = parseCidr(text)!;
    expect(formatCidr(parsed.cidr)).toBe(canonical);
    expect(parsed.hostBitsSet).toBe(hostBits);
  });

  it.each(['10.0.0.0', '10.0.0/8', '10.0.0.256/8', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/8/8', 'fe80::1::2/64', '2001:db8::/129', '', '/8', 'a.b.c.d/8', ' 10.0.0.0/8'])(
    '%j is not a CIDR',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );
});

describe('first-fit search', () => {
  it('takes the lowest aligned free block, skipping taken space and tries areas in order', () => {
    const areas = [cidr('10.0.0.0/22'), cidr('10.1.0.0/24')];
    const taken = [cidrRange(cidr('10.0.0.0/25')), cidrRange(cidr('10.0.1.0/24'))];
    expect(formatCidr(findFreeBlock(areas, taken, 24)!)).toBe('10.0.2.0/24');
    expect(formatCidr(findFreeBlock(areas, taken, 25)!)).toBe('10.0.0.128/25');
    expect(formatCidr(findFreeBlock(areas, [...taken, cidrRange(cidr('10.0.2.0/23'))], 24)!)).toBe('10.1.0.0/24');
    expect(findFreeBlock(areas, taken, 21)).toBeUndefined();
    expect(formatCidr(findFreeBlock([cidr('2001:db8::/48')], [cidrRange(cidr('2001:db8::/56'))], 56)!)).toBe('2001:db8:0:100::/56');
  });

  it('agrees with a brute-force search on 300 random pools', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      // a /24 area with random allocations, then a random request between /24 and /30
      const area: Cidr = { family: 'ipv4', start: BigInt((10 << 24) + (random(256) << 8)), prefix: 24 };
      const taken: Range[] = [];
      for (let i = 0; i < random(12); i++) {
        const prefix = 26 + random(5);
        const size = 2 ** (32 - prefix);
        const block = cidrRange({ family: 'ipv4', start: area.start + BigInt(random(256 / size) * size), prefix });
        if (!taken.some((t) => rangesOverlap(t, block))) taken.push(block);
      }
      const prefix = 24 + random(7);
      const size = 2 ** (32 - prefix);
      let expected: string | undefined;
      for (let offset = 0; offset + size <= 256 && expected === undefined; offset += size) {
        const candidate = cidrRange({ family: 'ipv4', start: area.start + BigInt(offset), prefix });
        if (!taken.some((t) => rangesOverlap(t, candidate))) expected = formatCidr({ family: 'ipv4', start: candidate.start, prefix });
      }
      const found = findFreeBlock([area], taken, prefix);
      expect(found && formatCidr(found)).toBe(expected);
    }
  });
});
