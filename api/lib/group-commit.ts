/**
 * Group commit: requests that arrive while earlier ones are still being written wait and are
 * then written together, by one call of `write` with all of them (one statement, one
 * transaction, one commit). With nothing in flight a request is written at once, alone, so a
 * quiet server pays no extra latency; under load the batches grow by themselves, which is when
 * saving round trips, commits and lock hold time matters.
 *
 * Each request still gets its own verdict: `write` answers per item. If a batch of several
 * fails as a whole (a database error caused by one of them), every item is written again on
 * its own, so the error reaches only the request that caused it.
 */
export interface GroupCommitOptions<I> {
  /** At most this many items per call of `write`. */
  maxBatch: number;
  /** At most this many calls of `write` at the same time. */
  maxInFlight: number;
  /**
   * Items with the same key never share a batch (the later one waits for the next), so a
   * batch never holds two claims of one row, whose outcome would depend on statement order.
   */
  key: (item: I) => string;
}

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<I, O> {
  private queue: Waiting<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The first waiting items, up to maxBatch, one per key, in arrival order. */
  private take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    const rest: Waiting<I, O>[] = [];
    for (const w of this.queue) {
      const key = this.options.key(w.item);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(w);
      } else rest.push(w);
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Waiting<I, O>[]) {
    let outs: O[];
    try {
      outs = await this.write(batch.map((w) => w.item));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // One of them made the whole batch fail (and roll back): each on its own, so only that one fails.
      await Promise.all(
        batch.map(async (w) => {
          try {
            settle([w], await this.write([w.item]));
          } catch (e) {
            w.reject(e);
          }
        }),
      );
      return;
    }
    settle(batch, outs);
  }
}

/** A write that answers for the wrong number of items is a bug: every waiting request hears of it. */
function settle<I, O>(batch: Waiting<I, O>[], outs: O[]) {
  if (outs.length !== batch.length) {
    const err = new Error(`group commit: ${outs.length} answers for ${batch.length} items`);
    for (const w of batch) w.reject(err);
    return;
  }
  batch.forEach((w, i) => w.resolve(outs[i]));
}
