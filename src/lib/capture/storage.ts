// The browser's storage manager: ask once for persistent storage (so the browser does not
// evict photos under pressure) and report space used and left. Every API here is optional in
// some browser, so each call is guarded and answers "unknown" rather than throwing.

export interface StorageEstimate {
  /** Bytes used by this site, when the browser tells. */
  used?: number;
  /** Bytes this site may use in all, when the browser tells. */
  quota?: number;
}

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function manager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

let asked: Promise<boolean> | undefined;

/**
 * Asks for persistent storage, once per page load: call it at the first capture. Chrome
 * grants it silently to installed or engaged sites, Firefox asks the user, Safari answers
 * from its own heuristics. Resolves true when storage is persistent.
 */
export function requestPersistence(storage = manager()): Promise<boolean> {
  asked ??= (async () => {
    try {
      if (await storage?.persisted?.()) return true;
      return (await storage?.persist?.()) ?? false;
    } catch {
      return false;
    }
  })();
  return asked;
}

/** Forgets the answer, for tests. */
export function resetPersistenceRequest(): void {
  asked = undefined;
}

export async function estimate(storage = manager()): Promise<StorageEstimate> {
  try {
    const { usage, quota } = (await storage?.estimate?.()) ?? {};
    return {
      ...(typeof usage === 'number' && { used: usage }),
      ...(typeof quota === 'number' && { quota }),
    };
  } catch {
    return {};
  }
}
