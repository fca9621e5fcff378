//! Imports of modules gilpy lacks are refused before the program runs (it would otherwise run
//! up to the import and stop where CPython goes on), except where the program guards them.

use gilpy_vm::version::PythonVersion;

/// The refusal's line, column and message, or None when the program compiles.
fn refusal(source: &str) -> Option<(u32, u32, String)> {
    let error = gilpy_vm::compile(source, "prog.py", PythonVersion::V3_13).err()?;
    Some((error.line, error.column, error.message))
}

#[test]
fn a_missing_module_is_named_with_its_line_and_column() {
    let (line, column, message) = refusal("print('start')\nimport decimal\n").expect("refused");
    assert_eq!((line, column), (2, 8));
    assert!(message.starts_with("the module 'decimal' is not supported by gilpy yet (it has abc,"));
    assert!(
        message.contains(" threading, time, timeit, traceback, types, typing, warnings)"),
        "{message}"
    );

    // In a function that may never run, and in `from ... import`, as well.
    let (line, column, message) =
        refusal("def f():\n    from decimal import Decimal\n").expect("refused");
    assert_eq!((line, column), (2, 10));
    assert!(message.starts_with("the module 'decimal' is not supported"), "{message}");

    // A missing submodule of a module gilpy has: no list, the package is there.
    let (_, _, message) = refusal("import json.tool\n").expect("refused");
    assert_eq!(message, "the module 'json.tool' is not supported by gilpy yet");
    assert_eq!(refusal("import os.path\nfrom os.path import join\n"), None);
}

#[test]
fn guarded_imports_run_and_fail_as_cpythons_would() {
    for handler in ["ImportError", "ModuleNotFoundError", "(ValueError, ImportError)", "Exception"]
    {
        let source = format!("try:\n    import numpy\nexcept {handler}:\n    numpy = None\n");
        assert_eq!(refusal(&source), None, "{handler}");
    }
    assert_eq!(refusal("try:\n    import numpy\nexcept:\n    pass\n"), None);
    // A handler for something else guards nothing.
    assert!(refusal("try:\n    import numpy\nexcept ValueError:\n    pass\n").is_some());
    // Nor does the handler's own body, or what follows the try.
    assert!(refusal("try:\n    pass\nexcept ImportError:\n    import numpy\n").is_some());
}

#[test]
fn every_module_gilpy_lists_can_be_imported() {
    for name in gilpy_vm::builtins::public_modules() {
        let source = format!("import {name}\n");
        assert_eq!(refusal(&source), None, "{name}");
    }
    assert_eq!(refusal("import builtins, sys\nfrom concurrent.futures import Future\n"), None);
}
