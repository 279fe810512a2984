/**
 * Login rate limiting (rate-limiter-flexible, in memory: a restart forgives,
 * which suits a single-server tool and keeps no login data on disk).
 *
 * Every attempt is counted before its password is checked, per account and
 * per client address, in one synchronous step; so however many guesses arrive
 * at once, no more are checked than the limits allow. A correct password
 * forgets the account's count and gives the address its attempt back.
 *
 * - Per account: 5 attempts in a row without success, then one attempt per
 *   pause, and the pause grows with every attempt (30 s, 1, 2, 4, 8 minutes,
 *   at most 15). Not a hard lock: someone guessing at a user's name holds the
 *   real user up for minutes at most, and an admin can lift the pause at once
 *   (`release`, also done when an admin sets a new password).
 * - Per address: 30 failed attempts in 15 minutes. Behind the https proxy the
 *   README recommends, the address is read from the proxy's X-Forwarded-For
 *   only when TRUST_PROXY says so (app.ts); otherwise everyone would share the
 *   proxy's address, and anyone could set the header.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const freeAttempts = 5;
const failuresPerAddress = 30;
const addressWindowSeconds = 15 * 60;
const longestPauseSeconds = 15 * 60;
/** Attempts in a row are remembered for a day; a success forgets them. */
const attemptsRememberedSeconds = 24 * 60 * 60;

/** How long the account waits after its `attempt`-th attempt in a row, in seconds (none for the first five). */
export function pauseAfter(attempt: number): number {
  return attempt < freeAttempts ? 0 : Math.min(30 * 2 ** (attempt - freeAttempts), longestPauseSeconds);
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export class LoginThrottle {
  /** Attempts in a row per account, counted before the check. */
  private readonly attempts = new RateLimiterMemory({ keyPrefix: 'attempts', points: Number.MAX_SAFE_INTEGER, duration: attemptsRememberedSeconds });
  /** Past the free attempts: one attempt per pause; the pause is set by the attempt that opens it. */
  private readonly pauses = new RateLimiterMemory({ keyPrefix: 'pause', points: 1, duration: longestPauseSeconds });
  private readonly addresses = new RateLimiterMemory({ keyPrefix: 'address', points: failuresPerAddress, duration: addressWindowSeconds });

  /** Counts the attempt, or refuses it: the account is in a pause, or the address has failed too often. */
  async admit(username: string, address: string): Promise<Admission> {
    const account = username.toLowerCase();
    try {
      await this.addresses.consume(address);
    } catch (refusal) {
      return refused(refusal);
    }
    const { consumedPoints: attempt } = await this.attempts.penalty(account);
    if (attempt <= freeAttempts) return { admitted: true };
    try {
      await this.pauses.consume(account, 1, { customDuration: pauseAfter(attempt - 1) });
      return { admitted: true };
    } catch (refusal) {
      // A refused attempt is not checked, so it does not count.
      await Promise.all([this.attempts.reward(account), this.addresses.reward(address)]);
      return refused(refusal);
    }
  }

  /** The password was right: the account's attempts are forgotten, and the address gets its attempt back. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.addresses.reward(address);
    await this.release(username);
  }

  /** Lifts an account's pause at once (an admin does this for a user who is kept out). */
  async release(username: string): Promise<void> {
    const account = username.toLowerCase();
    await Promise.all([this.attempts.delete(account), this.pauses.delete(account)]);
  }

  /** Whether the account has used its free attempts, so that its next one may have to wait. */
  async isSlowed(username: string): Promise<boolean> {
    const state = await this.attempts.get(username.toLowerCase());
    return state !== null && state.consumedPoints >= freeAttempts;
  }
}

function refused(refusal: unknown): Admission {
  if (!(refusal instanceof RateLimiterRes)) throw refusal;
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
}
