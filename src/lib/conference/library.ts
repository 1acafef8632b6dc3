// The set of conferences on the device: the Xebicon 2019 demo that is there on first launch,
// its restoration, and deletion (remembering that the demo was dismissed).
import type { ConferenceRepo } from '../db/conference-repo';
import type { SettingsRepo } from '../db/settings-repo';
import type { ConfnotesDb } from '../db/db';
import { addDemo } from '../db/demo';
import { DEMO_DISMISSED } from '../db/conference-list';

export class Library {
  constructor(
    private readonly db: ConfnotesDb,
    private readonly repo: ConferenceRepo,
    private readonly settings: SettingsRepo,
    private readonly deviceTimeZone: () => string,
  ) {}

  /** Adds the demo on first launch, unless the user deleted it before. */
  async ensureDemo(): Promise<void> {
    if (await this.settings.get(DEMO_DISMISSED, false)) return;
    if ((await this.repo.list()).length > 0) return;
    await this.addDemo();
  }

  /** Brings the demo back after the user deleted it (from Settings). */
  async restoreDemo(): Promise<void> {
    await this.settings.set(DEMO_DISMISSED, false);
    if (!(await this.repo.list()).some((c) => c.demo)) await this.addDemo();
  }

  async addDemo(): Promise<void> {
    await addDemo(this.db, this.deviceTimeZone());
  }

  async delete(conferenceId: string): Promise<void> {
    const conf = await this.repo.get(conferenceId);
    await this.repo.delete(conferenceId);
    if (conf?.demo) await this.settings.set(DEMO_DISMISSED, true);
  }
}
