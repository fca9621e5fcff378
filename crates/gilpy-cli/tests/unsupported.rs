//! What gilpy lacks of a module it has says so by name, where CPython would have answered:
//! a NotImplementedError, not an AttributeError a learner would take for their own mistake.

use std::process::Command;

#[test]
fn a_missing_part_of_a_module_names_itself() {
    let dir = std::env::temp_dir().join(format!("gilpy-unsupported-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("program.py");
    let source = "import types\nprint(types.SimpleNamespace(a=1))\n\
                  try:\n    types.nothing\nexcept AttributeError as e:\n    print(e)\n\
                  from types import coroutine\n";
    std::fs::write(&program, source).unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_gilpy")).arg("run").arg(&program).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stdout, "namespace(a=1)\nmodule 'types' has no attribute 'nothing'\n");
    assert!(
        stderr.ends_with("NotImplementedError: types.coroutine is not supported by gilpy yet\n"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1));
}
