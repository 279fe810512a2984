/**
 * The 95 % interval of a share (a proportion) by Wilson's score method
 * (Wilson 1927; Agresti & Coull 1998, "Approximate is better than 'exact'").
 * Unlike the textbook p ± z·√(p(1−p)/n), it stays within 0..1 and does not
 * shrink to nothing when everyone (or no one) in a small street gave the answer.
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z · √(p(1−p)/n + z²/4n²) / (1 + z²/n)
 *
 * with p = successes / n and z = 1.959964 (95 %).
 *
 * @example
 * wilsonInterval(8, 10) // → { low: 0.4902, high: 0.9433 } (to four decimals)
 */
const z = 1.959963984540054;

export function wilsonInterval(successes: number, n: number): { low: number; high: number } | undefined {
  if (n <= 0 || successes < 0 || successes > n) return undefined;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
