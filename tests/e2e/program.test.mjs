// The program panel in headless Chromium: Python written in the editor runs on the runner's pool
// of web workers (threads as real workers under the GIL), its output matches CPython's, errors
// are marked where they happened, and Stop interrupts a runaway program.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { crossTaskOverlap, openPlayground, runProgram, setUpPlayground } from '../support/browser.mjs';

const env = setUpPlayground({ isolated: true });

/** Replaces the editor's text as typing would (an `input` event on the textarea). */
async function setSource(page, source) {
  await page.locator('#program-source').fill(source);
}

/** What CPython prints for `source`, run from a file (spawned processes re-import it). */
function cpython(source) {
  const dir = mkdtempSync(join(tmpdir(), 'gilpy-e2e-'));
  try {
    writeFileSync(join(dir, 'main.py'), source);
    return execFileSync('python3', [join(dir, 'main.py')], { encoding: 'utf8', timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const THREADS_AND_QUEUE = `import threading, queue

results = queue.Queue()

def worker(n):
    total = sum(i * i for i in range(n))
    results.put((n, total, threading.current_thread().name))

threads = [threading.Thread(target=worker, args=(n,), name=f"worker-{n}") for n in (10, 2000, 30000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n, total, name in sorted(results.get() for _ in threads):
    print(f"{name}: sum of squares below {n:,} = {total:,}")
print("threads alive:", threading.active_count())
`;

describe('your Python, in the page', () => {
  test('threads run on web workers and print what CPython prints', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    await setSource(page, THREADS_AND_QUEUE);
    for (const python of ['3.13', '3.13t', '3.9']) {
      const run = await runProgram(page, { python });
      assert.equal(run.stderr, '', python);
      assert.equal(run.exitCode, 0);
      assert.equal(run.stdout, cpython(THREADS_AND_QUEUE), python);
      assert.match(run.status, /^Finished in/);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('processes are separate interpreters on workers, and print what CPython prints', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    const source = `import multiprocessing, os

def square(n):
    return n * n

def child_pid(_):
    return os.getpid()

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")  # what the page teaches; Linux's CPython forks
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print("children have their own pids:", os.getpid() not in set(pool.map(child_pid, range(8))))
`;
    await setSource(page, source);
    const run = await runProgram(page, { python: '3.13' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, cpython(source));
    const rows = await page.locator('.program-timeline .timeline-row .row-label').allTextContents();
    assert.ok(rows.filter((row) => row.startsWith('SpawnPoolWorker')).length === 2, rows.join(', '));
    await page.close();
  });

  test('under the GIL of 3.13, counter += 1 from two threads loses nothing', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, `import threading
counter = 0
def add():
    global counter
    for _ in range(100_000):
        counter += 1
threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
`);
    const run = await runProgram(page, { python: '3.13' });
    assert.equal(run.stdout, '200000\n');
    await page.close();
  });

  test('the timeline shows threads taking turns under the GIL and running at once without it', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, `import threading
def count(n):
    while n > 0:
        n -= 1
threads = [threading.Thread(target=count, args=(400_000,), name=f"counter-{i}") for i in range(2)]
for t in threads: t.start()
for t in threads: t.join()
`);
    const spans = () => page.locator('.program-timeline rect.span').evaluateAll((rects) =>
      rects.map((rect) => ({
        task: Number(rect.dataset.task),
        kind: rect.dataset.kind,
        start: Number(rect.dataset.startUs),
        end: Number(rect.dataset.endUs),
      })));
    await runProgram(page, { python: '3.13' });
    assert.deepEqual(await page.locator('.program-timeline .timeline-row .row-label').allTextContents(),
      ['MainThread', 'counter-0', 'counter-1']);
    const gil = (await spans()).filter((span) => span.task > 0);
    assert.ok(!crossTaskOverlap(gil, 'running'), 'under the GIL one thread runs at a time');
    assert.ok(gil.some((span) => span.kind === 'waiting-for-lock'), 'and the other waits for it');
    await runProgram(page, { python: '3.13t' });
    const free = (await spans()).filter((span) => span.task > 0);
    assert.ok(crossTaskOverlap(free, 'running'), 'free-threaded, both run at once');
    assert.ok(!free.some((span) => span.kind === 'waiting-for-lock'), 'with no GIL to wait for');
    await page.close();
  });

  test('a syntax error is reported with its line and column, and nothing runs', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, 'print("before")\nfor i in range(3)\n    print(i)\n');
    const run = await runProgram(page);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /File "main.py", line 2\n.*for i in range\(3\)\n.*\^\nSyntaxError: expected ':'/);
    assert.match(run.status, /did not compile: line 2, column \d+/);
    assert.equal(await page.locator('.gutter .error-line').innerText(), '2');
    await page.close();
  });

  test('the editor colours code with the VM\'s tokenizer and marks a syntax error before running', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    const source = 'import time  # waits\n\ndef nap(seconds=0.5):\n    time.sleep(seconds)\n    print(f"slept {seconds}", None)\n';
    await setSource(page, source);
    const colour = (cls) => page.locator(`#program-highlighted .tok-${cls}`).allInnerTexts();
    await page.locator('#program-highlighted .tok-definition', { hasText: 'nap' }).waitFor();
    assert.deepEqual(await colour('keyword'), ['import', 'def']);
    assert.deepEqual(await colour('comment'), ['# waits']);
    assert.deepEqual(await colour('number'), ['0.5']);
    assert.deepEqual(await colour('builtin'), ['print']);
    assert.deepEqual(await colour('constant'), ['None']);
    assert.deepEqual(await colour('string'), ['f"slept ', '"']);
    // The coloured copy holds the same text, laid out exactly under the textarea.
    assert.equal(await page.locator('#program-highlighted').textContent(), `${source}\n`);
    const box = async (selector) => page.locator(selector).boundingBox();
    const [under, over] = [await box('#program-highlighted'), await box('#program-source')];
    assert.deepEqual([under.x, under.y, under.height], [over.x, over.y, over.height]);

    // A syntax error shows while typing, where CPython puts it, before anything runs.
    const broken = 'print("before")\nfor i in range(3)\n    print(i)\n';
    await setSource(page, broken);
    const problem = page.locator('#syntax-problem');
    await problem.waitFor();
    const expected = JSON.parse(execFileSync('python3', ['-c',
      'import json, sys\ntry:\n    compile(sys.argv[1], "main.py", "exec")\nexcept SyntaxError as e:\n    print(json.dumps([e.lineno, e.offset, e.msg]))',
      broken], { encoding: 'utf8' }));
    assert.deepEqual(
      [Number(await problem.getAttribute('data-line')), Number(await problem.getAttribute('data-column'))],
      expected.slice(0, 2));
    assert.match(await problem.innerText(), new RegExp(`SyntaxError: ${expected[2]} \\(line 2, column \\d+\\)`));
    assert.equal(await page.locator('.gutter .error-line').innerText(), '2');
    assert.equal(await page.locator('#program-source').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.syntax-error-mark').count(), 1);
    assert.equal(await page.locator('#program-output').count(), 0, 'nothing ran');
    // Mended, the error goes.
    await setSource(page, broken.replace('range(3)', 'range(3):'));
    await problem.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.gutter .error-line').count(), 0);
    await page.close();
  });

  test('\\N{...} names load on first use, not with the page, and read as CPython reads them', async () => {
    const { page, errors } = await openPlayground(env.browser, env.server.url);
    const fetched = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/unicode-names.txt')) fetched.push(request.url());
    });
    await runProgram(page);
    assert.deepEqual(fetched, [], 'a program without \\N{...} does not fetch the names');
    // Read on a worker thread too: the pool shares the table the runner installed.
    const source = String.raw`import threading
names = "\N{BLACK STAR}\N{latin small letter a with grave}\N{CJK UNIFIED IDEOGRAPH-4E00}"
def show(more):
    print([hex(ord(c)) for c in names + more], "\N{SNOWMAN}")
t = threading.Thread(target=show, args=("\N{HANGUL SYLLABLE GAG}\N{NBSP}\N{LINE FEED}",))
t.start()
t.join()
`;
    await setSource(page, source);
    const run = await runProgram(page);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, cpython(source));
    assert.equal(fetched.length, 1, 'the names are fetched once');
    await setSource(page, 'print("\\N{NOT A CHARACTER NAME}")\n');
    const misspelt = await runProgram(page);
    assert.equal(misspelt.exitCode, 1);
    assert.match(misspelt.stderr, /SyntaxError: .*unknown Unicode character name/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an uncaught exception prints the traceback and marks its line', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    const source = 'def ratio(a, b):\n    return a / b\n\nprint("start")\nprint(ratio(1, 0))\n';
    await setSource(page, source);
    const run = await runProgram(page);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, 'start\n');
    assert.match(run.stderr, /line 5, in <module>[\s\S]*line 2, in ratio[\s\S]*ZeroDivisionError: division by zero\n$/);
    assert.equal(await page.locator('.gutter .error-line').innerText(), '2');
    await page.close();
  });

  test('a deadlock on real workers is reported with what each thread waits for, and the run ends', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, `import threading
a, b = threading.Lock(), threading.Lock()
both = threading.Barrier(2)
def grab(first, second):
    with first:
        both.wait()
        with second:
            pass
t = threading.Thread(target=grab, args=(b, a), name="worker")
t.start()
grab(a, b)
`);
    const run = await runProgram(page);
    assert.equal(run.exitCode, 1);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines[0], 'Deadlock: every thread waits for something no other thread will do.');
    assert.deepEqual(lines.slice(1).map((line) => line.trim()).sort(), [
      'MainThread waits for a lock (line 7)',
      'worker waits for a lock (line 7)',
    ]);
    // Every worker was released: the next program runs.
    await setSource(page, 'print(6 * 7)\n');
    assert.equal((await runProgram(page)).stdout, '42\n');
    await page.close();
  });

  test('Stop interrupts a runaway program and its threads, and the page stays responsive', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, `import threading
def spin():
    while True:
        pass
threading.Thread(target=spin, daemon=True).start()
print("spinning", flush=True)
while True:
    pass
`);
    await page.locator('#run-program').click();
    await page.locator('#program-output', { hasText: 'spinning' }).waitFor({ timeout: 20_000 });
    // The main thread answers while two workers compute.
    const echoed = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve('frame'))));
    assert.equal(echoed, 'frame');
    await page.locator('#stop-program').click();
    await page.locator('.program-status', { hasText: 'Stopped after' }).waitFor({ timeout: 5_000 });
    assert.match(await page.locator('#program-output .stderr').innerText(), /KeyboardInterrupt\n$/);
    // The pool is free again: the next program runs.
    await setSource(page, 'print(6 * 7)\n');
    const run = await runProgram(page);
    assert.equal(run.stdout, '42\n');
    await page.close();
  });

  test('a program that fills the memory ends in a clear message, and a new runner runs the next one', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    // About 1.6 MB a step: the 1 GB the workers share is full in well under a minute.
    await setSource(page, 'hoard = []\nwhile True:\n    hoard.append([0] * 200_000)\n');
    await page.locator('#run-program').click();
    const status = page.locator('.program-status', { hasText: 'did not finish' });
    await status.waitFor({ timeout: 90_000 });
    assert.match(await status.innerText(),
      /^The run did not finish \(the program ran out of memory: the \d+ MB the page's workers share are full, and it asked for [\d.]+ MB more\)\.$/);
    assert.match(await page.locator('.status .error').innerText(), /^The runner stopped \(the program ran out of memory/);
    await page.locator('.status', { hasText: 'Ready:' }).waitFor({ timeout: 30_000 });
    await setSource(page, 'print(6 * 7)\n');
    assert.equal((await runProgram(page)).stdout, '42\n');
    await page.close();
  });

  test('Stop replaces a runner that does not answer, and the page goes on', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, 'while True:\n    pass\n');
    await page.locator('#run-program').click();
    await page.locator('.program-status', { hasText: 'Running' }).waitFor();
    // Hang the runner's own thread, as a wait that never checks for Stop would.
    const runner = page.workers().find((worker) => worker.url().endsWith('/runner/runner.js'));
    await runner.evaluate(() => { setTimeout(() => { for (;;) { /* hung */ } }, 0); });
    await page.locator('#stop-program').click();
    const lost = page.locator('.program-status', { hasText: 'did not finish' });
    await lost.waitFor({ timeout: 10_000 });
    assert.equal(await lost.innerText(), 'The run did not finish (it did not answer Stop within 2 s).');
    await page.locator('.status', { hasText: 'Ready:' }).waitFor({ timeout: 30_000 });
    await setSource(page, 'print("again")\n');
    assert.equal((await runProgram(page)).stdout, 'again\n');
    await page.close();
  });

  test('Tab indents, Shift+Tab dedents, and undo takes both back', async () => {
    const { page } = await openPlayground(env.browser, env.server.url);
    await setSource(page, 'if True:\nprint(1)\n');
    const editor = page.locator('#program-source');
    await editor.evaluate((area) => area.setSelectionRange(9, 9)); // start of line 2
    await editor.press('Tab');
    assert.equal(await editor.inputValue(), 'if True:\n    print(1)\n');
    await editor.press('Shift+Tab');
    assert.equal(await editor.inputValue(), 'if True:\nprint(1)\n');
    await editor.press('Control+z');
    await editor.press('Control+z');
    assert.equal(await editor.inputValue(), 'if True:\nprint(1)\n');
    await editor.press('Tab');
    assert.equal(await editor.inputValue(), 'if True:\n    print(1)\n');
    await editor.press('Control+z');
    assert.equal(await editor.inputValue(), 'if True:\nprint(1)\n');
    // Escape, then Tab, moves focus on instead of indenting.
    await editor.press('Escape');
    await editor.press('Tab');
    assert.equal(await editor.inputValue(), 'if True:\nprint(1)\n');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'program-source');
    await page.close();
  });
});
