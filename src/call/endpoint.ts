// botocore's check of an endpoint URL before it creates the client ("Invalid endpoint: …"):
// the host of the URL, as Python's urlsplit finds it, must be a valid DNS name or an IPv6
// literal. No SDK code here: skeleton and error paths use it without loading the SDK.
import { isIP } from 'node:net';

/** Python's urlsplit(url).hostname (lower-cased), or undefined when there is none. */
export function pythonUrlHostname(url: string): string | undefined {
  const cleaned = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  const rest = scheme ? cleaned.slice(scheme[0].length) : cleaned;
  if (!rest.startsWith('//')) return undefined;
  const netloc = rest.slice(2).split(/[/?#]/)[0]!;
  const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  let host: string;
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    host = end === -1 ? hostPort.slice(1) : hostPort.slice(1, end);
  } else {
    const colon = hostPort.indexOf(':');
    host = colon === -1 ? hostPort : hostPort.slice(0, colon);
  }
  return host ? host.toLowerCase() : undefined;
}

const LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;

export function isValidEndpointUrl(url: string): boolean {
  const hostname = pythonUrlHostname(url);
  if (hostname === undefined) return false;
  if (hostname.length <= 255 && LABELS.test(hostname.endsWith('.') ? hostname.slice(0, -1) : hostname)) return true;
  if (/[\t\r\n]/.test(url)) return false;
  return isIP(hostname.replace(/%.*$/, '')) === 6;
}
