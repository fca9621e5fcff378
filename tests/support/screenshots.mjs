// Takes the README's screenshots: the seed benchmark after Run every mode, at desktop and phone
// widths, in the light and dark themes, and a quiz question after a wrong prediction. Run after
// a release build: node tests/support/screenshots.mjs
import { resolve } from 'node:path';

import { launchChromium, openPlayground, runAndWait } from './browser.mjs';
import { serveDist } from './server.mjs';

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
} finally {
  await browser.close();
  await server.close();
}
