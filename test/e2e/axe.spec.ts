// axe-core on every screen of the production build (the ones screens.ts fills and opens), at
// 360 px, English in the dark theme and French in the light one: any violation fails, named
// with its screen, rule, and the elements it found.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { fill, LOCALES, SCREENS, SCREEN_OPTIONS, type Lang } from './screens';

test.use(SCREEN_OPTIONS);

// Each language once and each theme once: names and words differ by language, contrast by
// theme; the layout test covers all four pairings at every width.
const PAIRS: [Lang, 'dark' | 'light'][] = [
  ['en', 'dark'],
  ['fr', 'light'],
];

for (const [lang, theme] of PAIRS) {
  test.describe(`${lang === 'en' ? 'English' : 'French'}, ${theme}`, () => {
    test.use({ locale: LOCALES[lang], colorScheme: theme });

    test('axe finds no violation on any screen', async ({ page, app }) => {
      test.setTimeout(150_000);
      // AxeBuilder puts axe-core in the page through the DevTools protocol (page.evaluate),
      // which the Content-Security-Policy does not govern: the csp fixture would fail the test
      // if it did get in the way.
      const filled = await fill(page, app, lang);
      const found: string[] = [];
      for (const screen of SCREENS) {
        await screen.open(page, filled);
        // Legacy mode runs axe in the page in one call. The default finishes every run in a
        // new blank page, for frames from other origins, which the app has none of: four
        // times slower here.
        const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
        for (const v of violations)
          for (const node of v.nodes)
            found.push(
              `${screen.name} (${lang}, ${theme}): ${v.id} (${v.impact}): ${v.help}: ${node.target.join(' ')} ${node.html.slice(0, 120)}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
            );
        await screen.close?.(page, filled);
      }
      expect(found, 'axe violations').toEqual([]);
    });
  });
}
