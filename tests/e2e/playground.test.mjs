// The workbench in headless Chromium, against the release build: the sliders write Python, and
// one Run runs it in every mode on real web workers sharing one wasm memory. Every figure is
// read back from the drawn cards and timelines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  chooseModes, crossTaskOverlap, MODES, openPlayground, runAndWait, setRange, setUpPlayground, spansOf,
} from '../support/browser.mjs';

const env = setUpPlayground({ isolated: true });

const source = (page) => page.locator('#program-source').inputValue();
const card = (page, mode) => page.locator(`.card[data-mode="${mode}"]`);
const wallMs = (page, mode) => card(page, mode).getAttribute('data-wall-ms').then(Number);
const stdoutOf = (page, mode) => card(page, mode).locator('.console span:not(.stderr)').allTextContents()
  .then((texts) => texts.join(''));

describe('the workbench, cross-origin isolated', () => {
  test('is isolated and starts a pool of worker threads', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.locator('.status', { hasText: `on the ${cores} cores this browser reports` }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the sliders write the code; editing it by hand detaches them until reset', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await page.locator('#tasks').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('#tasks-value').textContent(), '15');
    assert.match(await source(page), /^TASKS = 15 +# how many tasks$/m);
    await page.locator('#kind-io').check();
    await setRange(page, 'io-wait', 250);
    assert.match(await source(page), /^IO_WAIT = 0\.25 +# seconds each task waits$/m);
    assert.match(await source(page), /time\.sleep\(IO_WAIT\)/);
    assert.equal(await page.locator('#preset').inputValue(), '', 'moving a slider leaves the lesson');

    // An edit by hand: the sliders say they no longer write the code, and leave it alone.
    const edited = (await source(page)).replace('return n\n', 'return n * 10\n');
    await page.locator('#program-source').fill(edited);
    await page.locator('#sliders-detached').waitFor();
    await setRange(page, 'tasks', 3);
    assert.equal(await source(page), edited);
    await page.locator('#reset-code').click();
    assert.match(await source(page), /^TASKS = 3 +# how many tasks$/m);
    assert.equal(await page.locator('#sliders-detached').count(), 0);

    // A lesson with a program of its own detaches them too.
    await page.locator('#preset').selectOption('pool-map');
    assert.match(await source(page), /multiprocessing\.Pool\(processes=CORES\)/);
    await page.locator('#sliders-detached').waitFor();
    await page.close();
  });

  test('the seed benchmark runs in every mode: threads take turns, free-threaded ones run at once', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    assert.equal(await page.locator('#preset').inputValue(), 'seed-benchmark');
    await runAndWait(page);

    const outputs = new Set();
    for (const mode of MODES) {
      assert.equal(await card(page, mode).getAttribute('data-exit-code'), '0', `${mode} ran to its end`);
      assert.ok(await wallMs(page, mode) > 0, `${mode} has a wall time`);
      outputs.add(await stdoutOf(page, mode));
    }
    assert.deepEqual([...outputs], ['2 tasks done, checksum 1999998\n'], 'every mode computes the same');
    assert.equal(await card(page, 'free-threaded').locator('dd', { hasText: '3.13t' }).count(), 1);

    // Rows: the main thread, then the pool's threads. Under the GIL one runs at a time.
    const threads = await spansOf(page, 'threads');
    assert.ok(threads.some((span) => span.kind === 'waiting-for-lock'), 'threads waited for the GIL');
    assert.ok(!crossTaskOverlap(threads, 'running'), 'never two threads running at once');
    const free = await spansOf(page, 'free-threaded');
    assert.ok(crossTaskOverlap(free, 'running'), 'free-threaded threads ran at the same time');
    assert.ok(!free.some((span) => span.kind === 'waiting-for-lock'), 'and never waited for a GIL');
    const processes = await spansOf(page, 'processes');
    assert.ok(crossTaskOverlap(processes, 'running'), 'processes ran at once');
    assert.ok(processes.some((span) => span.kind === 'starting'), 'after starting up, which shows');
    assert.equal(await page.locator('.results-head .legend li', { hasText: 'Starting a process' }).count(), 1);


    // Hovering a span names it; the timeline reads as text; zoom widens the lanes to scroll.
    const title = await card(page, 'threads').locator('rect.span.waiting-for-lock[data-task="1"] title').first().textContent();
    assert.match(title, /^ThreadPoolExecutor-0_\d: waiting for the lock \(GIL\), [\d.]+ ms to [\d.]+ ms \([\d.]+ ms\)$/);
    assert.match(await card(page, 'threads').locator('.timeline').getAttribute('aria-label'),
      /^Timeline: 3 rows over [\d.]+ ms\. MainThread: .*ThreadPoolExecutor-0_1: running [\d.]+ ms, waiting for the lock \(GIL\) /);
    const timeline = card(page, 'sequential').locator('.timeline');
    const widths = () => timeline.evaluate((el) => [el.clientWidth, el.scrollWidth]);
    const [visible, before] = await widths();
    assert.ok(before <= visible + 1, 'no sideways scroll at 1x');
    await setRange(page, 'timeline-zoom', 4);
    const [, after] = await widths();
    assert.ok(after > 3 * visible, `4x zoom: ${after} px of lane in a ${visible} px card`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('I/O-bound tasks overlap their waits in threads and in asyncio', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await page.locator('#preset').selectOption('io-threads');
    await chooseModes(page, ['sequential', 'threads', 'asyncio']);
    await runAndWait(page);
    assert.ok(crossTaskOverlap(await spansOf(page, 'threads'), 'blocked-io'), 'the waits overlap');
    // Four waits of 200 ms: four in a row, or about one when they overlap.
    assert.ok(await wallMs(page, 'sequential') >= 800);
    for (const mode of ['threads', 'asyncio']) {
      assert.ok(await wallMs(page, mode) < 2 * 200, `${mode} took ${await wallMs(page, mode)} ms`);
    }
    assert.equal(await card(page, 'free-threaded').count(), 0, 'only the chosen modes ran');
    await page.close();
  });

  test('simulated on an isolated page, a mode runs on a pool worker in virtual time', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await page.locator('#preset').selectOption('io-threads');
    await page.locator('#run-simulated').check();
    await page.locator('.status', { hasText: 'Ready to simulate' }).waitFor();
    await chooseModes(page, ['sequential', 'threads', 'processes']);
    await runAndWait(page);
    for (const mode of ['sequential', 'threads', 'processes']) {
      assert.equal(await card(page, mode).getAttribute('data-run'), 'simulated', mode);
      assert.equal(await card(page, mode).getAttribute('data-exit-code'), '0', mode);
    }
    // Four waits of 200 ms in virtual time: in a row, or overlapping in threads.
    assert.ok(await wallMs(page, 'sequential') >= 800);
    assert.ok(await wallMs(page, 'threads') < 2 * 200, `threads took ${await wallMs(page, 'threads')} ms`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the counter keeps every increment on 3.13, and processes each count their own', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await page.locator('#preset').selectOption('counter-race');
    await setRange(page, 'work', 100_000);
    await chooseModes(page, ['threads', 'processes']);
    await runAndWait(page);
    assert.equal(await stdoutOf(page, 'threads'), 'counter = 200,000 (expected 200,000)\n');
    assert.equal(await stdoutOf(page, 'processes'), 'counter = 0 (expected 200,000)\n');
    await page.close();
  });

  test('a failing task shows its traceback in every mode, and a mode that cannot be derived says why', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await chooseModes(page, ['sequential', 'threads', 'asyncio']);
    const broken = (await source(page))
      .replace('    return compute(ROUNDS)\n', '    return compute(ROUNDS) / (n - n)\n')
      .replace('async def atask(n):', 'async def not_atask(n):');
    await page.locator('#program-source').fill(broken);
    await runAndWait(page);
    for (const mode of ['sequential', 'threads']) {
      assert.equal(await card(page, mode).getAttribute('data-exit-code'), '1');
      const stderr = await card(page, mode).locator('.console .stderr').innerText();
      assert.match(stderr, /^Traceback \(most recent call last\):/);
      assert.match(stderr, /ZeroDivisionError: division by zero\s*$/);
    }
    await card(page, 'asyncio').locator('.not-derived', { hasText: 'needs `async def atask`' }).waitFor();
    assert.equal(await card(page, 'asyncio').getAttribute('data-exit-code'), null, 'asyncio did not run');
    await page.close();
  });

  test('Stop ends a long run within the current mode; the modes after it never start', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await page.locator('#kind-io').check();
    await setRange(page, 'tasks', 16);
    await setRange(page, 'io-wait', 1000);
    await page.locator('form.controls button.run').click();
    await page.locator('.progress', { hasText: 'Running One after another' }).waitFor({ timeout: 10_000 });
    const stopAt = Date.now();
    await page.locator('form.controls button.stop').click();
    await page.locator('.status', { hasText: 'Stopped' }).waitFor({ timeout: 5_000 });
    assert.ok(Date.now() - stopAt < 3_000, 'the run stopped promptly');
    await card(page, 'sequential').locator('.stopped').waitFor();
    assert.equal(await card(page, 'threads').locator('.pending').innerText(), 'Waiting for its turn.');
    assert.equal(await page.locator('main.layout').getAttribute('data-run-state'), 'idle');
    await page.close();
  });

  test('a sweep of virtual cores answers "does adding cores help?" per mode, the same each time', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await page.locator('#run-simulated').check();
    await setRange(page, 'tasks', 4);
    await setRange(page, 'cores', 4);
    await page.locator('#sweep-cores').click();
    const sweep = page.locator('#core-sweep');
    await sweep.locator('.sweep-progress', { hasText: /Sweeping: .* virtual cores? \(\d+ of \d+\)/ }).waitFor();
    await page.locator('#core-sweep[data-run-state="idle"] #sweep-table').waitFor({ timeout: 120_000 });
    const speedup = async (mode, cores) => Number(await page
      .locator(`#sweep-table tr[data-mode="${mode}"] td[data-cores="${cores}"]`).getAttribute('data-speedup'));
    const cores = await page.locator('#sweep-table thead th').allInnerTexts();
    assert.deepEqual(cores, ['Mode', '1 core', '2 cores', '4 cores', '8 cores']);
    // Under the GIL, more cores change nothing; asyncio uses one thread whatever the cores.
    for (const n of [1, 2, 4, 8]) {
      assert.ok(Math.abs(await speedup('threads', n) - 1) < 0.15, `threads on ${n} cores`);
      assert.ok(Math.abs(await speedup('asyncio', n) - 1) < 0.15, `asyncio on ${n} cores`);
    }
    // Free-threaded, 4 tasks spread over up to 4 cores, and an 8th core has nothing to do.
    const free = [await speedup('free-threaded', 1), await speedup('free-threaded', 4), await speedup('free-threaded', 8)];
    assert.ok(free[1] > 3 * free[0], `4 cores over 1: ${free}`);
    assert.ok(Math.abs(free[2] - free[1]) < 0.05 * free[1], `8 cores as 4: ${free}`);
    assert.ok(await speedup('processes', 4) > 1.5 * await speedup('processes', 1));
    // The chart draws each of those figures.
    assert.equal(await page.locator('#sweep-chart use.point').count(), 4 * 4);
    assert.equal(await page.locator('#sweep-chart use.point[data-mode="free-threaded"][data-cores="4"]')
      .getAttribute('data-speedup'), free[1].toFixed(3));
    // The mode cards are Run every mode's; a sweep leaves them alone. The same seed, the same answer.
    assert.equal(await page.locator('.card').count(), 0);
    const first = await page.locator('#sweep-table').innerText();
    await page.locator('#sweep-cores').click();
    await page.locator('#core-sweep[data-run-state="running"]').waitFor();
    await page.locator('#core-sweep[data-run-state="idle"]').waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('#sweep-table').innerText(), first);
    // Edited code: the chart says it measured the code as it was.
    await page.locator('#program-source').fill(`${await source(page)}\n# edited\n`);
    await page.locator('#sweep-stale').waitFor();
    await page.close();
  });

  test('on one real core, free-threaded threads take turns, ready while the other runs', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    const cores = await page.evaluate(() => Math.min(navigator.hardwareConcurrency, 8));
    assert.ok(cores >= 2, 'the test machine has 2 cores or more');
    assert.equal(await page.locator('#real-cores').inputValue(), String(cores), 'all of them at first');
    await setRange(page, 'real-cores', 1);
    await page.locator('#real-cores-value', { hasText: `1 of ${cores}` }).waitFor();
    await chooseModes(page, ['sequential', 'free-threaded']);
    await runAndWait(page);
    assert.equal(await card(page, 'free-threaded').locator('.run-on').innerText(), '1 real core');
    const free = await spansOf(page, 'free-threaded');
    assert.ok(!crossTaskOverlap(free, 'running'), 'one core: never two threads running at once');
    assert.ok(free.some((span) => span.kind === 'ready'), 'a thread waited for the core');
    assert.equal(await page.locator('.results-head .legend li', { hasText: 'Ready, no free core' }).count(), 1);
    await page.close();
  });

  test('on real cores a sweep runs each mode on 1 to all of the browser\'s cores, each on the cores it asked for', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    assert.equal(await page.locator('#run-real').isChecked(), true);
    await setRange(page, 'tasks', 2);
    const cores = await page.evaluate((most) => Math.min(navigator.hardwareConcurrency, most), 8);
    await page.locator('#sweep-cores', { hasText: `Sweep 1–${cores} real cores` }).click();
    await page.locator('#core-sweep .sweep-progress', { hasText: /Sweeping: .* real cores? \(\d+ of \d+\)/ }).waitFor();
    await page.locator('#core-sweep[data-run-state="idle"] #sweep-table[data-cores-kind="real"]')
      .waitFor({ timeout: 120_000 });
    const counts = [];
    for (let n = 1; n < cores; n *= 2) counts.push(n);
    counts.push(cores);
    const heads = await page.locator('#sweep-table thead th').allInnerTexts();
    assert.deepEqual(heads, ['Mode', ...counts.map((n) => `${n} ${n === 1 ? 'core' : 'cores'}`)]);
    // Every point ran to the end, on the cores it asked for: the runner says so in its trace.
    for (const mode of ['threads', 'free-threaded', 'processes']) {
      for (const n of counts) {
        const cell = page.locator(`#sweep-table tr[data-mode="${mode}"] td[data-cores="${n}"]`);
        assert.ok(Number(await cell.getAttribute('data-speedup')) > 0, `${mode} on ${n}`);
        assert.equal(await cell.getAttribute('data-ran-on'), String(n), `${mode} on ${n}`);
      }
    }
    assert.match(await page.locator('#sweep-table caption').innerText(), /real cores/);
    assert.equal(await page.locator('#sweep-chart text', { hasText: 'real cores' }).count(), 1);
    await page.close();
  });
});
