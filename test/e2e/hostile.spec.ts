import { test, expect, openApp, importFile, rc3File, type Rc3Event } from './fixtures';

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
  csp,
}) => {
  csp.hostileMarkup = true;
  let first!: Rc3Event;
  const file = rc3File('hostile', (_, events) => {
    first = events[0]!;
    first.abstract = PAYLOADS;
  });

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

// Every attribute that makes a browser fetch something, pointed at a host the app never talks
// to (nothing listens on 127.0.0.2:9, but the request would still be made, and caught).
const FOREIGN = 'http://127.0.0.2:9';
const LOADERS = [
  `<table background="${FOREIGN}/table.png"><tr><td background="${FOREIGN}/td.png">cell</td></tr></table>`,
  `<video poster="${FOREIGN}/poster.png"></video>`,
  `<form action="${FOREIGN}/form"><button formaction="${FOREIGN}/fa">go</button></form>`,
  `<svg><image xlink:href="${FOREIGN}/svg.png" href="${FOREIGN}/svg2.png"></image></svg>`,
  `<a ping="${FOREIGN}/ping" href="https://example.org/">pinged link</a>`,
  `<blockquote cite="${FOREIGN}/cite">quoted</blockquote>`,
  `<img lowsrc="${FOREIGN}/low.png" dynsrc="${FOREIGN}/dyn.avi" longdesc="${FOREIGN}/ld" srcset="${FOREIGN}/set.png 2x">`,
  `<object data="${FOREIGN}/obj" codebase="${FOREIGN}/cb"></object>`,
  `<div style="background-image:url(${FOREIGN}/style.png)">styled div</div>`,
  `<style>@import url(${FOREIGN}/import.css); body{background:url(${FOREIGN}/body.png)}</style>`,
  `<link rel="stylesheet" href="${FOREIGN}/link.css">`,
  `<input type="image" src="${FOREIGN}/input.png">`,
  `<audio src="${FOREIGN}/a.mp3" autoplay></audio>`,
  `[relative link](/#/settings) and [mail](mailto:someone@example.org)`,
].join('\n\n');

test('abstracts too deep for marked still render, and no markup or link loads anything', async ({
  page,
  app,
  csp,
}) => {
  csp.hostileMarkup = true;
  let quotes!: Rc3Event, lists!: Rc3Event, loaders!: Rc3Event;
  const file = rc3File('hostile-deep', (conference, events) => {
    conference.url = 'javascript:window.__pwned="conference"';
    [quotes, lists, loaders] = events as [Rc3Event, Rc3Event, Rc3Event];
    quotes.abstract = `${'>'.repeat(2000)} the bottom of the quotes`;
    lists.abstract = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join(
      '\n',
    );
    loaders.abstract = LOADERS;
    loaders.url = 'javascript:window.__pwned="url"';
    loaders.links = [
      { url: 'JaVaScRiPt:window.__pwned="link"', title: 'Evil link' },
      { url: 'https://example.org/slides', title: 'Slides' },
    ];
  });

  // Every request the page makes outside the app's own origin.
  const origin = new URL(app.url).origin;
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:') return;
    if (url.protocol === 'blob:' ? !req.url().startsWith(`blob:${origin}/`) : url.origin !== origin)
      foreign.push(req.url());
  });
  const settled = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  await openApp(page, app);
  await importFile(page, app, file);
  await expect(page.getByRole('heading', { level: 1, name: 'rC3 Channels' })).toBeVisible();
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Site' })).toHaveCount(0);
  const schedule = page.url();

  for (const [talk, bottom] of [
    [quotes, 'the bottom of the quotes'],
    [lists, 'level 300'],
  ] as const) {
    await page.getByRole('link', { name: talk.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: talk.title })).toBeVisible();
    // Shown as plain text: every word is there, no quote or list element was built.
    const abstract = page.locator('.markup').first();
    await expect(abstract).toContainText(bottom);
    await expect(abstract.locator('blockquote, ul, li')).toHaveCount(0);
    await page.goto(schedule);
  }

  await page.getByRole('link', { name: loaders.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: loaders.title })).toBeVisible();
  const abstract = page.locator('.markup').first();
  await expect(abstract).toContainText('styled div');
  await expect(abstract.getByText('cell')).toBeVisible();
  await expect(
    abstract.locator(
      'video, form, button, svg, image, img, object, style, link, input, audio, [style], [background], [poster], [action], [formaction], [ping], [cite], [srcset], [data], [codebase]',
    ),
  ).toHaveCount(0);
  await expect(abstract.getByRole('link', { name: 'pinged link' })).toHaveAttribute(
    'href',
    'https://example.org/',
  );
  await expect(abstract.getByRole('link', { name: 'mail' })).toHaveAttribute(
    'href',
    'mailto:someone@example.org',
  );
  await expect(abstract.getByText('relative link')).not.toHaveAttribute('href');
  // The talk's javascript: addresses are no links; its https one is.
  await expect(page.getByRole('link', { name: 'Programme page' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Evil link' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Slides' })).toHaveAttribute(
    'href',
    'https://example.org/slides',
  );
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await settled();
  expect(foreign, 'requests that left the app’s origin').toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
});
