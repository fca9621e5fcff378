// The benchmark's browser half. Reads the native measurements (one JSON object a line, from
// `cargo xtask bench-workbench`: each scenario's program in every mode under native gilpy and
// CPython 3.13), runs the same scenarios in the release build in headless Chromium through the
// sliders and Run every mode, and prints one table; with a second argument it also writes that
// table there. It prints ratios measured in this one run; it never fails on a number.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';

import { serveDist } from '../support/server.mjs';
import {
  launchChromium, MODES, openPlayground, runAndWait, runProgram, setRange,
} from '../support/browser.mjs';

const [nativeFile, outputFile, vmTableFile] = process.argv.slice(2);
const REPEATS = 3;
const DIST = resolve(import.meta.dirname, '../../dist');

const native = (await readFile(nativeFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
const scenarios = [...new Map(native.map((row) => [row.scenario, row])).values()];

/** Each scenario in every mode in the page: best of three runs after a warm-up. */
async function browserRows() {
  const server = await serveDist({ isolated: true });
  const browser = await launchChromium();
  const rows = [];
  let longestTaskMs = null;
  try {
    const { page } = await openPlayground(browser, server.url);
    for (const scenario of scenarios) {
      await page.locator(`#kind-${scenario.kind}`).check();
      await setRange(page, 'tasks', scenario.tasks);
      await setRange(page, 'work', scenario.rounds);
      await setRange(page, 'io-wait', scenario.io_ms);
      const walls = Object.fromEntries(MODES.map((mode) => [mode, []]));
      await runAndWait(page, { timeout: 120_000 }); // warm-up
      // The main thread's longest task from load through the first full run of every mode.
      longestTaskMs ??= await page.evaluate(() => Math.max(0, ...window.__longTasks));
      for (let i = 0; i < REPEATS; i++) {
        await runAndWait(page, { timeout: 120_000 });
        for (const mode of MODES) {
          walls[mode].push(Number(await page.locator(`.card[data-mode="${mode}"]`).getAttribute('data-wall-ms')));
        }
      }
      for (const [mode, values] of Object.entries(walls)) {
        rows.push({ scenario: scenario.scenario, mode, page_ms: Math.min(...values) });
      }
    }
    const version = browser.version();
    return { rows, version, longestTaskMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The VM benchmark (`tests/bench/vm/*.py`) in the page's runner worker against native `gilpy`,
 * best of three each, in this one run: how much running in a web worker costs.
 */
async function pageVmRows() {
  const dir = resolve(import.meta.dirname, 'vm');
  const gilpy = resolve(import.meta.dirname, '../../target/release/gilpy');
  const programs = (await readdir(dir)).filter((name) => name.endsWith('.py')).sort();
  const server = await serveDist({ isolated: true });
  const browser = await launchChromium();
  const rows = [];
  try {
    const { page } = await openPlayground(browser, server.url);
    for (const name of programs) {
      const source = await readFile(join(dir, name), 'utf8');
      await page.locator('#program-source').fill(source);
      const inPage = [];
      for (let i = 0; i < 3; i++) {
        inPage.push((await runProgram(page, { timeout: 120_000 })).wallUs / 1e6);
      }
      const native = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        execFileSync(gilpy, ['run', join(dir, name)]);
        native.push((performance.now() - start) / 1e3);
      }
      rows.push({ name: name.replace(/\.py$/, ''), page: Math.min(...inPage), native: Math.min(...native) });
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The first load and the main thread, in Chromium as a learner has it (its default wasm tiering):
 * over 3 fresh page loads, the median time until the page is drawn and until the runner is ready,
 * and the longest main-thread task from load through a full run of every mode and a core sweep.
 */
async function mainThreadFigures() {
  const server = await serveDist({ isolated: true });
  const browser = await launchChromium({ browserDefaults: true });
  const drawn = [];
  const ready = [];
  let longestTaskMs = 0;
  try {
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
          .observe({ type: 'longtask', buffered: true });
        new MutationObserver((_, observer) => {
          if (document.getElementById('program-source')) {
            window.__drawnMs = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(server.url);
      await page.locator('.status', { hasText: 'Ready:' }).waitFor({ timeout: 30_000 });
      ready.push(await page.evaluate(() => performance.now()));
      drawn.push(await page.evaluate(() => window.__drawnMs));
      await runAndWait(page, { timeout: 120_000 });
      await page.locator('#sweep-cores').click();
      await page.locator('#core-sweep[data-run-state="idle"] #sweep-table').waitFor({ timeout: 120_000 });
      longestTaskMs = Math.max(longestTaskMs, await page.evaluate(() => Math.max(0, ...window.__longTasks)));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { drawnMs: median(drawn), readyMs: median(ready), longestTaskMs };
}

async function bundleSizes() {
  const files = async (dir) => (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && /\.(wasm|js|css|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  const measure = async (paths) => {
    let raw = 0;
    let gzip = 0;
    for (const path of paths) {
      const bytes = await readFile(path);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const all = await files(DIST);
  const runner = all.filter((path) => path.startsWith(join(DIST, 'runner')));
  const page = all.filter((path) => !runner.includes(path));
  // Fetched by the runner only when a program first uses a `\N{...}` escape.
  const names = await measure([join(DIST, 'runner', 'unicode-names.txt')]);
  return { page: await measure(page), runner: await measure(runner), names };
}

const { rows: browser, version, longestTaskMs } = await browserRows();
const sizes = await bundleSizes();
const vmRows = await pageVmRows();
const firstLoad = await mainThreadFigures();
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const find = (rows, scenario, mode) => rows.find((r) => r.scenario === scenario && r.mode === mode);
/** A time and its speedup against the same column's sequential time. */
const cell = (scenario, mode, rows, key) => {
  const time = find(rows, scenario, mode)?.[key];
  const sequential = find(rows, scenario, 'sequential')?.[key];
  return time == null ? '– | –' : `${time.toFixed(0)} ms | ${(sequential / time).toFixed(2)}x`;
};
const speedup = (scenario, mode, rows, key) => find(rows, scenario, 'sequential')?.[key] / find(rows, scenario, mode)?.[key];

const lines = [];
lines.push('| scenario | mode | CPython 3.13 | speedup | gilpy, native | speedup | gilpy, in the page | speedup |');
lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
for (const scenario of scenarios) {
  const label = scenario.kind === 'cpu'
    ? `${scenario.tasks} CPU tasks, ${scenario.rounds.toLocaleString('en')} rounds each`
    : `${scenario.tasks} I/O tasks, ${scenario.io_ms} ms each`;
  for (const mode of MODES) {
    lines.push(`| ${label} | ${mode} | ${cell(scenario.scenario, mode, native, 'cpython_ms')} | `
      + `${cell(scenario.scenario, mode, native, 'gilpy_ms')} | ${cell(scenario.scenario, mode, browser, 'page_ms')} |`);
  }
}
lines.push('');
lines.push('| release bundle | raw | gzip |');
lines.push('|---|---:|---:|');
lines.push(`| page (wasm, JS, CSS, HTML) | ${kb(sizes.page.raw)} | ${kb(sizes.page.gzip)} |`);
lines.push(`| runner worker (wasm, JS) | ${kb(sizes.runner.raw)} | ${kb(sizes.runner.gzip)} |`);
lines.push(`| not in the first load: Unicode names, fetched when a program first uses \`\\N{...}\` | ${kb(sizes.names.raw)} | ${kb(sizes.names.gzip)} |`);
lines.push('');
lines.push('| VM program | native gilpy | in the page | native time / page time |');
lines.push('|---|---:|---:|---:|');
for (const row of vmRows) {
  lines.push(`| ${row.name} | ${row.native.toFixed(3)} s | ${row.page.toFixed(3)} s | ${(row.native / row.page).toFixed(2)}x |`);
}
const table = lines.join('\n');

const x = (value) => `${value.toFixed(2)}x`;
// Browsers report only tasks of 50 ms or more ('longtask' entries): none is a pass, not 0 ms.
const longTask = (ms) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'no task of 50 ms or more');
const targets = [
  `- Free-threaded speedup of 2 CPU tasks (target at least 1.8x): native ${x(speedup('cpu', 'free-threaded', native, 'gilpy_ms'))}, page ${x(speedup('cpu', 'free-threaded', browser, 'page_ms'))}.`,
  `- Threads under the GIL against sequential (CPython: about 1x): CPython ${x(speedup('cpu', 'threads', native, 'cpython_ms'))}, native ${x(speedup('cpu', 'threads', native, 'gilpy_ms'))}, page ${x(speedup('cpu', 'threads', browser, 'page_ms'))}.`,
  `- Two I/O waits of ${scenarios.find((s) => s.kind === 'io')?.io_ms} ms in threads (target about one wait): page ${find(browser, 'io', 'threads').page_ms.toFixed(0)} ms, asyncio ${find(browser, 'io', 'asyncio').page_ms.toFixed(0)} ms.`,
  `- First load (target at most 400 KB gzip, all bytes): the page ${kb(sizes.page.gzip)}, and the runner worker, fetched beside it, ${kb(sizes.runner.gzip)}; together ${kb(sizes.page.gzip + sizes.runner.gzip)}.`,
  `- Time to interactive on localhost (target within 1 s; median of 3 loads, Chromium's default wasm tiering): drawn and editable at ${firstLoad.drawnMs.toFixed(0)} ms, the runner ready to run at ${firstLoad.readyMs.toFixed(0)} ms.`,
  `- The main thread's longest task from load through a full run of every mode and a core sweep (target at most 50 ms): ${longTask(firstLoad.longestTaskMs)} with Chromium's default wasm tiering, as learners have it; ${longTask(longestTaskMs)} in the tests' Chromium, which compiles all wasm with the optimising compiler up front (\`--no-wasm-dynamic-tiering\`).`,
  `- The VM in the page's workers against native \`gilpy\` (target at least 0.7x): ${vmRows.map((row) => `${row.name} ${(row.native / row.page).toFixed(2)}x`).join(', ')}.`,
].join('\n');

console.log(`\n${table}\n\n${targets}\n`);

if (outputFile) {
  const rustc = execFileSync('rustc', ['--version']).toString().trim();
  const doc = `# Benchmarks

Made by \`./dev bench\`, which prints the same table. The first table runs the programs the page derives
for each mode from the sliders' code (\`gilpy-variants\`): under CPython 3.13 and native \`gilpy\` as
processes (\`cargo xtask bench-workbench\`, interpreter start-up included), and in the page (release build
in headless Chromium, the runner's pool of web workers, through the sliders and Run every mode). Each figure
is the best of ${REPEATS} runs (after a warm-up in the page). Speedup is the sequential time over the mode's,
in the same column of the same run. CPython here has no free-threaded build. These machines are noisy:
read the ratios, not the milliseconds.

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model?.trim()}), Chromium ${version}, ${rustc}.

${table}

${targets}
${vmTableFile ? `
## The Python VM against CPython

\`cargo xtask bench-vm\`: each program in \`tests/bench/vm/\` under the release \`gilpy\` and CPython 3.13, best
of three wall times each, in the same run. The target is a ratio of at least 1.0 (as fast as CPython).

${(await readFile(vmTableFile, 'utf8')).trim()}
` : ''}`;
  await writeFile(outputFile, doc);
  console.log(`wrote ${outputFile}`);
}
