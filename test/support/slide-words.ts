// Made-up slide texts and notes for the search tests and bench: lines of common slide words
// mixed with invented terms, 30 to 80 words a slide, from a seed so every run sees the same.

const COMMON = `the a of to and in for with on is are we you it this that from by at as our your
not can use how why what when new more data code build test run deploy server client api
model memory cache queue thread worker process network latency throughput request response
user users team release version update config file files log logs metric metrics error
errors debug trace profile graph table index query schema storage disk cloud cluster node
nodes service services container image images kernel driver module package library tool
tools open source community project design step steps result results example demo lessons
learned future roadmap questions thanks overview problem solution benchmark fast faster slow
security privacy key keys token access control policy review history part first next last
one two three four five ten percent time times second seconds minute day year`.split(/\s+/);

const ONSETS = ['b', 'k', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'tr', 'pl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ou', 'ei'];

/** A small seeded generator (mulberry32), so texts repeat run to run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An invented word of two to four syllables, such as "kelotrami". */
export function inventedWord(random: () => number): string {
  let w = '';
  const syllables = 2 + Math.floor(random() * 3);
  for (let i = 0; i < syllables; i++)
    w +=
      ONSETS[Math.floor(random() * ONSETS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!;
  return w;
}

/** One slide's text: a title line, then lines of three to eight words, `min` to `max` words. */
export function slideText(random: () => number, min = 30, max = 80): string {
  const total = min + Math.floor(random() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < total; i++) {
    const common = random() < 0.75;
    let w = common ? COMMON[Math.floor(random() * COMMON.length)]! : inventedWord(random);
    if (i === 0 || random() < 0.08) w = w[0]!.toUpperCase() + w.slice(1);
    words.push(w);
  }
  const lines: string[] = [];
  for (let i = 0; i < words.length;) {
    const n = 3 + Math.floor(random() * 6);
    lines.push(words.slice(i, i + n).join(' '));
    i += n;
  }
  return lines.join('\n');
}

/** A written note: a few "- point" lines of common words. */
export function noteText(random: () => number): string {
  const points = 1 + Math.floor(random() * 4);
  const lines: string[] = [];
  for (let i = 0; i < points; i++) {
    const n = 4 + Math.floor(random() * 8);
    const words = Array.from({ length: n }, () => COMMON[Math.floor(random() * COMMON.length)]!);
    lines.push(`- ${words.join(' ')}`);
  }
  return lines.join('\n');
}
