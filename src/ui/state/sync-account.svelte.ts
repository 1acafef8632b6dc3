// The WebDAV account as Settings edits it: the fields, "Test connection", "Save account" (which
// starts a sync) and "Remove account", with the verdict or the problem in words.
import type { SyncAccount } from '../../lib/db/sync-repo';
import { explain, t } from './i18n.svelte';
import { sync } from './sync.svelte';

export class SyncAccountDraft {
  url = $state('');
  username = $state('');
  password = $state('');
  /** An account is stored on this device. */
  saved = $state(false);
  testing = $state(false);
  verdict = $state('');
  problem = $state('');

  async load(): Promise<void> {
    const a = await sync.account();
    if (!a) return;
    ({ url: this.url, username: this.username, password: this.password } = a);
    this.saved = true;
  }

  #account(): SyncAccount {
    return { url: this.url.trim(), username: this.username.trim(), password: this.password };
  }

  /** Tests the account (then does `then`); the verdict or the problem is shown. */
  async test(then?: (account: SyncAccount) => Promise<void>): Promise<void> {
    this.verdict = this.problem = '';
    this.testing = true;
    try {
      this.verdict = await sync.test(this.#account());
      await then?.(this.#account());
    } catch (e) {
      this.problem = explain(e);
    } finally {
      this.testing = false;
    }
  }

  /** Tests, stores the account and starts a sync. */
  save(): Promise<void> {
    return this.test(async (account) => {
      await sync.saveAccount(account);
      this.saved = true;
      void sync.now();
    });
  }

  async forget(): Promise<void> {
    await sync.saveAccount(undefined);
    this.password = '';
    this.saved = false;
    this.verdict = t('The account is removed from this device. Nothing on the server was touched.');
  }
}
