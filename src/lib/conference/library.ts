// The set of conferences on the device: the Xebicon 2019 demo that is there on first launch,
// its restoration, and deletion (remembering that the demo was dismissed).
import type { ConferenceRepo } from '../db/conference-repo';
import type { SettingsRepo } from '../db/settings-repo';
import type { ParsedSchedule } from '../schedule/types';

const DEMO_DISMISSED = 'demoDismissed';

export class Library {
  constructor(
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

  private async addDemo(): Promise<void> {
    // Loaded on demand: the demo data has no place in the start-up bundle.
    const { default: demo } = await import('../demo/xebicon-2019.json');
    const { programmeUrl, ...parsed } = demo as ParsedSchedule & { programmeUrl: string };
    await this.repo.create(
      parsed,
      {
        kind: 'demo',
        url: programmeUrl,
        fileName: 'xebicon-2019-notes.adoc',
        format: 'confnotes-demo',
        fetchedAt: Date.now(),
      },
      { deviceTimeZone: this.deviceTimeZone() },
    );
  }

  async delete(conferenceId: string): Promise<void> {
    const conf = await this.repo.get(conferenceId);
    await this.repo.delete(conferenceId);
    if (conf?.demo) await this.settings.set(DEMO_DISMISSED, true);
  }
}
