// The benchmark's browser half. Reads the native measurements (one JSON object a line, from
// `cargo xtask bench-native`), runs the same scenarios in the release build in headless
// Chromium, and prints one table; with a second argument it also writes that table there.
// It prints ratios measured in this one run; it never fails on a number.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';

import { serveDist } from '../support/server.mjs';
import {
  chooseModes, launchChromium, openPlayground, runAndWait, runProgram, setRange,
} from '../support/browser.mjs';

const [nativeFile, outputFile, vmTableFile] = process.argv.slice(2);
const REPEATS = 3;
const DIST = resolve(import.meta.dirname, '../../dist');

const native = (await readFile(nativeFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
const scenarios = [...new Map(native.map((row) => [row.scenario, row])).values()];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function browserRows() {
  const server = await serveDist({ isolated: true });
  const browser = await launchChromium();
  const rows = [];
  try {
    const { page } = await openPlayground(browser, server.url);
    await chooseModes(page, ['sequential', 'parallel', 'single-lock']);
    for (const scenario of scenarios) {
      await page.locator(`#kind-${scenario.kind}`).check();
      await setRange(page, 'tasks', scenario.tasks);
      await setRange(page, 'cores', scenario.cores);
      await setRange(page, 'work', Math.max(1, scenario.work_mops));
      await setRange(page, 'io-wait', scenario.io_ms);
      const walls = { sequential: [], parallel: [], 'single-lock': [] };
      await runAndWait(page); // warm-up
      for (let i = 0; i < REPEATS; i++) {
        await runAndWait(page);
        for (const mode of Object.keys(walls)) {
          walls[mode].push(Number(await page.locator(`.card[data-mode="${mode}"]`).getAttribute('data-wall-ms')));
        }
      }
      for (const [mode, values] of Object.entries(walls)) {
        rows.push({ where: 'browser', scenario: scenario.scenario, mode, tasks: scenario.tasks,
          cores: mode === 'sequential' ? 1 : scenario.cores, wall_ms: median(values) });
      }
    }
    const version = browser.version();
    return { rows, version };
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
  return { page: await measure(page), runner: await measure(runner) };
}

const { rows: browser, version } = await browserRows();
const sizes = await bundleSizes();
const vmRows = await pageVmRows();
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const wall = (rows, scenario, mode) => rows.find((r) => r.scenario === scenario && r.mode === mode)?.wall_ms;

const lines = [];
lines.push('| scenario | mode | tasks | cores | native wall | native speedup | browser wall | browser speedup |');
lines.push('|---|---|---:|---:|---:|---:|---:|---:|');
for (const scenario of scenarios) {
  for (const mode of ['sequential', 'parallel', 'single-lock']) {
    const n = wall(native, scenario.scenario, mode);
    const b = wall(browser, scenario.scenario, mode);
    const ns = wall(native, scenario.scenario, 'sequential') / n;
    const bs = wall(browser, scenario.scenario, 'sequential') / b;
    const label = scenario.kind === 'cpu' ? `CPU, ${scenario.work_mops} M ops each` : `I/O, ${scenario.io_ms} ms each`;
    lines.push(`| ${label} | ${mode} | ${scenario.tasks} | ${mode === 'sequential' ? 1 : scenario.cores} | `
      + `${n.toFixed(1)} ms | ${ns.toFixed(2)}x | ${b.toFixed(1)} ms | ${bs.toFixed(2)}x |`);
  }
}
lines.push('');
lines.push('| release bundle | raw | gzip |');
lines.push('|---|---:|---:|');
lines.push(`| page (wasm, JS, CSS, HTML) | ${kb(sizes.page.raw)} | ${kb(sizes.page.gzip)} |`);
lines.push(`| runner worker (wasm, JS) | ${kb(sizes.runner.raw)} | ${kb(sizes.runner.gzip)} |`);
lines.push('');
lines.push('| VM program | native gilpy | in the page | native time / page time |');
lines.push('|---|---:|---:|---:|');
for (const row of vmRows) {
  lines.push(`| ${row.name} | ${row.native.toFixed(3)} s | ${row.page.toFixed(3)} s | ${(row.native / row.page).toFixed(2)}x |`);
}
const table = lines.join('\n');

const cpuSeq = wall(browser, 'cpu', 'sequential');
const targets = [
  `- Parallel CPU speedup on 2 cores (target at least 1.8x): native ${(wall(native, 'cpu', 'sequential') / wall(native, 'cpu', 'parallel')).toFixed(2)}x, browser ${(cpuSeq / wall(browser, 'cpu', 'parallel')).toFixed(2)}x.`,
  `- Single-lock CPU against sequential (target within 15%): native ${(wall(native, 'cpu', 'single-lock') / wall(native, 'cpu', 'sequential')).toFixed(2)}x, browser ${(wall(browser, 'cpu', 'single-lock') / cpuSeq).toFixed(2)}x the sequential time.`,
  `- Two I/O tasks under the single lock (target about one wait, ${scenarios.find((s) => s.kind === 'io')?.io_ms} ms): native ${wall(native, 'io', 'single-lock').toFixed(1)} ms, browser ${wall(browser, 'io', 'single-lock').toFixed(1)} ms.`,
  `- The VM in the page's workers against native \`gilpy\` (target at least 0.7x): ${vmRows.map((row) => `${row.name} ${(row.native / row.page).toFixed(2)}x`).join(', ')}.`,
].join('\n');

console.log(`\n${table}\n\n${targets}\n`);

if (outputFile) {
  const rustc = execFileSync('rustc', ['--version']).toString().trim();
  const doc = `# Benchmarks

Made by \`./dev bench\`, which prints the same table. Each figure is the median of ${REPEATS} runs after a
warm-up, native (\`cargo xtask bench-native\`, std threads) and in the page (release build in headless
Chromium, the runner's rayon pool of web workers). Speedup is sequential wall time over the mode's, both
measured in the same run. These machines are noisy: read the ratios, not the milliseconds.

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
