// The playground in headless Chromium, against the release build: real web workers sharing
// one wasm memory, real timings read back from the drawn timelines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  chooseModes, crossTaskOverlap, openPlayground, runAndWait, setRange, setUpPlayground, spansOf,
} from '../support/browser.mjs';

const env = setUpPlayground({ isolated: true });

describe('the playground, cross-origin isolated', () => {
  test('is isolated and starts a pool of worker threads', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.locator('.status', { hasText: `on the ${cores} cores this browser reports` }).waitFor();
    assert.equal(await page.locator('#cores').getAttribute('max'), String(Math.min(cores, 8)));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('sliders change the workload that runs, and work from the keyboard', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await chooseModes(page, ['parallel']);
    await page.locator('#tasks').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('#tasks-value').textContent(), '15');
    await setRange(page, 'tasks', 3);
    await setRange(page, 'work', 5);
    assert.equal(await page.locator('#tasks-value').textContent(), '3');
    assert.equal(await page.locator('#work-value').textContent(), '5 M operations');
    await runAndWait(page);
    const spans = await spansOf(page, 'parallel');
    assert.deepEqual([...new Set(spans.map((span) => span.task))].sort(), [0, 1, 2]);
    await page.close();
  });

  test('parallel CPU tasks run at the same time; under the single lock they never do', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await chooseModes(page, ['sequential', 'parallel', 'single-lock']);
    await page.locator('#kind-cpu').check();
    await setRange(page, 'tasks', 2);
    await setRange(page, 'cores', 2);
    await setRange(page, 'work', 60);
    await page.evaluate(() => { window.__longTasks = []; });
    await runAndWait(page);

    const parallel = await spansOf(page, 'parallel');
    assert.ok(crossTaskOverlap(parallel, 'running'), 'parallel running spans overlap');
    const singleLock = await spansOf(page, 'single-lock');
    assert.ok(singleLock.some((span) => span.kind === 'waiting-for-lock'), 'tasks waited for the lock');
    assert.ok(!crossTaskOverlap(singleLock, 'running'), 'single-lock running spans never overlap');
    const sequential = await spansOf(page, 'sequential');
    assert.ok(!crossTaskOverlap(sequential, 'running'));

    for (const mode of ['sequential', 'parallel', 'single-lock']) {
      const wall = Number(await page.locator(`.card[data-mode="${mode}"]`).getAttribute('data-wall-ms'));
      assert.ok(wall > 0, `${mode} has a wall time`);
    }
    const longTasks = await page.evaluate(() => window.__longTasks);
    assert.deepEqual(longTasks.filter((duration) => duration > 50), [], 'no main-thread task over 50 ms');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('I/O tasks under the single lock overlap their waits', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await chooseModes(page, ['sequential', 'single-lock']);
    await page.locator('#kind-io').check();
    await setRange(page, 'tasks', 4);
    await setRange(page, 'io-wait', 200);
    await runAndWait(page);
    const spans = await spansOf(page, 'single-lock');
    assert.ok(crossTaskOverlap(spans, 'blocked-io'), 'the waits overlap');
    const wall = (mode) => page.locator(`.card[data-mode="${mode}"]`).getAttribute('data-wall-ms').then(Number);
    // Four waits of 200 ms: about one wait under the lock, four in a row sequentially.
    assert.ok(await wall('sequential') >= 800);
    assert.ok(await wall('single-lock') < 2 * 200, `single-lock took ${await wall('single-lock')} ms`);
    await page.close();
  });

  test('Stop ends a long run and keeps the partial timelines', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await chooseModes(page, ['single-lock']);
    await page.locator('#kind-mixed').check();
    await setRange(page, 'tasks', 16);
    await setRange(page, 'work', 400);
    await setRange(page, 'io-wait', 1000);
    await page.locator('main.layout button.run').click();
    await page.locator('.progress', { hasText: 'elapsed' }).waitFor({ timeout: 10_000 });
    const stopAt = Date.now();
    await page.locator('button.stop').click();
    await page.locator('.status', { hasText: 'Stopped' }).waitFor({ timeout: 5_000 });
    assert.ok(Date.now() - stopAt < 3_000, 'the run stopped promptly');
    await page.locator('.card[data-mode="single-lock"] .stopped').waitFor();
    assert.ok((await spansOf(page, 'single-lock')).length > 0);
    assert.equal(await page.locator('main.layout').getAttribute('data-run-state'), 'idle');
    await page.close();
  });
});
