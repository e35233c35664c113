// CIDR arithmetic for IPv4 and IPv6 on BigInt addresses: parsing, canonical printing and
// the first-fit search IPAM uses to find free space for an allocation.
import { isIPv4, isIPv6 } from 'node:net';

export type AddressFamily = 'ipv4' | 'ipv6';

export interface Cidr {
  readonly family: AddressFamily;
  /** First address of the block. */
  readonly start: bigint;
  readonly prefix: number;
}

export interface Range {
  readonly start: bigint;
  readonly end: bigint;
}

export function addressBits(family: AddressFamily): number {
  return family === 'ipv4' ? 32 : 128;
}

export function blockSize(family: AddressFamily, prefix: number): bigint {
  return 1n << BigInt(addressBits(family) - prefix);
}

export function cidrEnd(cidr: Cidr): bigint {
  return cidr.start + blockSize(cidr.family, cidr.prefix) - 1n;
}

export function cidrRange(cidr: Cidr): Range {
  return { start: cidr.start, end: cidrEnd(cidr) };
}

export interface ParsedCidr {
  readonly cidr: Cidr;
  /** True when the address had bits set beyond the prefix (e.g. 10.0.0.5/24). */
  readonly hostBitsSet: boolean;
}

/** Parses `a.b.c.d/n` or an IPv6 `addr/n`; undefined when it is not a CIDR. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  let family: AddressFamily;
  let address: bigint;
  if (isIPv4(addressText)) {
    family = 'ipv4';
    address = parseIPv4(addressText);
  } else if (isIPv6(addressText)) {
    family = 'ipv6';
    address = parseIPv6(addressText);
  } else {
    return undefined;
  }
  if (prefix > addressBits(family)) return undefined;
  const size = blockSize(family, prefix);
  const start = address - (address % size);
  return { cidr: { family, start, prefix }, hostBitsSet: start !== address };
}

function parseIPv4(text: string): bigint {
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function parseIPv6(text: string): bigint {
  let groups: string[];
  let tail = text;
  let embedded: bigint | undefined;
  // an IPv4 tail (::ffff:1.2.3.4) stands for the last two groups
  const lastColon = tail.lastIndexOf(':');
  if (tail.slice(lastColon + 1).includes('.')) {
    embedded = parseIPv4(tail.slice(lastColon + 1));
    tail = tail.slice(0, lastColon + 1) + '0:0';
  }
  const double = tail.indexOf('::');
  if (double >= 0) {
    const head = tail.slice(0, double).split(':').filter((g) => g !== '');
    const rest = tail.slice(double + 2).split(':').filter((g) => g !== '');
    groups = [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest];
  } else {
    groups = tail.split(':');
  }
  let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (embedded !== undefined) value = (value & ~0xffffffffn) | embedded;
  return value;
}

export function formatAddress(family: AddressFamily, address: bigint): string {
  if (family === 'ipv4') {
    return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join('.');
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((address >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (first on a tie) of two or more zero groups
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.family, cidr.start)}/${cidr.prefix}`;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.prefix <= inner.prefix && outer.start <= inner.start && cidrEnd(inner) <= cidrEnd(outer);
}

/** The CIDR both blocks share, if any (one of two CIDRs always contains the other when they overlap). */
export function cidrIntersection(a: Cidr, b: Cidr): Cidr | undefined {
  if (cidrContains(a, b)) return b;
  if (cidrContains(b, a)) return a;
  return undefined;
}

/**
 * First fit: the lowest-addressed block of `prefix` inside one of `areas` (tried in order) that
 * overlaps none of `occupied`. Blocks are aligned to their size, as CIDRs must be.
 */
export function findFreeBlock(areas: readonly Cidr[], occupied: readonly Range[], prefix: number): Cidr | undefined {
  const sorted = [...occupied].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const area of areas) {
    if (prefix < area.prefix || prefix > addressBits(area.family)) continue;
    const size = blockSize(area.family, prefix);
    const areaEnd = cidrEnd(area);
    let candidate = area.start;
    for (const taken of sorted) {
      if (candidate + size - 1n > areaEnd) break;
      if (taken.end < candidate) continue;
      if (taken.start > candidate + size - 1n) break;
      const next = taken.end + 1n;
      candidate = next + ((size - (next % size)) % size);
    }
    if (candidate + size - 1n <= areaEnd) return { family: area.family, start: candidate, prefix };
  }
  return undefined;
}
