// What the page does on a host that sends no isolation headers: the bundled coi-serviceworker
// makes it isolated after one reload; where service workers are blocked too, it says plainly
// why real cores are unavailable, and runs in the simulated mode instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { chooseModes, runAndWait, setRange, setUpPlayground } from '../support/browser.mjs';

const env = setUpPlayground({ isolated: false });

test('without headers or service workers the page says why and runs every mode simulated', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(env.server.url);
  await page.locator('.unavailable', { hasText: 'not cross-origin isolated' }).waitFor({ timeout: 20_000 });
  await page.locator('.status', { hasText: 'Ready to simulate' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => crossOriginIsolated), false);
  assert.equal(await page.locator('#run-real').isDisabled(), true, 'real cores cannot be chosen');
  assert.equal(await page.locator('#run-simulated').isChecked(), true);

  // Two CPU-bound tasks on two virtual cores: the GIL serialises threads; 3.13t runs them at
  // once at its 40% single-thread cost; processes run at once after spawning.
  // Typed and not yet committed, the seed survives the re-render the next control causes.
  await page.locator('#seed').fill('7');
  await setRange(page, 'virtual-cores', 2);
  assert.equal(await page.locator('#seed').inputValue(), '7');
  await page.locator('#seed').fill('');
  await page.locator('#seed').dispatchEvent('change');
  assert.equal(await page.locator('#seed').inputValue(), '7', 'an emptied field shows the seed that runs');
  await chooseModes(page, ['sequential', 'threads', 'free-threaded', 'processes']);
  const walls = async () => Object.fromEntries(await page.locator('.card').evaluateAll((cards) =>
    cards.map((card) => [card.dataset.mode, [card.dataset.run, card.dataset.exitCode, card.dataset.wallMs]])));
  await runAndWait(page);
  const first = await walls();
  for (const [mode, [run, exitCode]] of Object.entries(first)) {
    assert.equal(run, 'simulated', mode);
    assert.equal(exitCode, '0', mode);
  }
  const [sequential, threads, free] = ['sequential', 'threads', 'free-threaded'].map((m) => Number(first[m][2]));
  assert.ok(threads > 0.9 * sequential, `threads ${threads} ms take as long as one after another, ${sequential} ms`);
  assert.ok(free < 0.85 * sequential, `free-threaded ${free} ms beats ${sequential} ms on 2 virtual cores`);
  // Processes: a GIL each, so they compute at once, after spawn's start-up.
  const processes = Number(first.processes[2]);
  assert.ok(processes > 40 && processes < sequential + 60, `processes ${processes} ms`);
  assert.equal(await page.locator('.card[data-mode="processes"] rect.span').count() > 2, true, 'a row per process');
  assert.match(await page.locator('.card[data-mode="threads"] .run-on').innerText(), /2 virtual, seed 7/);

  // The same seed gives the same virtual times, to the microsecond.
  await runAndWait(page);
  assert.deepEqual(await walls(), first);

  // Stop reaches a program that never waits, between two pieces of the simulation.
  await page.locator('#program-source').fill('print("spinning", flush=True)\nwhile True:\n    pass\n');
  await page.locator('#run-program').click();
  await page.locator('#program-output', { hasText: 'spinning' }).waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve('frame')))), 'frame');
  await page.locator('#stop-program').click();
  await page.locator('.program-status', { hasText: 'Stopped after' }).waitFor({ timeout: 5_000 });
  assert.match(await page.locator('#program-output .stderr').innerText(), /KeyboardInterrupt\n$/);
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
