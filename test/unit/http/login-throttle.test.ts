import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoginThrottle, pauseAfter } from '../../../src/http/login-throttle';

describe('the login throttle', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('pauses an account 30 s after its fifth attempt in a row, doubling up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 20].map(pauseAfter)).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('admits five attempts and the one that opens a pause, then one per pause, each longer', async () => {
    const throttle = new LoginThrottle();
    const admit = () => throttle.admit('Marieke', '192.0.2.1');
    // Sent at once: the count is taken before any password is checked.
    const first = await Promise.all(Array.from({ length: 10 }, admit));
    expect(first.map((answer) => answer.admitted)).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect(first[6]).toEqual({ admitted: false, retryAfterSeconds: 30 });
    vi.advanceTimersByTime(30_000);
    expect(await admit()).toEqual({ admitted: true });
    expect(await admit()).toEqual({ admitted: false, retryAfterSeconds: 60 });
    vi.advanceTimersByTime(60_000);
    expect(await admit()).toEqual({ admitted: true });
    expect(await admit()).toEqual({ admitted: false, retryAfterSeconds: 120 });
    // The name is one account, whatever its capitals.
    expect((await throttle.admit('MARIEKE', '192.0.2.9')).admitted).toBe(false);
  });

  it('forgets the attempts of an account on a correct password, or when an admin lifts the pause', async () => {
    const throttle = new LoginThrottle();
    for (let attempt = 0; attempt < 7; attempt++) await throttle.admit('jan', '192.0.2.1');
    expect((await throttle.admit('jan', '192.0.2.1')).admitted).toBe(false);
    await throttle.release('jan');
    expect(await throttle.isSlowed('jan')).toBe(false);
    for (let attempt = 0; attempt < 5; attempt++) expect((await throttle.admit('jan', '192.0.2.1')).admitted).toBe(true);
    await throttle.succeeded('jan', '192.0.2.1');
    expect(await throttle.isSlowed('jan')).toBe(false);
  });

  it('refuses an address after 30 failed attempts in 15 minutes, whatever the names, and gives a success back', async () => {
    const throttle = new LoginThrottle();
    for (let index = 0; index < 29; index++) expect((await throttle.admit(`user${index}`, '198.51.100.7')).admitted).toBe(true);
    expect((await throttle.admit('colleague', '198.51.100.7')).admitted).toBe(true);
    await throttle.succeeded('colleague', '198.51.100.7');
    expect((await throttle.admit('user30', '198.51.100.7')).admitted).toBe(true);
    expect((await throttle.admit('user31', '198.51.100.7'))).toEqual({ admitted: false, retryAfterSeconds: 900 });
    expect((await throttle.admit('user31', '203.0.113.1')).admitted).toBe(true);
    vi.advanceTimersByTime(15 * 60_000);
    expect((await throttle.admit('user32', '198.51.100.7')).admitted).toBe(true);
  });
});
