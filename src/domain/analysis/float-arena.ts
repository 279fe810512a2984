/**
 * Hands out zero-filled slices of a few large Float64Arrays. A city-scale
 * analysis makes some 50,000 units (streets, groups, street × group cells),
 * each with its sums and its figures in a typed array; a typed array of its
 * own per unit is a separate allocation outside the JavaScript heap that the
 * garbage collector tracks one by one, while a slice of a shared array is
 * only a small view.
 */
export class Float64Arena {
  private chunk = new Float64Array(0);
  private used = 0;

  constructor(private readonly chunkLength = 1 << 16) {}

  take(length: number): Float64Array {
    if (this.used + length > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(this.chunkLength, length));
      this.used = 0;
    }
    // A view constructed on the buffer: cheaper than subarray(), which looks up the species constructor.
    const slice = new Float64Array(this.chunk.buffer, this.used * Float64Array.BYTES_PER_ELEMENT, length);
    this.used += length;
    return slice;
  }
}
