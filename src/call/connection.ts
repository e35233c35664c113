// What the exchange needs of a connection: a net.Socket (TLS, proxies, host names) or the
// transport's own TCP connection (tcp.ts) offer the same events and calls.

/** A connected byte stream: 'data' (Buffer), 'end' and 'error' events, an idle timer, one write. */
export interface Connection {
  on(event: string, listener: (...args: any[]) => void): this;
  once(event: string, listener: (...args: any[]) => void): this;
  off(event: string, listener: (...args: any[]) => void): this;
  removeAllListeners(event?: string): this;
  /** Whether the peer's end of the stream has been read. */
  readonly readableEnded: boolean;
  /** As net.Socket's: `onIdle` runs after `ms` without reading or writing; 0 stops the timer. */
  setTimeout(ms: number, onIdle?: () => void): this;
  write(bytes: Uint8Array, done?: () => void): boolean;
  destroy(): this;
}

/** An exchange's outcome: the first one given runs, with the connection's read timer stopped; later ones are dropped. */
export function firstOutcome(connection: Connection): (outcome: () => void) => void {
  let settled = false;
  return (outcome) => {
    if (settled) return;
    settled = true;
    connection.setTimeout(0);
    outcome();
  };
}
