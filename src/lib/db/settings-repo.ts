// Small app-wide settings (demo dismissed, language...) as key/value rows.
import type { ConfnotesDb } from './db';

export class SettingsRepo {
  constructor(private readonly db: ConfnotesDb) {}

  async get<T>(key: string, fallback: T): Promise<T> {
    const row = await this.db.settings.get(key);
    return row === undefined ? fallback : (row.value as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}
