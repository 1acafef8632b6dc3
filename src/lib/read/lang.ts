// Which model reads a talk's slides: the talk's language from the schedule when it names one
// we have (pretalx and frab give "en", "fr", "English"...), else the interface's language.
import type { ReadLang } from './engine';

const NAMES: [ReadLang, RegExp][] = [
  ['fr', /^(fr|fra|fre)([-_].*)?$|^fran[cç]ais$|^french$/],
  ['en', /^(en|eng)([-_].*)?$|^english$|^anglais$/],
];

export function readLangOf(talkLanguage: string | undefined, fallback: ReadLang): ReadLang {
  const said = talkLanguage?.trim().toLowerCase() ?? '';
  return NAMES.find(([, name]) => name.test(said))?.[0] ?? fallback;
}
