/**
 * Group commit: writes that arrive while a group is being written wait and
 * are then written together, in one transaction with one sync to disk. A
 * hundred tablets syncing at once then cost a few transactions instead of a
 * hundred, and no write is acknowledged before its transaction has committed.
 */

interface Waiting<I, O> {
  items: I[];
  resolve: (outcomes: O[]) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private draining = false;

  /**
   * `write` gets every waiting item in order, writes them in a transaction
   * and, once it has committed, returns one outcome per item, in the same order.
   */
  constructor(private readonly write: (items: I[]) => Promise<O[]>) {}

  /** Resolves with the outcomes of these items once the transaction that wrote them has committed. */
  submit(items: I[]): Promise<O[]> {
    if (items.length === 0) return Promise.resolve([]);
    const done = new Promise<O[]>((resolve, reject) => this.waiting.push({ items, resolve, reject }));
    if (!this.draining) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0);
      try {
        const outcomes = await this.write(group.flatMap((entry) => entry.items));
        let offset = 0;
        for (const entry of group) {
          entry.resolve(outcomes.slice(offset, offset + entry.items.length));
          offset += entry.items.length;
        }
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.draining = false;
  }
}
