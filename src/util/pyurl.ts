// Python's urllib.parse as botocore and urllib3 use it on an endpoint URL: the URL text is kept as
// the user wrote it (WHATWG's URL, which Node and the SDK use, rewrites hosts such as `127.1`,
// drops `:0`, and refuses what Python accepts), and its errors are Python's.
import { pyReprString } from './python';

export class PyValueError extends Error {}

export interface SplitUrl {
  /** lower-cased */
  readonly scheme: string;
  readonly netloc: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+.-]*$/;
// schemes for which urlunsplit writes `//` even with an empty netloc (urllib.parse.uses_netloc)
const USES_NETLOC = new Set(['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https',
  'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']);

/** urllib.parse.urlsplit (Python 3.11). Throws PyValueError('Invalid IPv6 URL'). */
export function urlsplit(url: string): SplitUrl {
  // leading C0 controls and spaces are stripped, tabs and newlines removed anywhere
  let rest = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  let netloc = '';
  let query = '';
  let fragment = '';
  const colon = rest.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(rest.slice(0, colon))) {
    scheme = rest.slice(0, colon).toLowerCase();
    rest = rest.slice(colon + 1);
  }
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end === -1 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end === -1 ? '' : rest.slice(end + 2);
    if (netloc.includes('[') !== netloc.includes(']')) throw new PyValueError('Invalid IPv6 URL');
  }
  const hash = rest.indexOf('#');
  if (hash !== -1) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const question = rest.indexOf('?');
  if (question !== -1) [rest, query] = [rest.slice(0, question), rest.slice(question + 1)];
  return { scheme, netloc, path: rest, query, fragment };
}

/** urllib.parse.urlunsplit. */
export function urlunsplit({ scheme, netloc, path, query, fragment }: SplitUrl): string {
  let url = path;
  if (netloc || (scheme && USES_NETLOC.has(scheme) && !url.startsWith('//'))) {
    if (url && !url.startsWith('/')) url = `/${url}`;
    url = `//${netloc}${url}`;
  }
  if (scheme) url = `${scheme}:${url}`;
  if (query) url = `${url}?${query}`;
  if (fragment) url = `${url}#${fragment}`;
  return url;
}

/** The host and port text of a netloc (SplitResult._hostinfo). */
export function hostinfo(netloc: string): { host: string; port: string | undefined } {
  const info = netloc.slice(netloc.lastIndexOf('@') + 1);
  const open = info.indexOf('[');
  let host: string;
  let port: string;
  if (open !== -1) {
    const bracketed = info.slice(open + 1);
    const close = bracketed.indexOf(']');
    host = close === -1 ? bracketed : bracketed.slice(0, close);
    const after = close === -1 ? '' : bracketed.slice(close + 1);
    const portColon = after.indexOf(':');
    port = portColon === -1 ? '' : after.slice(portColon + 1);
  } else {
    const portColon = info.indexOf(':');
    host = portColon === -1 ? info : info.slice(0, portColon);
    port = portColon === -1 ? '' : info.slice(portColon + 1);
  }
  return { host, port: port || undefined };
}

/** SplitResult.hostname: lower-cased (an IPv6 zone keeps its case), undefined when empty. */
export function hostnameOf(split: SplitUrl): string | undefined {
  const { host } = hostinfo(split.netloc);
  if (!host) return undefined;
  const percent = host.indexOf('%');
  return percent === -1 ? host.toLowerCase() : host.slice(0, percent).toLowerCase() + host.slice(percent);
}

/** SplitResult.port, with its ValueErrors. */
export function portOf(split: SplitUrl): number | undefined {
  const { port } = hostinfo(split.netloc);
  if (port === undefined) return undefined;
  if (!/^[0-9]+$/.test(port)) throw new PyValueError(`Port could not be cast to integer value as ${pyReprString(port)}`);
  const value = Number.parseInt(port, 10);
  if (value > 65535) throw new PyValueError('Port out of range 0-65535');
  return value;
}

/** urlparse(url).path: urlsplit's path without `;params` after its last segment (http and https). */
export function pathWithoutParams(split: SplitUrl): string {
  const { path } = split;
  if (!path.includes(';')) return path;
  const semicolon = path.indexOf(';', Math.max(path.lastIndexOf('/'), 0));
  return semicolon === -1 ? path : path.slice(0, semicolon);
}
