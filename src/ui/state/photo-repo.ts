// The one photo repository of the page, shared by the state classes (PhotosState, capture,
// archive). Components never import it (lint): they go through PhotosState and PhotoActions.
import { appDb } from '../../lib/db/db';
import { PhotoRepo } from '../../lib/db/photo-repo';

export const photoRepo = new PhotoRepo(appDb());
