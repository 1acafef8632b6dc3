// The repositories that write conferences, stars and settings, and the conference library,
// shared by the state classes. Only the screens that change things load them; start-up needs
// none (see app.svelte.ts). Components never import them (lint): they call the state classes.
import { appDb } from '../../lib/db/db';
import { ConferenceRepo } from '../../lib/db/conference-repo';
import { SettingsRepo } from '../../lib/db/settings-repo';
import { StarRepo } from '../../lib/db/star-repo';
import { Library } from '../../lib/conference/library';
import { deviceTimeZone } from './env.svelte';

const db = appDb();

export const conferences = new ConferenceRepo(db);
export const stars = new StarRepo(db);
export const settings = new SettingsRepo(db);
export const library = new Library(db, conferences, settings, deviceTimeZone);
