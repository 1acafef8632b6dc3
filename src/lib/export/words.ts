// What reading an export zip tells the user when the file will not do, in English with
// {placeholders}; the screens translate it (see src/lib/util/words.ts).

export const ARCHIVE_WORDS = {
  notZip: 'This file is not a zip archive, or it was cut short. Nothing was imported.',
  zipDamaged: 'This zip file is damaged ({why}). Nothing was imported.',
  encrypted: 'This zip is encrypted; Confnotes cannot read it.',
  compression: 'This zip uses a compression Confnotes cannot read ("{name}").',
  noJson: 'This zip is not a Confnotes export: it has no confnotes.json. Nothing was imported.',
  unsafeName:
    'This zip holds a file named "{name}", which could point outside the export. Nothing was imported.',
  tooMany:
    'This zip holds more than {count} files, more than any Confnotes export. Nothing was imported.',
  entryTooLarge:
    'In this zip, "{name}" would unpack to more than {size} MB, more than any photo or notes file. Nothing was imported.',
  entryRatio:
    'In this zip, "{name}" would unpack to {ratio} times its packed size, which no Confnotes export does: the zip may be built to fill the device. Nothing was imported.',
  tooLarge:
    'This zip would unpack to more than {size} GB, more than any Confnotes export. Nothing was imported.',
  archiveRatio:
    'This zip would unpack to {ratio} times its own size, which no Confnotes export does: it may be built to fill the device. Nothing was imported.',
  jsonUnreadable:
    'This is not a Confnotes export: its confnotes.json is not readable JSON (the file may be damaged).',
  jsonForeign: 'This is not a Confnotes export: confnotes.json comes from another app.',
  newer:
    'This export was made by a newer version of Confnotes (format {version}). Update the app, then import it again.',
  damaged: 'This Confnotes export is damaged: {what}. Nothing was imported.',
  missingImage:
    'This Confnotes export is incomplete: the image {file} is missing. Nothing was imported.',
} as const;

/** The parts that go into those sentences: why a file is damaged, and which kind of record. */
export const ARCHIVE_PARTS = {
  endsEarly: 'it ends too early',
  zip64Missing: 'its zip64 directory is missing',
  contentsBroken: 'its table of contents is broken',
  entryMissing: '"{name}" cannot be found',
  entryCut: '"{name}" is cut short',
  entryInflate: '"{name}" cannot be decompressed',
  entryChecksum: '"{name}" does not match its checksum',
  entryLarger: '"{name}" is larger than it says',
  entryTwice: '"{name}" is in it twice',
  entryOverlaps: '"{name}" overlaps another file',
  noVersion: 'it has no valid format version',
  noDate: 'it has no export date',
  noList: 'the list "{list}" is missing',
  notRecord: '{record} (number {n}) is not a record',
  badField: '{record} (number {n}) has no valid "{field}"',
  twice: '{record} appears twice',
  stray: '{record} (number {n}) belongs to no conference or talk of this export',
  conference: 'a conference',
  talk: 'a talk',
  star: 'a star',
  photo: 'a photo',
  entry: 'a note',
  opinion: 'an opinion',
  freeSection: 'a free section',
} as const;

export type ArchiveWords = (typeof ARCHIVE_WORDS)[keyof typeof ARCHIVE_WORDS];
