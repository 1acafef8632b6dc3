// Batched database writes for a sync's transfers: the marks of images sent, the images fetched.

/**
 * Database writes made a batch at a time, each batch one transaction, while the transfers
 * they follow go on: the end waits for the last batch only, where a transaction per photo
 * would cost more than the transfer. Marks of images sent: one lost to a crash costs nothing,
 * as the listing of `images/` shows the server has the image. Images fetched: one lost is
 * fetched again, as its record lands only once every batch is written. The first failure to
 * write stops the next `add`, and `flush` throws it.
 */
export class Batches<T> {
  #waiting: T[] = [];
  #writing: Promise<void> = Promise.resolve();
  #failed: Error | undefined;

  constructor(
    private readonly size: number,
    private readonly write: (items: T[]) => Promise<void>,
  ) {}

  add(item: T): void {
    if (this.#failed) throw this.#failed;
    this.#waiting.push(item);
    if (this.#waiting.length >= this.size) this.#next();
  }

  /** Every item written; the first failure to write one is thrown here. */
  async flush(): Promise<void> {
    this.#next();
    await this.#writing;
    if (this.#failed) throw this.#failed;
  }

  #next(): void {
    const items = this.#waiting.splice(0);
    if (!items.length) return;
    this.#writing = this.#writing.then(() =>
      this.write(items).catch((err: unknown) => {
        this.#failed ??= err instanceof Error ? err : new Error(String(err));
      }),
    );
  }
}
