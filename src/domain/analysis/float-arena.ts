/**
 * Hands out zero-filled ranges of a few large Float64Arrays. A city-scale
 * analysis makes some 50,000 units (streets, groups, street × group cells),
 * each with its sums and its figures in a typed array; a typed array of its
 * own per unit is a separate allocation outside the JavaScript heap that the
 * garbage collector tracks one by one. A unit instead keeps the shared array
 * and where its numbers start: not even a view per unit.
 */
export class Float64Arena {
  private current = new Float64Array(0);
  private used = 0;

  constructor(private readonly chunkLength = 1 << 16) {}

  /** The array the last reservation lies in (a new one once the current is full). */
  get chunk(): Float64Array {
    return this.current;
  }

  /** Reserves `length` zeros; returns where they start in `chunk`, which is to be read right after. */
  reserve(length: number): number {
    if (this.used + length > this.current.length) {
      this.current = new Float64Array(Math.max(this.chunkLength, length));
      this.used = 0;
    }
    const at = this.used;
    this.used += length;
    return at;
  }
}
