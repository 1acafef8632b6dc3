// Low-level iCalendar reading: line ends and folds are undone on raw BYTES (a fold may split a
// multi-byte UTF-8 character, so decoding first would leave two U+FFFD), then content lines
// are split into name, parameters and value, and grouped into VEVENTs.

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const TAB = 0x09;

/**
 * Normalises CRLF, LF, lone CR and the broken CR CR LF to LF, and removes folds (a line break
 * followed by one space or tab). Works on bytes, never splits a character.
 */
export function unfoldIcsBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let o = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b !== CR && b !== LF) {
      out[o++] = b;
      i++;
      continue;
    }
    let breaks = 1;
    if (b === LF) {
      i++;
    } else {
      let j = i;
      while (j < n && bytes[j] === CR) j++;
      if (j < n && bytes[j] === LF) {
        i = j + 1; // CR…CR LF is one line end (seen in files that went through two converters)
      } else {
        breaks = j - i; // old Mac line ends: every CR is its own break
        i = j;
      }
    }
    const next = bytes[i];
    if (breaks === 1 && (next === SP || next === TAB)) {
      i++; // a fold: drop the break and the one whitespace character that marks it
      continue;
    }
    for (let k = 0; k < breaks; k++) out[o++] = LF;
  }
  return out.subarray(0, o);
}

/** The same for text that is already decoded (UTF-16 files, where no byte split can occur). */
export function unfoldIcsText(text: string): string {
  return text.replace(/\r+\n|\r|\n/g, '\n').replace(/\n[ \t]/g, '');
}

export interface IcsProp {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsCalendar {
  props: IcsProp[];
  events: IcsProp[][];
  /** True when BEGIN:VCALENDAR had its END:VCALENDAR. */
  complete: boolean;
}

/** Splits `NAME;P1=a;P2="b;c":value` honouring quoted parameter values. */
export function parseContentLine(line: string): IcsProp | undefined {
  let i = 0;
  let inQuote = false;
  const cut: number[] = [];
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === ';') cut.push(i);
    else if (!inQuote && ch === ':') break;
  }
  if (i >= line.length) return undefined;
  const head = line.slice(0, i);
  const segments: string[] = [];
  let from = 0;
  for (const c of cut) {
    segments.push(head.slice(from, c));
    from = c + 1;
  }
  segments.push(head.slice(from));
  const name = (segments.shift() ?? '').trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return undefined;
  const params: Record<string, string> = {};
  for (const seg of segments) {
    const eq = seg.indexOf('=');
    if (eq <= 0) continue;
    params[seg.slice(0, eq).trim().toUpperCase()] = seg.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name, params, value: line.slice(i + 1) };
}

/** TEXT value escapes: `\n`, `\,`, `\;`, `\\`. */
export function unescapeText(v: string): string {
  return v.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function readCalendar(text: string): IcsCalendar {
  const cal: IcsCalendar = { props: [], events: [], complete: false };
  const stack: string[] = [];
  let event: IcsProp[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (line === '') continue;
    const prop = parseContentLine(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN') {
      const what = prop.value.trim().toUpperCase();
      stack.push(what);
      if (what === 'VEVENT' && stack.length === 2) event = [];
      continue;
    }
    if (prop.name === 'END') {
      const what = stack.pop();
      if (what === 'VEVENT' && event) {
        cal.events.push(event);
        event = undefined;
      }
      if (what === 'VCALENDAR') cal.complete = true;
      continue;
    }
    const top = stack[stack.length - 1];
    if (event && top === 'VEVENT') event.push(prop);
    else if (top === 'VCALENDAR') cal.props.push(prop);
  }
  return cal;
}
