// The endpoint URL reader, differentially against Python's urllib.parse (botocore reads endpoint
// URLs with it): every URL is split by both, in one python3 process, and the parts, the hostname,
// the port (or its ValueError) and the URL put back together must be the same.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { hostnameOf, pathWithoutParams, portOf, PyValueError, urlsplit, urlunsplit } from '../../src/util/pyurl';

const PYTHON = `
import json, sys
from urllib.parse import urlsplit, urlunsplit, urlparse
def attempt(f):
    try:
        return [f(), None]
    except ValueError as e:
        return [None, str(e)]
out = []
for url in json.load(sys.stdin):
    split, error = attempt(lambda: urlsplit(url))
    if error:
        out.append({'error': error})
        continue
    out.append({'parts': list(split), 'hostname': split.hostname, 'port': attempt(lambda: split.port),
                'joined': urlunsplit(split), 'path': urlparse(url).path})
json.dump(out, sys.stdout)
`;

const urls = [
  'http://127.0.0.1:4747', 'http://127.0.0.1:4747/', 'HTTPS://Example.COM/A/b?Q=1#F', 'http://u:p@h:1/x', 'http://[::1]:8080/p',
  'http://[fe80::1%25eth0]/', 'http://[::1:1', 'http://::1]/', 'http://h:', 'http://h:0', 'http://h:99999', 'http://h:-1', 'http://h:abc',
  'http://h:٣', 'http://h:000080', 'http://h?', 'http://h#', 'http://h/a;p/b;q?z', 'http://h/a;p', 'http://h;x', '  http://h/ x\t\ny',
  'localhost:4747', '127.0.0.1:4747', 'http:', 'http://', 'http:///p', '//h/p', 'ftp://h/', 'a+b-c.d://h', '1http://h', 'file:///x',
  'http://h/%zz?q=ü v', 'http://127.1:1', 'http://user@:1', 'mailto:x@y', 'http://h:1:2',
];

describe('Python urllib.parse', () => {
  test('agrees with urlsplit, hostname, port, urlunsplit and urlparse().path for every URL', () => {
    const python: unknown[] = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(urls), encoding: 'utf8' }));
    const attempt = <T>(f: () => T): [T | null, string | null] => {
      try {
        return [f() ?? null, null];
      } catch (error) {
        if (error instanceof PyValueError) return [null, error.message];
        throw error;
      }
    };
    const ours = urls.map((url) => {
      const [split, error] = attempt(() => urlsplit(url));
      if (error || !split) return { error };
      return {
        parts: [split.scheme, split.netloc, split.path, split.query, split.fragment],
        hostname: hostnameOf(split) ?? null,
        port: attempt(() => portOf(split)),
        joined: urlunsplit(split),
        path: pathWithoutParams(split),
      };
    });
    expect(ours).toEqual(python);
  });
});
