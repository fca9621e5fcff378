// The quiz in headless Chromium: predict, then run, then the verdict against what was
// measured; answers kept across reloads; quiz files and addresses, good and malformed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPlayground, setUpPlayground } from '../support/browser.mjs';

const env = setUpPlayground({ isolated: true });

async function openQuiz(page) {
  await page.locator('#quiz > summary').click();
  await page.locator('#quiz-title').waitFor();
}

/** Shows the question whose text matches `text`, through the question select. */
async function goToQuestion(page, text) {
  const options = await page.locator('#quiz-question option').count();
  for (let i = 0; i < options; i++) {
    await page.locator('#quiz-question').selectOption(String(i));
    if ((await page.locator('.quiz-question legend').textContent()).includes(text)) return;
  }
  throw new Error(`no question says ${text}`);
}

// A submitted prediction is applied in a task after the click's (the page starts runs that
// way), so the verdict is awaited, not read at once.
async function verdict(page) {
  const region = page.locator('#quiz-verdict');
  await region.filter({ hasText: /^(Right|Not quite)\./ }).waitFor();
  return region.innerText();
}

describe('the quiz', () => {
  test('a wrong prediction is marked, explained, and remembered after a reload', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await openQuiz(page);
    await goToQuestion(page, 'What does the GIL guarantee?');
    assert.equal(await page.locator('#quiz-submit').isDisabled(), true, 'nothing picked yet');
    // The choices are a radio group: arrow keys move between them.
    await page.locator('#quiz-choice-0').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#quiz-choice-2').isChecked(), true);
    await page.locator('#quiz-submit').click();
    const text = await verdict(page);
    assert.match(text, /^Not quite\. You predicted “A process only ever has one thread”\./);
    assert.match(text, /one lock per interpreter/);
    assert.match(await page.locator('label[for="quiz-choice-0"]').innerText(), /the answer/);
    assert.match(await page.locator('label[for="quiz-choice-2"]').innerText(), /your prediction/);
    assert.equal(await page.locator('#quiz-choice-0').isDisabled(), true, 'an answer is final');
    assert.match(await page.locator('#quiz > summary').innerText(), /1 of 14 answered, 0 right/);

    await page.reload();
    await page.locator('.status', { hasText: 'Ready:' }).waitFor();
    assert.match(await page.locator('#quiz > summary').innerText(), /1 of 14 answered, 0 right/);
    await openQuiz(page);
    await goToQuestion(page, 'What does the GIL guarantee?');
    assert.match(await verdict(page), /^Not quite\./);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a prediction runs the question’s workload and is checked against the measured run', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await openQuiz(page);
    await goToQuestion(page, 'Four tasks each wait 200 ms');
    await page.locator('label[for="quiz-choice-1"]').click();
    const before = Number(await page.locator('main.layout').getAttribute('data-completed-runs'));
    await page.locator('#quiz-submit').click();
    await page.waitForFunction((n) => Number(document.querySelector('main.layout').dataset.completedRuns) > n,
      before, { timeout: 60_000 });
    // The workload went into the workbench: the lesson, and only the modes the question compares.
    assert.equal(await page.locator('#preset').inputValue(), 'io-threads');
    assert.match(await page.locator('#program-source').inputValue(), /time\.sleep\(IO_WAIT\)/);
    assert.equal(await page.locator('#mode-asyncio').isChecked(), false);
    assert.deepEqual(
      await page.locator('.card').evaluateAll((cards) => cards.map((card) => card.dataset.mode)),
      ['sequential', 'threads'],
    );
    const text = await verdict(page);
    assert.match(text, /^Right\. You predicted “About 200 ms: the four waits overlap”\./);
    assert.match(text, /This run measured: “About 200 ms: the four waits overlap” \(One after another \d+ ms, Threads \(GIL\) \d+ ms\)\./);
    // The explanation points at the timeline that shows it.
    await page.locator('.look-at').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'card-threads');
    assert.equal(new URL(page.url()).hash, '', 'the address keeps no stray fragment');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('quiz files and addresses: the seeds’ shape loads, a malformed one names its field', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await openQuiz(page);
    await page.locator('.quiz-source > summary').click();
    const upload = (name, json) => page.locator('#quiz-file').setInputFiles({
      name, mimeType: 'application/json', buffer: Buffer.from(json),
    });

    await upload('broken.json', JSON.stringify([{ q: 'Why?', choices: ['a', 'b'], answer: 5, explain: 'x' }]));
    await page.locator('#quiz-problem').waitFor();
    assert.equal(
      await page.locator('#quiz-problem').textContent(),
      'The quiz file broken.json could not be used: `questions[0].answer` is 5, but choices count from 0 to 1. '
        + 'The built-in quiz stays open.',
    );
    assert.equal(await page.locator('#quiz-title').textContent(), 'The GIL, threads, processes and asyncio');
    await upload('cut.json', '{"questions": [{"q": "Why?"');
    await page.locator('#quiz-problem', { hasText: 'is the file cut short?' }).waitFor();

    const seeds = [
      { q: 'Which tool fits waiting on 200 downloads?', choices: ['processes', 'threads'], answer: 1, explain: 'Waits overlap.' },
      { q: 'Second?', choices: ['x', 'y'], answer: 0, explain: 'Because.' },
    ];
    await upload('seeds.json', JSON.stringify(seeds));
    await page.locator('#quiz-title', { hasText: /^Quiz$/ }).waitFor();
    assert.equal(await page.locator('#quiz-problem').count(), 0);
    assert.equal(await page.locator('.quiz-question legend').textContent(), seeds[0].q);
    assert.equal(await page.locator('#quiz-question option').count(), 2);

    // By address: fetched by the page; the share link then carries the address and the question.
    await page.route('**/course/quiz.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ title: 'Course quiz', questions: seeds }) }));
    await page.locator('#quiz-url').fill(`${env.server.url}course/quiz.json`);
    await page.locator('.quiz-url button').click();
    await page.locator('#quiz-title', { hasText: 'Course quiz' }).waitFor();
    await page.locator('#quiz-next').click();
    await page.locator('.share summary').click();
    const link = await page.locator('#share-link').inputValue();
    await page.locator('#quiz-url').fill(`${env.server.url}missing.json`);
    await page.locator('.quiz-url button').click();
    await page.locator('#quiz-problem', { hasText: 'its server answered 404' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();

    const opened = await env.browser.newPage();
    await opened.route('**/course/quiz.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ title: 'Course quiz', questions: seeds }) }));
    await opened.goto(link);
    await opened.locator('#quiz-title', { hasText: 'Course quiz' }).waitFor();
    assert.equal(await opened.locator('.quiz-question legend').textContent(), 'Second?');
    await opened.close();
  });
});
