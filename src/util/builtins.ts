// Node built-ins that only uncommon paths need, loaded on first use: child_process costs ~3 ms of
// every start (it brings dgram and more with it) and runs only for credential_process.
import { createRequire } from 'node:module';

const loadBuiltin = createRequire(import.meta.url);

export const childProcess = (): typeof import('node:child_process') => loadBuiltin('node:child_process');

/** node:http, loaded by the first request: it cannot be part of a start-up snapshot (the standalone executable's). */
export const http = (): typeof import('node:http') => loadBuiltin('node:http');

/**
 * The home directory as node:os reports it, loaded when asked: paths expand `~` from HOME first
 * (as Python does), so most runs never need node:os (~3% of a usage error's start).
 */
export const homedir = (): string => (loadBuiltin('node:os') as typeof import('node:os')).homedir();
