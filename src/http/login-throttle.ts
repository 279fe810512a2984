/**
 * Login rate limiting: after 10 failed logins for one username, or 30 from one
 * address, within 15 minutes, further attempts are refused until the window
 * has passed. Kept in memory: a restart forgives, which is acceptable for a
 * single-server tool and keeps no login data on disk.
 */
const windowMs = 15 * 60 * 1000;
const maxPerUsername = 10;
const maxPerAddress = 30;
/** Past this many tracked keys, expired ones are swept, so a flood of made-up usernames cannot grow memory without bound. */
const sweepAbove = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const since = this.now() - windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  isBlocked(username: string, address: string): boolean {
    return this.recent(`u:${username.toLowerCase()}`).length >= maxPerUsername || this.recent(`a:${address}`).length >= maxPerAddress;
  }

  recordFailure(username: string, address: string): void {
    if (this.failures.size > sweepAbove) for (const key of [...this.failures.keys()]) this.recent(key);
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
