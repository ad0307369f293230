/**
 * Group commit: concurrent callers hand in items; while one batch is being written, the next one
 * gathers, and is written as a whole as soon as the first is done. Each caller's promise settles only
 * when the batch holding its item has committed, so an acknowledged write is a durable one, and the
 * database sees one transaction per batch instead of one per request. No timer: a lone request is
 * written at once, and the batch size grows with the load by itself.
 *
 * If a batch fails, its items are written again one by one, so one bad item fails only its own caller.
 */
export class GroupCommit<T> {
  private queue: Array<{ item: T; resolve: () => void; reject: (e: unknown) => void }> = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxBatch = 256,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.write(batch.map((b) => b.item));
          for (const b of batch) b.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else
            for (const b of batch)
              await this.write([b.item]).then(
                () => b.resolve(),
                (e: unknown) => b.reject(e),
              );
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
