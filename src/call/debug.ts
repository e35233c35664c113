// The --debug log: lines shaped like the real CLI's Python logging
// (`<time> - MainThread - <logger> - <LEVEL> - <message>`) on stderr. Loaded only with --debug.
// Secrets never reach it: every message passes through `redact`, which removes the values
// registered as secret (keys, session tokens, SSO tokens) and Authorization-like headers.

export interface DebugLog {
  debug(logger: string, message: string): void;
  info(logger: string, message: string): void;
  warning(logger: string, message: string): void;
  /** Registers a value that must never be printed (credentials, tokens). */
  secret(value: string | undefined): void;
  /** A header map with secret headers masked. */
  headers(headers: Readonly<Record<string, string>>): string;
}

const SECRET_HEADERS = /^(authorization|x-amz-security-token|x-amz-sso_bearer_token|proxy-authorization)$/i;

export function createDebugLog(write: (text: string) => void): DebugLog {
  const secrets = new Set<string>();
  const redact = (text: string) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('<redacted>');
    // a SigV4 signature or credential scope never needs to be shown either
    return out.replace(/Signature=[0-9a-f]{64}/g, 'Signature=<redacted>');
  };
  const line = (level: string, logger: string, message: string) =>
    write(`${timestamp(new Date())} - MainThread - ${logger} - ${level} - ${redact(message)}\n`);
  return {
    debug: (logger, message) => line('DEBUG', logger, message),
    info: (logger, message) => line('INFO', logger, message),
    warning: (logger, message) => line('WARNING', logger, message),
    secret: (value) => {
      if (value && value.length >= 4) secrets.add(value);
    },
    headers: (headers) =>
      `{${Object.entries(headers)
        .map(([k, v]) => `'${k}': '${SECRET_HEADERS.test(k) ? '<redacted>' : v}'`)
        .join(', ')}}`,
  };
}

/** Python logging's default asctime: `2024-01-31 12:34:56,789`. */
function timestamp(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())},${pad(date.getMilliseconds(), 3)}`
  );
}
