import { test, expect, openApp } from './fixtures';

// The policy is there and does its work: an inline script, which any injected markup would
// need, is refused, and the refusal is what the suite-wide check (fixtures.ts) listens for.
test('the app runs under a Content-Security-Policy that refuses inline script', async ({
  page,
  app,
  csp,
}) => {
  await openApp(page, app);
  const policy = await page.evaluate(
    () =>
      document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content') ?? '',
  );
  expect(policy).toContain("script-src 'self'");
  const response = await page.request.get(app.url);
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  const ran = await page.evaluate(() => {
    const w = window as unknown as { __inline?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.body.append(script);
    return w.__inline === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => csp.violations.length).toBeGreaterThan(0);
  csp.violations.length = 0; // seen as it should be; the fixture's own check stays for the rest
});
