// The set of conferences on the device: the Xebicon 2019 demo brought back from Settings, and
// deletion (remembering that the demo was dismissed). Adding the demo on first launch is part
// of start-up (needsDemo and addDemo, called by src/ui/state/app.svelte.ts) and loads no repository.
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

  /** Brings the demo back after the user deleted it (from Settings). */
  async restoreDemo(): Promise<void> {
    await this.settings.set(DEMO_DISMISSED, false);
    if (!(await this.repo.list()).some((c) => c.demo)) await this.addDemo();
  }

  private async addDemo(): Promise<void> {
    await addDemo(this.db, this.deviceTimeZone());
  }

  async delete(conferenceId: string): Promise<void> {
    const conf = await this.repo.get(conferenceId);
    await this.repo.delete(conferenceId);
    if (conf?.demo) await this.settings.set(DEMO_DISMISSED, true);
  }
}
