// A TCP connection on Node's own TCP handle, for the common exchange: plain HTTP straight to an
// IPv4 address. Loading and setting up node:net (and node:stream under it) costs a call ~2-3 ms
// and ~2.5 MB, and the exchange needs none of what they add: the transport writes one request
// and reads one answer. The handle is the one net.Socket drives (process.binding's tcp_wrap and
// stream_wrap, used the way lib/net.js uses them); where they are not there as expected, or
// would warn (--pending-deprecation), the transport connects through node:net instead.
import { EventEmitter } from 'node:events';
import { util } from '../util/builtins';
import type { Connection } from './connection';

interface TcpHandle {
  connect(request: object, address: string, port: number): number;
  setNoDelay(on: boolean): number;
  readStart(): number;
  writeBuffer(request: object, data: Uint8Array): number;
  close(): void;
  onread: (buffer: ArrayBuffer) => void;
}

interface ConnectRequest {
  oncomplete?: (status: number) => void;
  address?: string;
  port?: number;
}

interface WriteRequest {
  handle?: TcpHandle;
  oncomplete?: (status: number) => void;
  async?: boolean;
  /** Kept alive until the write completes. */
  buffer?: Uint8Array;
}

export interface TcpBindings {
  readonly TCP: new (type: number) => TcpHandle;
  readonly socketType: number;
  readonly TCPConnectWrap: new () => ConnectRequest;
  readonly WriteWrap: new () => WriteRequest;
  /** What the last read or write reported (stream_wrap's streamBaseState) and where. */
  readonly state: Int32Array;
  readonly readBytesOrError: number;
  readonly arrayBufferOffset: number;
  readonly lastWriteWasAsync: number;
}

/** libuv's end-of-stream status, the same on every platform. */
const UV_EOF = -4095;

let bindings: TcpBindings | null | undefined;

/** Node's TCP bindings, or undefined where this Node does not offer them quietly as expected. */
export function tcpBindings(): TcpBindings | undefined {
  if (bindings === undefined) bindings = loadBindings() ?? null;
  return bindings ?? undefined;
}

function loadBindings(): TcpBindings | undefined {
  // process.binding() warns (DEP0111) only when pending deprecations are shown
  const pending = /--pending[-_]deprecation/;
  if (process.env.NODE_PENDING_DEPRECATION || pending.test(process.env.NODE_OPTIONS ?? '') || process.execArgv.some((a) => pending.test(a))) return undefined;
  const binding = (process as { binding?: (name: string) => Record<string, unknown> }).binding;
  if (typeof binding !== 'function') return undefined;
  try {
    const tcp = binding.call(process, 'tcp_wrap');
    const stream = binding.call(process, 'stream_wrap');
    const found = {
      TCP: tcp.TCP,
      socketType: (tcp.constants as Record<string, unknown> | undefined)?.SOCKET,
      TCPConnectWrap: tcp.TCPConnectWrap,
      WriteWrap: stream.WriteWrap,
      state: stream.streamBaseState,
      readBytesOrError: stream.kReadBytesOrError,
      arrayBufferOffset: stream.kArrayBufferOffset,
      lastWriteWasAsync: stream.kLastWriteWasAsync,
    };
    const classes = [found.TCP, found.TCPConnectWrap, found.WriteWrap].every((c) => typeof c === 'function');
    const numbers = [found.socketType, found.readBytesOrError, found.arrayBufferOffset, found.lastWriteWasAsync].every((n) => typeof n === 'number');
    return classes && numbers && found.state instanceof Int32Array ? (found as TcpBindings) : undefined;
  } catch {
    return undefined;
  }
}

export class TcpConnection extends EventEmitter implements Connection {
  readableEnded = false;
  private closed = false;
  private reading = false;
  private idle: NodeJS.Timeout | undefined;

  private constructor(
    private readonly b: TcpBindings,
    private readonly handle: TcpHandle,
  ) {
    super();
  }

  /**
   * Connects to an IPv4 address and port; like net.connect, the connection emits 'connect' or
   * 'error' (with the system error's code: ECONNREFUSED, ECONNRESET…).
   */
  static connect(b: TcpBindings, address: string, port: number): TcpConnection {
    const handle = new b.TCP(b.socketType);
    const connection = new TcpConnection(b, handle);
    const request = new b.TCPConnectWrap();
    request.address = address;
    request.port = port;
    request.oncomplete = (status) => connection.connected(status);
    const status = handle.connect(request, address, port);
    if (status < 0) process.nextTick(() => connection.connected(status));
    return connection;
  }

  /** The connect request's outcome. */
  private connected(status: number): void {
    if (this.closed) return;
    if (status < 0) return this.fail(status, 'connect');
    this.handle.setNoDelay(true);
    this.emit('connect');
  }

  setTimeout(ms: number, onIdle?: () => void): this {
    clearTimeout(this.idle);
    this.idle = undefined;
    if (ms === 0) {
      if (onIdle) this.off('timeout', onIdle);
      return this;
    }
    if (onIdle) this.once('timeout', onIdle);
    this.idle = setTimeout(() => this.emit('timeout'), ms);
    // as net.Socket's timer: it does not keep the process alive, the connection does
    this.idle.unref();
    return this;
  }

  /** Writes the bytes; reading starts with the first write (the exchange listens before it writes). */
  write(bytes: Uint8Array, done?: () => void): boolean {
    if (this.closed) return false;
    this.startReading();
    const request = new this.b.WriteWrap();
    request.handle = this.handle;
    request.buffer = bytes;
    request.async = false;
    request.oncomplete = (status) => {
      this.active();
      if (status < 0) this.fail(status, 'write');
      else done?.();
    };
    const status = this.handle.writeBuffer(request, bytes);
    this.active();
    if (status < 0) {
      process.nextTick(() => this.fail(status, 'write'));
      return false;
    }
    // a write the kernel took at once has no completion call of its own
    if (this.b.state[this.b.lastWriteWasAsync] === 0 && done) process.nextTick(done);
    return true;
  }

  destroy(): this {
    if (this.closed) return this;
    this.closed = true;
    clearTimeout(this.idle);
    this.handle.close();
    return this;
  }

  private startReading(): void {
    if (this.reading) return;
    this.reading = true;
    this.handle.onread = (buffer) => this.read(buffer);
    const status = this.handle.readStart();
    if (status < 0) process.nextTick(() => this.fail(status, 'read'));
  }

  private read(buffer: ArrayBuffer): void {
    const { state } = this.b;
    const count = state[this.b.readBytesOrError]!;
    this.active();
    if (count > 0) {
      this.emit('data', Buffer.from(buffer, state[this.b.arrayBufferOffset]!, count));
    } else if (count === UV_EOF) {
      this.readableEnded = true;
      this.emit('end');
      // as a net.Socket that does not allow half-open connections: the end closes it
      this.destroy();
    } else if (count < 0) {
      this.fail(count, 'read');
    }
  }

  private active(): void {
    this.idle?.refresh();
  }

  /** As net.Socket: the connection is closed, then 'error' says why. */
  private fail(status: number, syscall: string): void {
    if (this.closed) return;
    this.destroy();
    const code = util().getSystemErrorName(status);
    const error = Object.assign(new Error(`${syscall} ${code}`), { errno: status, code, syscall });
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
