import { describe, expect, it } from 'vitest';
import { HashQueueFull, hashPassword, verifyPassword } from '../../../src/security/passwords';

describe('password hashing', () => {
  it('checks one password at a time and refuses checks past a queue of 64, instead of keeping them waiting', { timeout: 30_000 }, async () => {
    const stored = await hashPassword('een lang geheim wachtwoord');
    const outcomes = await Promise.allSettled(Array.from({ length: 70 }, (_, index) => verifyPassword(index === 0 ? 'een lang geheim wachtwoord' : `gok ${index}`, stored)));
    // One running and 64 waiting: the last five are refused at once.
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason)).toEqual(Array(5).fill(expect.any(HashQueueFull)));
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: true });
    expect(outcomes.slice(1, 65).every((outcome) => outcome.status === 'fulfilled' && outcome.value === false)).toBe(true);
  });
});
