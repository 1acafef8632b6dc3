// A browser refusing a write, for the writes made on IndexedDB directly (native-write.ts): the
// put to `store` throws the DOMException `name` (QuotaExceededError for a full disk), `times`
// times, then writes again. Restored by vi.restoreAllMocks().
import { vi } from 'vitest';

export function refusePut(store: string, name: string, times = Infinity): void {
  const put = IDBObjectStore.prototype.put;
  let left = times;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (this.name === store && left-- > 0) throw new DOMException('from the browser', name);
    return put.apply(this, args);
  });
}
