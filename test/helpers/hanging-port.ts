// A port where connections hang: a listening socket that never accepts, its backlog already full,
// so a new connection is never established (what a connect timeout needs). Python, because Node's
// net module always accepts.
import { spawn } from 'node:child_process';

const SCRIPT = `
import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(3):
    c = socket.socket(); c.setblocking(False)
    try: c.connect(("127.0.0.1", port))
    except BlockingIOError: pass
    fill.append(c)
print(port, flush=True)
time.sleep(60)
`;

export interface HangingPort {
  readonly port: number;
  /** Stops the helper process (it also ends by itself after 60 s). */
  stop(): void;
}

export async function startHangingPort(): Promise<HangingPort> {
  const child = spawn('python3', ['-c', SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  return { port, stop: () => child.kill() };
}
