/**
 * Listening on a port so that a crowd of tablets coming back online at once
 * is let in quickly.
 *
 * Node (libuv since 1.45) accepts one new connection per descriptor per
 * turn of its event loop. When a hundred tablets connect to a busy server
 * within a few milliseconds, and each turn spends 5–20 ms answering the
 * tablets already in, the last ones wait 300–450 ms in the kernel's queue
 * before the server reads a byte of their request (measured with
 * `npm run bench -- sync`, which prints `acceptedWithinMs`).
 *
 * So the server listens through several descriptors of one listening
 * socket, each with an HTTP server of its own running the same app: each
 * turn accepts up to one connection per descriptor. Node has no dup(); the
 * extra descriptors are made by passing the socket to a short-lived helper
 * process and back (each pass over an IPC channel gives the receiver a new
 * descriptor), before `listen` resolves. A newer Node offers
 * `listen({ reusePort })` for the same end.
 */
import { spawn } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How many descriptors accept connections. With 16, bench/sync's hundred
 * tablets were all let in within 80 ms (mostly 200–400 ms with one); 64 did
 * no better, and each new connection then costs the idle descriptors a
 * failed accept.
 */
export const defaultAcceptors = 16;

/** What a started server offers to whoever started it. */
export interface Listening {
  /** One HTTP server per descriptor, all running the same app. */
  readonly servers: readonly Server[];
  readonly port: number;
  /** Stops accepting on every descriptor; resolves once every connection has ended. */
  close(): Promise<void>;
  /** Ends every open connection, idle or not (a stop in tests). */
  closeAllConnections(): void;
}

/** The helper process: sends each listening handle it receives straight back, then lets go of its own copy. */
const echoHandles = "process.on('message', (m, handle) => process.send(m, handle, () => handle.close()));";

/**
 * Starts `app` listening on host:port through `acceptors` descriptors of one
 * socket. Should the extra descriptors not be made (no helper process can be
 * started), the server listens through one, and `warn` says so: slower to let
 * a crowd in, but serving.
 */
export async function listen(
  app: RequestListener, options: { port: number; host: string; acceptors?: number; warn?: (message: string) => void },
): Promise<Listening> {
  const first = createServer(app);
  await new Promise<void>((resolve, reject) => {
    first.once('error', reject);
    first.listen(options.port, options.host, () => { first.off('error', reject); resolve(); });
  });
  const servers = [first];
  let copies: unknown[] = [];
  try {
    copies = await copyListeningHandle(first, (options.acceptors ?? defaultAcceptors) - 1);
  } catch (error) {
    options.warn?.(`listening through one descriptor only: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const handle of copies) {
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(handle, resolve));
    servers.push(server);
  }
  return {
    servers,
    port: (first.address() as AddressInfo).port,
    close: async () => { await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))); },
    closeAllConnections: () => { for (const server of servers) server.closeAllConnections(); },
  };
}

/**
 * `count` new descriptors of the server's listening socket, as raw handles
 * that `server.listen(handle)` takes. Each is a round trip to the helper
 * process, which never accepts a connection itself: a raw handle is not
 * watched by its event loop.
 */
async function copyListeningHandle(server: Server, count: number): Promise<unknown[]> {
  if (count <= 0) return [];
  // Node offers no public way to a listening server's handle, nor a dup() of its descriptor
  // (`listen({ reusePort })` came only with Node 22.12, and this server supports Node 20).
  // The handle is read from the one private field Node has kept since 0.x, and checked:
  // should a Node release drop or change it, the server listens through one descriptor
  // and says so, rather than sending the helper nothing and listening on a new port.
  const original = listeningHandleOf(server);
  const helper = spawn(process.execPath, ['--eval', echoHandles], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const copies: unknown[] = [];
  try {
    return await new Promise((resolve, reject) => {
      helper.on('message', (_message, handle) => {
        copies.push(handle);
        if (copies.length === count) resolve(copies);
      });
      helper.on('error', reject);
      helper.once('exit', (code) => reject(new Error(`the helper that copies the listening socket stopped (exit code ${code})`)));
      for (let sent = 0; sent < count; sent++) helper.send('copy', original, (error) => { if (error) reject(error); });
    });
  } catch (error) {
    for (const copy of copies) (copy as { close(): void }).close();
    throw error;
  } finally {
    helper.removeAllListeners();
    // Whatever the helper does from here on (it exits) must not throw in the server.
    helper.on('error', () => undefined);
    if (helper.connected) helper.disconnect();
  }
}

/** The server's listening handle as `child.send` takes it; throws when Node does not expose it as expected. */
export function listeningHandleOf(server: Server): never {
  const handle = (server as unknown as { _handle?: unknown })._handle;
  const fd = typeof handle === 'object' && handle !== null ? (handle as { fd?: unknown }).fd : undefined;
  if (typeof fd !== 'number' || fd < 0) throw new Error('this Node does not expose the listening socket\'s handle');
  return handle as never;
}
