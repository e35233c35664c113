// The CLI's JSON file caches: ~/.aws/cli/cache for assumed-role and SSO role credentials,
// ~/.aws/sso/cache for SSO tokens. Same file names (SHA-1 of the same JSON text) and contents
// as the real CLI, so a cache either one wrote is used by the other.
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { expandPath } from '../../config/session';

export class JsonFileCache {
  constructor(private readonly dir: string) {}

  static credentials(env: NodeJS.ProcessEnv): JsonFileCache {
    return new JsonFileCache(expandPath('~/.aws/cli/cache', env));
  }

  static ssoTokens(env: NodeJS.ProcessEnv): JsonFileCache {
    return new JsonFileCache(expandPath('~/.aws/sso/cache', env));
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The cached object, or undefined when the file is missing or not JSON. */
  get(key: string): Record<string, unknown> | undefined {
    try {
      const value = JSON.parse(readFileSync(this.path(key), 'utf8')) as unknown;
      return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const fd = openSync(this.path(key), 'w', 0o600);
      try {
        ftruncateSync(fd);
        writeSync(fd, pythonJsonDumps(value));
      } finally {
        closeSync(fd);
      }
    } catch {
      // a cache that cannot be written only costs a call next time
    }
  }
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * Python's json.dumps: `, ` and `: ` separators unless compact, optional sorted keys, and
 * non-ASCII characters escaped (ensure_ascii).
 */
export function pythonJsonDumps(value: unknown, options: { sortKeys?: boolean; compact?: boolean } = {}): string {
  const [comma, colon] = options.compact ? [',', ':'] : [', ', ': '];
  const encode = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return asciiJsonString(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return `[${v.map(encode).join(comma)}]`;
    let entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (options.sortKeys) entries = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${asciiJsonString(k)}${colon}${encode(x)}`).join(comma)}}`;
  };
  return encode(value);
}

function asciiJsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
