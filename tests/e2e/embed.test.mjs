// The playground in a course page: an iframe on another site (localhost embedding 127.0.0.1),
// whose parent is not isolated. With Document-Isolation-Policy the frame gets shared memory
// and runs on real cores; without it the frame says so and offers a new tab. Either way it
// tells the parent its height, and after a run, the results.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { chooseModes, launchChromium, runAndWait } from '../support/browser.mjs';
import { serveCoursePage, serveDist } from '../support/server.mjs';

let browser;
let withPolicy;
let withoutPolicy;
let course;
let strict;

before(async () => {
  withPolicy = await serveDist({ isolated: true, documentIsolation: true });
  withoutPolicy = await serveDist({ isolated: true, documentIsolation: false });
  course = await serveCoursePage();
  strict = await serveDist({ isolated: true, csp: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await Promise.all([withPolicy, withoutPolicy, course, strict].map((server) => server?.close()));
});

async function openEmbedded(playground) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${course.url}?src=${encodeURIComponent(`${playground.url}?embed`)}`);
  const frame = page.frames().find((f) => f.url().startsWith(playground.url));
  assert.ok(frame, 'the playground frame loaded');
  await frame.locator('.status p').first().waitFor({ timeout: 30_000 });
  const messages = () => page.evaluate(() => window.__messages);
  return { page, frame, errors, messages };
}

describe('embedded in a course page on another site', () => {
  test('with Document-Isolation-Policy the frame runs on real cores and reports its height and results', async () => {
    const { page, frame, errors, messages } = await openEmbedded(withPolicy);
    assert.equal(await page.evaluate(() => crossOriginIsolated), false, 'the course page is not isolated');
    assert.equal(await frame.evaluate(() => crossOriginIsolated), true, 'the frame is');
    await frame.locator('.status', { hasText: 'Ready:' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.masthead.compact').count(), 1, 'the compact layout');
    assert.equal(await frame.locator('#frame-note').count(), 0);
    const newTab = await frame.locator('#open-in-new-tab').getAttribute('href');
    assert.match(newTab, /^http:\/\/127\.0\.0\.1:\d+\/#v1\.[\w-]+$/, 'opens the same state, without ?embed');

    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'resize' && m.height > 300));
    const resize = (await messages()).find((m) => m.type === 'resize');
    assert.equal(resize.source, 'gil-playground');
    assert.ok((await messages()).some((m) => m.subject === 'lti.frameResize'), 'LTI hosts hear it too');

    await chooseModes(frame, ['sequential', 'threads']);
    await frame.locator('form.controls button.run').click();
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'result'), null, { timeout: 60_000 });
    const result = (await messages()).find((m) => m.type === 'result');
    assert.equal(result.source, 'gil-playground');
    assert.equal(result.stopped, false);
    assert.deepEqual(result.modes.map((m) => m.mode), ['sequential', 'threads']);
    for (const mode of result.modes) {
      assert.ok(mode.wall_ms > 0 && mode.exit_code === 0, JSON.stringify(mode));
    }
    assert.equal(result.modes[0].speedup, 1);

    // The parent may ask for the height; anything else it sends is ignored.
    const before = (await messages()).length;
    await page.evaluate(() => {
      const frame = document.querySelector('iframe').contentWindow;
      frame.postMessage('<img src=x onerror=alert(1)>', '*');
      frame.postMessage({ type: 'run', code: 'import os' }, '*');
      frame.postMessage({ type: 'gil-playground:get-height' }, '*');
    });
    await page.waitForFunction((n) => window.__messages.slice(n).some((m) => m.type === 'resize'), before);
    assert.equal(await frame.locator('main.layout').getAttribute('data-run-state'), 'idle', 'nothing ran');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('without it the frame says real threads are unavailable there, runs simulated and offers a new tab', async () => {
    const { page, frame, errors, messages } = await openEmbedded(withoutPolicy);
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false);
    await frame.locator('.status', { hasText: 'Real threads are unavailable inside this frame' }).waitFor();
    await frame.locator('.status', { hasText: 'Ready to simulate' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('#open-in-new-tab').count(), 1);
    assert.match(await frame.locator('#frame-note').innerText(), /Real threads are unavailable inside this frame/);
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'resize'));

    await chooseModes(frame, ['sequential', 'threads']);
    await runAndWait(frame);
    await page.waitForFunction(() => window.__messages.some((m) => m.type === 'result'));
    const result = (await messages()).find((m) => m.type === 'result');
    assert.deepEqual(result.modes.map((m) => [m.mode, m.exit_code, m.simulated]), [['sequential', 0, true], ['threads', 0, true]]);
    assert.ok(result.modes.every((m) => m.wall_ms > 0), JSON.stringify(result));
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('under the Content-Security-Policy docs/DEPLOY.md gives', () => {
  test('the page loads, starts its workers and runs, with no violation', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(strict.url);
    await page.locator('.status', { hasText: 'Ready:' }).waitFor({ timeout: 30_000 });
    await chooseModes(page, ['sequential', 'processes']);
    await runAndWait(page);
    assert.equal(await page.locator('.card[data-mode="processes"]').getAttribute('data-exit-code'), '0');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
