// Debian's Chromium, driven by playwright-core (which never downloads a browser of its own).
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { serveDist } from './server.mjs';

// The network-quieting flags keep Chromium from calling out at start-up; this machine has no
// network, and refused connections slow everything down.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium. By default it compiles wasm eagerly with the optimising compiler
 * (`--no-wasm-dynamic-tiering`), so that timings measure optimised code from the first run, not
 * the baseline compiler's warm-up; `{ browserDefaults: true }` keeps the tiering a learner's
 * browser has, which is what the main thread's responsiveness must be measured with.
 */
export async function launchChromium({ browserDefaults = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    args: browserDefaults ? ARGS : [...ARGS, '--js-flags=--no-wasm-dynamic-tiering'],
  });
}

/** Sets a range input the way a user's drag does: a new value, then an `input` event. */
export async function setRange(page, id, value) {
  await page.locator(`#${id}`).evaluate((input, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Every span drawn in a result card's timeline, read back from the SVG. */
export async function spansOf(page, mode) {
  return page.locator(`.card[data-mode="${mode}"] rect.span`).evaluateAll((rects) =>
    rects.map((rect) => ({
      task: Number(rect.dataset.task),
      kind: rect.dataset.kind,
      start: Number(rect.dataset.startUs),
      end: Number(rect.dataset.endUs),
    })),
  );
}

/** Whether a span of `kind` in one task overlaps a span of `kind` in another. */
export function crossTaskOverlap(spans, kind) {
  const ofKind = spans.filter((span) => span.kind === kind);
  return ofKind.some((a) => ofKind.some((b) => a.task < b.task && a.start < b.end && b.start < a.end));
}

export const MODES = ['sequential', 'threads', 'free-threaded', 'processes', 'asyncio'];

/** Selects exactly these modes' checkboxes. */
export async function chooseModes(page, modes) {
  for (const mode of MODES) {
    await page.locator(`#mode-${mode}`).setChecked(modes.includes(mode));
  }
}

/** Opens the page, waits for the runner, and starts collecting main-thread long tasks. */
export async function openPlayground(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.locator('.status', { hasText: /Ready( to simulate)?:/ }).waitFor({ timeout: 30_000 });
  return { page, errors };
}

/**
 * Presses Run every mode and waits until that run has ended (finished, stopped or crashed). It waits with a
 * MutationObserver inside the page rather than Playwright's polling, which would wake the main
 * thread every frame and take CPU from the workers being measured.
 */
export async function runAndWait(page, { timeout = 60_000 } = {}) {
  const before = Number(await page.locator('main.layout').getAttribute('data-completed-runs'));
  const ended = page.evaluate(({ before, timeout }) => new Promise((resolve, reject) => {
    const main = document.querySelector('main.layout');
    const done = () => Number(main.dataset.completedRuns) > before;
    const timer = setTimeout(() => reject(new Error(`the run did not end within ${timeout} ms`)), timeout);
    new MutationObserver((_, observer) => {
      if (done()) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    }).observe(main, { attributes: true, attributeFilter: ['data-completed-runs'] });
  }), { before, timeout });
  await page.locator('form.controls button.run').click();
  await ended;
}

/** Presses Run program and waits (with a MutationObserver, not polling) until the run ends. */
export async function runProgram(page, { python = '3.13', timeout = 60_000 } = {}) {
  await page.locator('#python-version').selectOption(python);
  const ended = page.evaluate((timeout) => new Promise((resolve, reject) => {
    const panel = document.querySelector('.program');
    const timer = setTimeout(() => reject(new Error(`the program did not end within ${timeout} ms`)), timeout);
    new MutationObserver((_, observer) => {
      if (panel.dataset.runState === 'idle' && panel.querySelector('.program-status[data-exit-code]')) {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
    }).observe(panel, { attributes: true, subtree: true, attributeFilter: ['data-run-state', 'data-exit-code'] });
  }), timeout);
  await page.locator('#run-program').click();
  await ended;
  return {
    exitCode: Number(await page.locator('.program-status').getAttribute('data-exit-code')),
    status: await page.locator('.program-status').innerText(),
    stdout: (await page.locator('#program-output span:not(.stderr)').allTextContents()).join(''),
    stderr: (await page.locator('#program-output span.stderr').allTextContents()).join(''),
    wallUs: Number(await page.locator('.program-status').getAttribute('data-wall-us')),
  };
}

/**
 * For a test file: serves dist/ (with or without isolation headers) and launches Chromium
 * before its tests, and closes both after. `server` and `browser` are set once `before` ran.
 */
export function setUpPlayground({ isolated }) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveDist({ isolated });
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
