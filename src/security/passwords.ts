/**
 * Password hashing with scrypt (memory-hard, from node:crypto). The stored
 * form names its parameters, so they can be raised later without breaking
 * existing accounts: `scrypt$N$r$p$salt$hash` (base64url).
 *
 * scrypt runs on libuv's thread pool, which SQLite's queries share: a flood of
 * logins would leave every page waiting for a thread. So at most one hash is
 * computed at a time, in a queue of its own; when the queue is full, the
 * attempt is refused (HashQueueFull) rather than kept waiting.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import pLimit from 'p-limit';

const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

const longestQueue = 64;
/** One hash at a time: the others wait in this queue (p-limit), never on libuv's shared threads. */
const hashing = pLimit(1);

export class HashQueueFull extends Error {}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  if (hashing.pendingCount >= longestQueue) return Promise.reject(new HashQueueFull('too many password checks waiting'));
  return hashing(() => new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: 128 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  }));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A random secret for tokens and generated passwords. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
