/**
 * Batches the work of concurrent requests: callers hand in items; while one batch is being worked on,
 * the next one gathers, and is taken as a whole as soon as the first is done. No timer: a lone request
 * is served at once, and the batch size grows with the load by itself. If a batch fails, its items are
 * tried again one by one, so one bad item fails only its own caller.
 */
export class Batcher<T, R> {
  private queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private busy = false;

  /** `work` answers one result per item, in the items' order. */
  constructor(
    private readonly work: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 256,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.work(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else
            for (const b of batch)
              await this.work([b.item]).then(
                ([r]) => b.resolve(r),
                (e: unknown) => b.reject(e),
              );
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

/**
 * Group commit: the writes of concurrent requests in one transaction. Each caller's promise settles only
 * when the batch holding its item has committed, so an acknowledged write is a durable one, and the
 * database sees one transaction per batch instead of one per request.
 */
export class GroupCommit<T> extends Batcher<T, void> {
  constructor(write: (items: T[]) => Promise<void>, maxBatch = 256) {
    super(async (items) => {
      await write(items);
      return items.map(() => undefined);
    }, maxBatch);
  }
}
