// What the page does on a host that sends no isolation headers: the bundled coi-serviceworker
// makes it isolated after one reload; where service workers are blocked too, it says plainly
// why real cores are unavailable instead of failing.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { setUpPlayground } from '../support/browser.mjs';

const env = setUpPlayground({ isolated: false });

test('without headers or service workers the page explains and disables Run', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(env.server.url);
  await page.locator('.unavailable', { hasText: 'not cross-origin isolated' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => crossOriginIsolated), false);
  assert.equal(await page.locator('form.controls button.run').isDisabled(), true);
  assert.equal(await page.locator('#run-program').isDisabled(), true);
  // Playwright's 'block' makes serviceWorker.register() resolve with undefined, which browsers
  // never do (they reject, and coi-serviceworker handles that); its TypeError is the harness's.
  assert.deepEqual(errors.filter((error) => !error.includes("reading 'scope'")), []);
  await context.close();
});

test('the coi-serviceworker fallback isolates the page after one reload', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.locator('.status', { hasText: 'Ready:' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  await context.close();
});
