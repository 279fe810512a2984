import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listen, listeningHandleOf, type Listening } from '../../../src/http/listen';

// A test can make the helper process that copies the listening socket stop at once.
const helper = vi.hoisted(() => ({ failing: false }));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const spawn = ((command: string, args: string[], options: object) => (helper.failing
    ? actual.spawn(process.execPath, ['--eval', 'process.exit(3)'], options)
    : actual.spawn(command, args, options))) as typeof actual.spawn;
  return { ...actual, spawn };
});

const answerOk: RequestListener = (_request, response) => response.end('ok');
const started: Listening[] = [];

async function start(acceptors: number): Promise<Listening> {
  const listening = await listen(answerOk, { port: 0, host: '127.0.0.1', acceptors });
  started.push(listening);
  return listening;
}

afterEach(async () => {
  for (const listening of started.splice(0)) await listening.close();
});

/** How many of this process's descriptors refer to the socket listening on `port` (Linux's /proc). */
function descriptorsListeningOn(port: number): number {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const line = readFileSync('/proc/net/tcp', 'utf8').split('\n')
    .map((row) => row.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(`:${portHex}`) && fields[3] === '0A');
  if (!line) return 0;
  const socket = `socket:[${line[9]}]`;
  return readdirSync('/proc/self/fd').filter((fd) => {
    try { return readlinkSync(`/proc/self/fd/${fd}`) === socket; } catch { return false; }
  }).length;
}

/**
 * Connects `count` clients from another process while this one's event loop
 * is blocked, so that they all wait in the kernel's queue; then counts the
 * connections accepted in each turn of the loop that follows.
 */
async function connectionsPerTurn(listening: Listening, count: number): Promise<number[]> {
  let accepted = 0;
  for (const server of listening.servers) server.on('connection', (socket) => { accepted++; socket.destroy(); });
  const client = `const net = require('node:net'); let open = 0;
    for (let i = 0; i < ${count}; i++) net.connect(${listening.port}, '127.0.0.1', () => { if (++open === ${count}) process.exit(0); });`;
  const result = spawnSync(process.execPath, ['--eval', client], { encoding: 'utf8', timeout: 10_000 });
  expect(result.status, result.stderr).toBe(0);
  const perTurn: number[] = [];
  let counted = 0;
  while (counted < count) {
    await new Promise((resolve) => setImmediate(resolve));
    perTurn.push(accepted - counted);
    counted = accepted;
  }
  return perTurn.filter((turn) => turn > 0);
}

describe('listening through several descriptors of one socket', () => {
  it('holds the given number of descriptors of the listening socket, and none once closed', async () => {
    const listening = await start(4);
    expect(listening.servers).toHaveLength(4);
    expect(descriptorsListeningOn(listening.port)).toBe(4);
    await listening.close();
    expect(descriptorsListeningOn(listening.port)).toBe(0);
  });

  it('answers every request, and frees the port when closed', async () => {
    const listening = await start(4);
    const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`http://127.0.0.1:${listening.port}/`).then((response) => response.text())));
    expect(answers.every((answer) => answer === 'ok')).toBe(true);
    await listening.close();
    const again = await listen(answerOk, { port: listening.port, host: '127.0.0.1', acceptors: 2 });
    started.push(again);
    expect(await (await fetch(`http://127.0.0.1:${again.port}/`)).text()).toBe('ok');
  });

  it('accepts up to one waiting connection per descriptor in each turn of the event loop', async () => {
    expect(await connectionsPerTurn(await start(4), 8)).toEqual([4, 4]);
  });

  it('still serves, through one descriptor, when the descriptors cannot be copied', async () => {
    helper.failing = true;
    const warnings: string[] = [];
    try {
      const listening = await listen(answerOk, { port: 0, host: '127.0.0.1', acceptors: 4, warn: (message) => warnings.push(message) });
      started.push(listening);
      expect(warnings).toEqual([expect.stringContaining('listening through one descriptor only')]);
      expect(listening.servers).toHaveLength(1);
      expect(descriptorsListeningOn(listening.port)).toBe(1);
      expect(await (await fetch(`http://127.0.0.1:${listening.port}/`)).text()).toBe('ok');
    } finally {
      helper.failing = false;
    }
  });

  it('refuses, rather than sends nothing, when Node does not expose the listening handle (the server then listens through one)', () => {
    // As a Node release without the private field, or with another shape behind it, would be.
    expect(() => listeningHandleOf({} as Server)).toThrow('does not expose');
    expect(() => listeningHandleOf({ _handle: {} } as unknown as Server)).toThrow('does not expose');
    const handle = { fd: 7 };
    expect(listeningHandleOf({ _handle: handle } as unknown as Server)).toBe(handle);
  });

  it('with one descriptor, accepts one connection per turn (what the extra descriptors are for)', async () => {
    expect(await connectionsPerTurn(await start(1), 3)).toEqual([1, 1, 1]);
  });
});
