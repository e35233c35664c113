// Which IP version a host text is, as node:net's isIP answers, without loading node:net on the
// paths that do not connect through it (~2 ms and ~1 MB with node:stream): IPv4 by the same
// dotted-quad pattern Node uses; anything with a colon asks node:net itself.
import { net } from './builtins';

const V4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4 = new RegExp(`^(?:${V4_PART}\\.){3}${V4_PART}$`);

export function isIPv4Address(host: string): boolean {
  return IPV4.test(host);
}

/** 0, 4 or 6, as net.isIP: an IPv6 address has a colon, a host name never does. */
export function ipVersion(host: string): 0 | 4 | 6 {
  if (isIPv4Address(host)) return 4;
  return host.includes(':') && net().isIPv6(host) ? 6 : 0;
}
