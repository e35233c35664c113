// The endpoint URL the way botocore treats it: its check before the client is created
// ("Invalid endpoint: …": the host, as Python's urlsplit finds it, must be a valid DNS name or an
// IPv6 literal), the URL a request goes to (the endpoint's own text, with `/` for an empty path),
// and the Host header SigV4 signs. No SDK code here: skeleton and error paths use it too.
import { ipVersion } from '../util/ip';
import { GeneralError } from '../runtime/errors';
import { hostnameOf, portOf, PyValueError, urlsplit, urlunsplit, type SplitUrl } from '../util/pyurl';

/** Runs a urllib.parse step; its ValueError is reported as the CLI reports it (the message, exit 255). */
function asPython<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PyValueError) throw new GeneralError(error.message);
    throw error;
  }
}

const split = (url: string): SplitUrl => asPython(() => urlsplit(url));

/** Python's urlsplit(url).hostname (lower-cased), or undefined when there is none. */
export function pythonUrlHostname(url: string): string | undefined {
  return hostnameOf(split(url));
}

const LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;

export function isValidEndpointUrl(url: string): boolean {
  const hostname = pythonUrlHostname(url);
  if (hostname === undefined) return false;
  if (hostname.length <= 255 && LABELS.test(hostname.endsWith('.') ? hostname.slice(0, -1) : hostname)) return true;
  if (/[\t\r\n]/.test(url)) return false;
  return ipVersion(hostname.replace(/%.*$/, '')) === 6;
}

/** The URL botocore sends an operation with path `/` to: the endpoint as written, `/` for no path. */
export function requestUrlFor(endpointUrl: string): string {
  const parts = split(endpointUrl);
  return urlunsplit({ ...parts, path: parts.path || '/' });
}

/**
 * The Host header SigV4 signs (botocore's _host_from_url): the lower-cased host, its port unless
 * it is the scheme's default. A port Python cannot read fails here, as botocore's signer does.
 */
export function signedHostFor(url: string): string {
  const parts = split(url);
  let host = hostnameOf(parts) ?? '';
  if (ipVersion(host.replace(/%.*$/, '')) === 6) host = `[${host}]`;
  const port = asPython(() => portOf(parts));
  const defaultPort = parts.scheme === 'http' ? 80 : parts.scheme === 'https' ? 443 : undefined;
  return port !== undefined && port !== defaultPort ? `${host}:${port}` : host;
}
