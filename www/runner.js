// The runner worker's bootstrap: loads the threaded wasm build (made by `./dev build-runner`
// beside this file) and hands the page's messages to it. Everything else is in Rust
// (crates/gilpy-runner).
import init, { start_runner } from './gilpy_runner.js';

// Messages that arrive while the wasm module loads are kept and replayed.
const early = [];
self.onmessage = (event) => early.push(event);

try {
  await init();
  start_runner();
  for (const event of early) self.onmessage(event);
} catch (error) {
  self.postMessage(JSON.stringify({ type: 'unavailable', reason: `the runner could not start: ${error}` }));
}
