// Settings botocore reads when it creates a client: retries, configured endpoints, FIPS and
// dual-stack, and the environment's proxies (Python's urllib rules). Pure functions over the
// session and the environment; nothing here touches the network.
import { GeneralError } from '../runtime/errors';
import { pyRepr } from '../util/python';
import { parsePyInt } from '../util/pyint';
import { ensureBoolean, type Session } from './session';
import { urlsplit } from '../util/pyurl';

/** Timeout in seconds from a checked --cli-*-timeout value; 60 by default, 0 = none (undefined). */
export function timeoutSeconds(value: string | undefined): number | undefined {
  const n = value === undefined ? 60 : Number(parsePyInt(value));
  return n === 0 ? undefined : n;
}

export type RetryMode = 'standard' | 'adaptive';

export interface RetrySettings {
  readonly mode: RetryMode;
  /** Total attempts, the first one included. */
  readonly maxAttempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/** AWS_MAX_ATTEMPTS / max_attempts and AWS_RETRY_MODE / retry_mode, checked as botocore does. */
export function retrySettings(session: Session): RetrySettings {
  const rawAttempts = session.variable(['AWS_MAX_ATTEMPTS'], 'max_attempts');
  let maxAttempts = DEFAULT_MAX_ATTEMPTS;
  if (rawAttempts !== undefined) {
    const parsed = parsePyInt(rawAttempts);
    if (parsed === undefined) throw new GeneralError(`invalid literal for int() with base 10: ${pyRepr(rawAttempts)}`);
    if (parsed < 1n) {
      throw new GeneralError(`Value provided to "max_attempts": ${parsed} must be an integer greater than or equal to one.`);
    }
    maxAttempts = parsed > 1_000_000n ? 1_000_000 : Number(parsed);
  }
  const mode = session.variable(['AWS_RETRY_MODE'], 'retry_mode') ?? 'standard';
  if (mode !== 'standard' && mode !== 'adaptive') {
    throw new GeneralError(`Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`);
  }
  return { mode, maxAttempts };
}

/** AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls. */
export function ignoreConfiguredEndpoints(session: Session): boolean {
  return ensureBoolean(session.variable(['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'], 'ignore_configured_endpoint_urls')) ?? false;
}

/**
 * The endpoint configured for a service (botocore's ConfiguredEndpointProvider):
 * AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's `services` section entry, the
 * profile's `endpoint_url`. `serviceId` is the snake-case id (ec2, sts, sso, sso_oidc).
 */
export function configuredEndpoint(session: Session, serviceId: string): string | undefined {
  if (ignoreConfiguredEndpoints(session)) return undefined;
  const fromEnv = session.env[`AWS_ENDPOINT_URL_${serviceId.toUpperCase()}`];
  if (fromEnv) return fromEnv;
  if (session.env.AWS_ENDPOINT_URL) return session.env.AWS_ENDPOINT_URL;
  const scoped = session.scopedConfig();
  const servicesName = scoped.get('services');
  if (servicesName !== undefined) {
    const section = typeof servicesName === 'string' ? session.fullConfig().services.get(servicesName) : undefined;
    if (!section || section.size === 0) {
      throw new GeneralError(
        `The profile is configured to use the services section but the "${String(servicesName)}" services ` +
          'configuration does not exist.',
      );
    }
    const entry = section.get(serviceId.toLowerCase());
    if (typeof entry === 'string') throw new GeneralError("'str' object has no attribute 'get'");
    if (entry?.endpoint_url) return entry.endpoint_url;
  }
  const global = scoped.get('endpoint_url');
  return typeof global === 'string' && global ? global : undefined;
}

/** AWS_USE_FIPS_ENDPOINT / use_fips_endpoint. */
export function useFipsEndpoint(session: Session): boolean {
  return ensureBoolean(session.variable(['AWS_USE_FIPS_ENDPOINT'], 'use_fips_endpoint')) ?? false;
}

/** AWS_USE_DUALSTACK_ENDPOINT / use_dualstack_endpoint. */
export function useDualstackEndpoint(session: Session): boolean {
  return ensureBoolean(session.variable(['AWS_USE_DUALSTACK_ENDPOINT'], 'use_dualstack_endpoint')) ?? false;
}

/** AWS_STS_REGIONAL_ENDPOINTS / sts_regional_endpoints (regional unless "legacy"). */
export function stsRegionalEndpoints(session: Session): string {
  return session.variable(['AWS_STS_REGIONAL_ENDPOINTS'], 'sts_regional_endpoints') ?? 'regional';
}

// ----- proxies (Python's urllib.request.getproxies_environment / proxy_bypass_environment) -----

/** `<scheme>_proxy` variables; lower-case names win, an empty lower-case name removes the entry. */
export function environmentProxies(env: NodeJS.ProcessEnv): Map<string, string> {
  const proxies = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value && lower.endsWith('_proxy')) proxies.set(lower.slice(0, -6), value);
  }
  if (env.REQUEST_METHOD !== undefined) proxies.delete('http');
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_proxy')) continue;
    const key = name.toLowerCase().slice(0, -6);
    if (value) proxies.set(key, value);
    else proxies.delete(key);
  }
  return proxies;
}

/** The proxy URL for a request URL, or undefined (no proxy, or bypassed by no_proxy). */
export function proxyFor(url: string, env: NodeJS.ProcessEnv): string | undefined {
  const proxies = environmentProxies(env);
  // Python's urlsplit: the netloc as written (user info and a default port included)
  const { scheme, netloc } = urlsplit(url);
  if (bypassProxy(netloc, proxies.get('no'))) return undefined;
  const proxy = proxies.get(scheme);
  if (!proxy) return undefined;
  if (proxy.startsWith('http:') || proxy.startsWith('https:')) return proxy;
  return proxy.startsWith('//') ? `http:${proxy}` : `http://${proxy}`;
}

function bypassProxy(hostWithPort: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === '*') return true;
  const host = hostWithPort.toLowerCase();
  const hostOnly = host.replace(/:\d*$/, '');
  for (const raw of noProxy.split(',')) {
    let name = raw.trim();
    if (!name) continue;
    name = name.replace(/^\.+/, '').toLowerCase();
    if (hostOnly === name || host === name) return true;
    if (hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** botocore's mask_proxy_url: the first occurrence of the user name and of the password become ***. */
export function maskProxyUrl(proxyUrl: string): string {
  let masked = proxyUrl;
  try {
    const parsed = new URL(proxyUrl);
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    if (user) masked = masked.replace(user, '***');
    if (password) masked = masked.replace(password, '***');
  } catch {
    // an unparsable proxy URL is shown as it is
  }
  return masked;
}
