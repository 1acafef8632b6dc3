import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, importFile, FIXTURES } from './fixtures';

// Payloads that have run script or leaked requests in real apps, placed in a real schedule.
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '<svg><script>window.__pwned = "svg"</script></svg>',
  '<a href="javascript:window.__pwned=\'href\'" id="js-link">click me</a>',
  '[markdown link](javascript:window.__pwned="md")',
  '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
  '<img src="https://tracker.invalid/pixel.png">',
  '<p style="background:url(https://tracker.invalid/bg.png)">styled</p>',
  '&lt;script&gt;window.__pwned = "escaped"&lt;/script&gt;',
  '<details open ontoggle="window.__pwned=\'toggle\'">x</details>',
  '**Bold survives** and <em>emphasis</em> too',
].join('\n\n');

test('hostile markup in a schedule renders formatted, with no script and no foreign request', async ({
  page,
  app,
}) => {
  const data = JSON.parse(
    readFileSync(`${FIXTURES}frab-json_pretalx_rc3-channels-2020.json`, 'utf8'),
  ) as {
    schedule: {
      conference: { days: { rooms: Record<string, { abstract: string; title: string }[]> }[] };
    };
  };
  const first = Object.values(data.schedule.conference.days[0]!.rooms)[0]![0]!;
  first.abstract = PAYLOADS;
  const file = join(tmpdir(), `hostile-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(data));

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, app);
  await importFile(page, app, file);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  await page.getByRole('link', { name: first.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();

  const abstract = page.locator('.markup').first();
  await expect(abstract.locator('strong')).toHaveText('Bold survives');
  await expect(abstract.locator('em')).toHaveText('emphasis');
  await expect(
    abstract.locator('script, iframe, img, svg, [style], [onerror], [ontoggle]'),
  ).toHaveCount(0);
  await expect(abstract.locator('a[href^="javascript:"]')).toHaveCount(0);
  // Escaped markup stays visible text, never markup.
  await expect(abstract).toContainText('<script>window.__pwned = "escaped"</script>');
  await page.getByText('click me').click();
  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});
