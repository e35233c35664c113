// Node built-ins that only uncommon paths need, loaded on first use: child_process costs ~3 ms of
// every start (it brings dgram and more with it) and runs only for credential_process.

/**
 * process.getBuiltinModule (Node 20.16+, 22.3+) needs no require function of its own; an older Node
 * gets the bundle's own CommonJS require. (node:module's createRequire would load node:module at
 * every start, ~0.5 ms.)
 */
const loadBuiltin = <T>(id: string): T =>
  ((process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.(id) ?? require(id)) as T;

export const childProcess = (): typeof import('node:child_process') => loadBuiltin('node:child_process');

/** node:util, for the names of system errors. */
export const util = (): typeof import('node:util') => loadBuiltin('node:util');

/** node:net, for what the transport's own TCP connection does not cover (see call/tcp.ts). */
export const net = (): typeof import('node:net') => loadBuiltin('node:net');

/** node:http, loaded by the first request: it cannot be part of a start-up snapshot (the standalone executable's). */
export const http = (): typeof import('node:http') => loadBuiltin('node:http');

/**
 * The home directory as node:os reports it, loaded when asked: paths expand `~` from HOME first
 * (as Python does), so most runs never need node:os (~3% of a usage error's start).
 */
export const homedir = (): string => loadBuiltin<typeof import('node:os')>('node:os').homedir();
