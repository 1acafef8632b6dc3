// Reads the schedule part of a write-up laid out like the Xebicon 2019 seed: title, date and
// venue line, site and programme links, and per talk its heading, link, type, abstract and
// speakers. The user's own notes in that document are not schedule data and are skipped.
import type { ParsedSchedule, ParsedSpeaker, ParsedTalk } from '../schedule/types';

const FREE_SECTIONS = new Set(['Présentation', 'Buzz words', 'Divers']);

function speakerOf(line: string): ParsedSpeaker {
  // "Name, Role - Company" or "Name - Role - Company": the name is what comes first.
  const m = /^(.+?)(?:,\s*| - )(.+)$/.exec(line.trim());
  return m ? { name: m[1]!.trim(), affiliation: m[2]!.trim() } : { name: line.trim() };
}

function talkFrom(title: string, body: string[], order: number): ParsedTalk {
  const link = body.map((l) => /^(https?:\/\/\S+?)\[\]$/.exec(l.trim())?.[1]).find(Boolean);
  const open = body.indexOf('====');
  const close = open < 0 ? -1 : body.indexOf('====', open + 1);
  const talk: ParsedTalk = {
    sourceKey: link ? `seed:${link}` : `seed:${order}:${title}`,
    title,
    speakers: [],
    links: link ? [{ url: link, title: 'Programme' }] : [],
    ...(link && { url: link }),
  };
  if (close > open) {
    const paragraphs = body
      .slice(open + 1, close)
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const type = paragraphs.shift();
    const speakers = paragraphs.pop();
    if (type) talk.type = type;
    if (paragraphs.length) talk.abstract = paragraphs.join('\n\n');
    talk.speakers = (speakers ?? '').split('\n').filter(Boolean).map(speakerOf);
  }
  return talk;
}

export function parseSeedAdoc(text: string): ParsedSchedule {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const title =
    lines
      .find((l) => l.startsWith('= '))
      ?.slice(2)
      .trim() ?? 'Conference';
  const schedule: ParsedSchedule = {
    format: 'confnotes-demo',
    conference: { title },
    talks: [],
    warnings: [],
  };
  const dateLine = lines
    .map((l) => /^Le (\d\d)\/(\d\d)\/(\d{4}), au (.+?)\.$/.exec(l))
    .find(Boolean);
  if (dateLine) {
    const [, d, m, y, venue] = dateLine;
    schedule.conference.startDate = schedule.conference.endDate = `${y}-${m}-${d}`;
    schedule.conference.venue = venue!;
  }
  const site = lines.map((l) => /^\* \*Site\* : (\S+)/.exec(l)?.[1]).find(Boolean);
  if (site) schedule.conference.url = site;

  let current: { title: string; body: string[] } | undefined;
  const flush = () => {
    if (current && !FREE_SECTIONS.has(current.title)) {
      schedule.talks.push(talkFrom(current.title, current.body, schedule.talks.length));
    }
  };
  for (const line of lines) {
    if (line.startsWith('== ')) {
      flush();
      current = { title: line.slice(3).trim(), body: [] };
    } else if (line.startsWith('=== ') && current) {
      // A talk's own "Notes" and "Avis" sections are the attendee's, not the programme's.
      flush();
      current = undefined;
    } else current?.body.push(line);
  }
  flush();
  return schedule;
}

/** The programme page link of the seed ("Schedule"), kept beside the conference. */
export function seedProgrammeUrl(text: string): string | undefined {
  return /^\* \*Schedule\* : (\S+)/m.exec(text)?.[1];
}
