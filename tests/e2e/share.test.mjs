// Share links in headless Chromium: a link restores exactly what was set up, and a link that is
// cut, altered or made up opens the page with a message naming what could not be read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';

import { openPlayground, setRange, setUpPlayground } from '../support/browser.mjs';

const env = setUpPlayground({ isolated: true });

const source = (page) => page.locator('#program-source').inputValue();

/** A link carrying `state` as the page would write it (zlib JSON in base64url, format v1). */
const linkCarrying = (state) => `${env.server.url}#v1.${deflateSync(JSON.stringify(state)).toString('base64url')}`;

async function shareLinkOf(page) {
  await page.locator('.share summary').click();
  const link = await page.locator('#share-link').inputValue();
  await page.locator('.share summary').click();
  return link;
}

async function problemOpening(link) {
  const { page, errors } = await openPlayground(env.browser, link);
  const problem = await page.locator('#link-problem').textContent();
  assert.equal(await page.locator('#preset').inputValue(), 'seed-benchmark', 'the default lesson opens');
  assert.deepEqual(errors, []);
  await page.close();
  return problem;
}

describe('share links', () => {
  test('a link restores the sliders, the modes, the version, the run mode and hand-written code', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await page.locator('#kind-counter').check();
    await setRange(page, 'tasks', 5);
    await page.locator('#mode-asyncio').uncheck();
    await page.locator('#python-version').selectOption('3.9');
    await page.locator('#run-simulated').check();
    await page.locator('#seed').fill('12');
    await setRange(page, 'virtual-cores', 8);
    const bySliders = await shareLinkOf(page);
    assert.match(bySliders, /#v1\.[A-Za-z0-9_-]+$/);

    const edited = `${await source(page)}\n# A note from the teacher: ünïcode and "quotes".\n`;
    await page.locator('#program-source').fill(edited);
    await page.locator('.share summary').click();
    const byHand = await page.locator('#share-link').inputValue();
    assert.ok(byHand.length < 2_000, `a link with the code is ${byHand.length} characters`);
    assert.match(await page.locator('.share-panel').textContent(), new RegExp(`${byHand.length} characters`));
    // Copy puts the link in the address bar (the clipboard may be refused in headless Chromium).
    await page.locator('#copy-link').click();
    await page.locator('.share-feedback', { hasText: /Copied|did not allow/ }).waitFor();
    assert.equal(page.url(), byHand);
    await page.close();

    const opened = await openPlayground(env.browser, bySliders);
    assert.equal(await opened.page.locator('#tasks-value').textContent(), '5');
    assert.equal(await opened.page.locator('#kind-counter').isChecked(), true);
    assert.equal(await opened.page.locator('#mode-asyncio').isChecked(), false);
    assert.equal(await opened.page.locator('#mode-threads').isChecked(), true);
    assert.equal(await opened.page.locator('#python-version').inputValue(), '3.9');
    assert.equal(await opened.page.locator('#run-simulated').isChecked(), true);
    assert.equal(await opened.page.locator('#seed').inputValue(), '12');
    assert.equal(await opened.page.locator('#virtual-cores-value').textContent(), '8');
    assert.match(await source(opened.page), /^TASKS = 5 +# how many tasks$/m);
    assert.equal(await opened.page.locator('#sliders-detached').count(), 0, 'the sliders still write it');

    // A link pasted into the open page's address bar changes only the fragment: it applies too.
    await opened.page.evaluate((hash) => { location.hash = hash; }, new URL(byHand).hash);
    await opened.page.locator('#sliders-detached').waitFor();
    assert.equal(await source(opened.page), edited);
    assert.equal(await opened.page.locator('#link-problem').count(), 0);
    assert.deepEqual([...errors, ...opened.errors], []);
    await opened.page.close();
  });

  test('a cut, altered or unknown link names what could not be read and loses nothing', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await page.locator('#program-source').fill(`${await source(page)}\n# long enough to cut\n`);
    const good = await shareLinkOf(page);
    await page.close();

    assert.match(await problemOpening(good.slice(0, -40)), /could not be read: it was cut short/);
    assert.match(await problemOpening(`${env.server.url}#v7.abc`), /written in format `v7`/);
    assert.match(await problemOpening(`${env.server.url}#hello`), /does not start with a format version/);
    assert.match(await problemOpening(`${env.server.url}#v1.%%%`), /characters a share link never has/);
    const state = JSON.parse(JSON.stringify({
      sliders: { kind: 'cpu', tasks: 2, rounds: 500000, io_ms: 100, cores: 2, switch_interval_us: 5000 },
      modes: ['threads'],
      python: '3.13',
    }));
    assert.match(await problemOpening(linkCarrying({ ...state, python: '2.7' })), /`python` is `2\.7`/);
    assert.match(await problemOpening(linkCarrying({ ...state, modes: ['fibers'] })), /`modes\[0\]` unknown variant `fibers`/);
    assert.match(
      await problemOpening(linkCarrying({ ...state, sliders: { ...state.sliders, tasks: 10_000 } })),
      /`sliders\.tasks` is 10000/,
    );

    // A well-formed link's code is only ever text in the editor: markup in it is not parsed.
    const markup = '<img src=x onerror="window.__ran = true"><script>window.__ran = true</script>';
    const { page: opened, errors } = await openPlayground(env.browser, linkCarrying({ ...state, code: `# ${markup}\n` }));
    assert.equal(await source(opened), `# ${markup}\n`);
    assert.equal(await opened.evaluate(() => window.__ran), undefined);
    // The banner can be dismissed, and the page works on.
    await opened.goto(`${env.server.url}#v1.broken`);
    await opened.locator('#link-problem button').click();
    assert.equal(await opened.locator('#link-problem').count(), 0);
    assert.deepEqual(errors, []);
    await opened.close();
  });
});
