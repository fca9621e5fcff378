//! Process pools whose workers die. Under spawn (the start method gilpy has, and CPython's on
//! macOS and Windows) a function defined only under the main guard cannot be found in the
//! child; CPython's ProcessPoolExecutor then breaks with BrokenProcessPool rather than waiting
//! forever. The parity programs cannot show it: CPython on Linux forks, where the child has it.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_vm::version::PythonVersion;

#[test]
fn a_process_pool_executor_breaks_when_a_worker_dies() {
    let source = "from concurrent.futures import ProcessPoolExecutor\n\
                  import math\n\
                  if __name__ == '__main__':\n    \
                      def hidden(x):\n        return x\n    \
                      with ProcessPoolExecutor(2) as executor:\n        \
                          print(list(executor.map(math.sqrt, [16])))\n        \
                          try:\n            \
                              print(list(executor.map(hidden, [1])))\n        \
                          except Exception as error:\n            \
                              print(type(error).__name__, type(error).__module__)\n";
    for version in [PythonVersion::V3_9, PythonVersion::V3_13, PythonVersion::V3_13t] {
        let program = gilpy_vm::compile(source, "pool.py", version).expect("compiles");
        let host = Arc::new(ThreadedHost::new());
        let outcome = gilpy_vm::run(&program, version, host.clone(), vec![]);
        let stdout = host.stdout.lock().unwrap().clone();
        let stderr = host.stderr.lock().unwrap().clone();
        assert_eq!(
            stdout, "[4.0]\nBrokenProcessPool concurrent.futures.process\n",
            "{version:?}: {stderr}"
        );
        assert!(stderr.contains("Can't get attribute 'hidden'"), "{version:?}: {stderr}");
        assert_eq!(outcome.exit_code, 0, "{version:?}");
    }
}
