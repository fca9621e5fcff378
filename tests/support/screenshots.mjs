// Takes the README's screenshots: the seed benchmark after Run every mode and a core sweep, at desktop and phone
// widths, in the light and dark themes, and a quiz question after a wrong prediction. Run after
// a release build: node tests/support/screenshots.mjs
import { resolve } from 'node:path';

import { launchChromium, openPlayground, runAndWait } from './browser.mjs';
import { serveCoursePage, serveDist } from './server.mjs';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const server = await serveDist({ isolated: true });
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark']) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const { page } = await openPlayground(browser, server.url);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await runAndWait(page);
      await page.locator('#sweep-cores').click();
      await page.locator('#core-sweep[data-run-state="idle"] #sweep-table').waitFor({ timeout: 120_000 });
      const path = `${OUT}/playground-${name}-${scheme}.png`;
      await page.screenshot({ path, fullPage: true });
      console.log(`wrote ${path}`);
      await page.close();
    }
    // A quiz after a wrong prediction: the learner expects threads to take four waits' time.
    const { page } = await openPlayground(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.locator('#quiz > summary').click();
    await page.locator('#quiz-next').click();
    await page.locator('label[for="quiz-choice-0"]').click();
    await page.locator('#quiz-submit').click();
    await page.locator('.quiz-verdict .explain').waitFor({ timeout: 60_000 });
    const path = `${OUT}/quiz-wrong-prediction-${scheme}.png`;
    await page.screenshot({ path, fullPage: true });
    console.log(`wrote ${path}`);
    await page.close();
  }
  // Embedded in a course page on another site, with and without Document-Isolation-Policy.
  const course = await serveCoursePage();
  const plain = await serveDist({ isolated: true, documentIsolation: false });
  for (const [name, playground] of [['isolated', server], ['not-isolated', plain]]) {
    const page = await browser.newPage();
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(`${course.url}?src=${encodeURIComponent(`${playground.url}?embed`)}`);
    const frame = page.frames().find((f) => f.url().startsWith(playground.url));
    // Ready to run (on real cores, or to simulate), with the code coloured.
    await frame.locator('.status', { hasText: /Ready( to simulate)?:/ }).waitFor({ timeout: 30_000 });
    await frame.locator('#program-highlighted .tok-keyword').first().waitFor();
    const path = `${OUT}/embedded-${name}.png`;
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await page.close();
  }
  await course.close();
  await plain.close();
} finally {
  await browser.close();
  await server.close();
}
