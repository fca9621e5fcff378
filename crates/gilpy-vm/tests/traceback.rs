//! Tracebacks as each CPython version prints them: which functions appear and at which lines,
//! and (3.11+) the carets under the expression that raised.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_vm::version::PythonVersion;

/// What running `source` (as `tb.py`) prints on stderr; it must end in an exception.
fn stderr(source: &str, version: PythonVersion) -> String {
    let program = gilpy_vm::compile(source, "tb.py", version).expect("compiles");
    let host = Arc::new(ThreadedHost::new());
    let outcome = gilpy_vm::run(&program, version, host.clone(), vec![]);
    assert_eq!(outcome.exit_code, 1);
    let stderr = host.stderr.lock().unwrap().clone();
    stderr
}

/// The `line N, in NAME` part of each frame line of the traceback `source` ends with.
fn frames(source: &str, version: PythonVersion) -> Vec<String> {
    stderr(source, version)
        .lines()
        .filter_map(|line| line.trim().strip_prefix("File \"tb.py\", "))
        .map(str::to_string)
        .collect()
}

const COMPREHENSION: &str = "def f(data):\n    return [10 // x for x in data]\nf([1, 0])\n";
const GENERATOR: &str = "def f(data):\n    return sum(10 // x for x in data)\nf([1, 0])\n";
const LAMBDA: &str = "pick = [\n    lambda x: 1 / x,\n]\npick[0](0)\n";

#[test]
fn comprehensions_have_frames_of_their_own_only_before_3_12() {
    for version in [PythonVersion::V3_9, PythonVersion::V3_11] {
        let expected = ["line 3, in <module>", "line 2, in f", "line 2, in <listcomp>"];
        assert_eq!(frames(COMPREHENSION, version), expected, "{version:?}");
    }
    for version in [PythonVersion::V3_12, PythonVersion::V3_13, PythonVersion::V3_13t] {
        assert_eq!(frames(COMPREHENSION, version), ["line 3, in <module>", "line 2, in f"]);
    }
}

#[test]
fn generator_expressions_and_lambdas_keep_their_frames_and_lines() {
    for version in PythonVersion::ALL {
        let expected = ["line 3, in <module>", "line 2, in f", "line 2, in <genexpr>"];
        assert_eq!(frames(GENERATOR, version), expected, "{version:?}");
        assert_eq!(frames(LAMBDA, version), ["line 4, in <module>", "line 2, in <lambda>"]);
    }
}

/// A bare `raise`, an `except` that does not match, a `finally` and a `with` whose `__exit__`
/// declines all re-raise: each frame keeps the line where the exception first reached it.
const RERAISES: &str = "\
class Quiet:
    def __enter__(self): return self
    def __exit__(self, *exc): return False
def inner():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
def middle():
    try:
        inner()
    except KeyError:
        pass
def outer():
    with Quiet():
        try:
            middle()
        finally:
            print('cleanup')
outer()
";

#[test]
fn re_raised_exceptions_keep_the_line_each_frame_first_saw() {
    for version in PythonVersion::ALL {
        let expected =
            ["line 20, in <module>", "line 17, in outer", "line 11, in middle", "line 6, in inner"];
        assert_eq!(frames(RERAISES, version), expected, "{version:?}");
    }
}

/// Programs whose tracebacks CPython 3.11, 3.12 and 3.13 underline each in their own way (3.13
/// shows every line of a span over several, abbreviating the middle):
/// (name, source, then stderr as each printed it, recorded from those interpreters).
const CARETS: [(&str, &str, [&str; 3]); 10] = [
    (
        "assertion",
        "n = 3\nassert n % 2 == 0, \"odd\"\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 2, in <module>\n    assert n % 2 == 0, \"odd\"\n           ^^^^^^^^^^\nAssertionError: odd\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 2, in <module>\n    assert n % 2 == 0, \"odd\"\nAssertionError: odd\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 2, in <module>\n    assert n % 2 == 0, \"odd\"\n           ^^^^^^^^^^\nAssertionError: odd\n",
        ],
    ),
    (
        "call_over_lines",
        "def f(*args):\n    raise ValueError(\"v\")\nf(\n    1,\n    2,\n    3,\n    4,\n)\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    f(\n  File \"tb.py\", line 2, in f\n    raise ValueError(\"v\")\nValueError: v\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    f(\n  File \"tb.py\", line 2, in f\n    raise ValueError(\"v\")\nValueError: v\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    f(\n    ~^\n        1,\n        ^^\n    ...<2 lines>...\n        4,\n        ^^\n    )\n    ^\n  File \"tb.py\", line 2, in f\n    raise ValueError(\"v\")\nValueError: v\n",
        ],
    ),
    (
        "call_statement",
        "def f(x):\n    return 1 / x\nf(0)\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    f(0)\n  File \"tb.py\", line 2, in f\n    return 1 / x\n           ~~^~~\nZeroDivisionError: division by zero\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    f(0)\n  File \"tb.py\", line 2, in f\n    return 1 / x\n           ~~^~~\nZeroDivisionError: division by zero\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    f(0)\n    ~^^^\n  File \"tb.py\", line 2, in f\n    return 1 / x\n           ~~^~~\nZeroDivisionError: division by zero\n",
        ],
    ),
    (
        "decorator",
        "def refuse(function):\n    raise ValueError(\"no\")\n\n@refuse\ndef task():\n    pass\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 4, in <module>\n    @refuse\n     ^^^^^^\n  File \"tb.py\", line 2, in refuse\n    raise ValueError(\"no\")\nValueError: no\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 4, in <module>\n    @refuse\n     ^^^^^^\n  File \"tb.py\", line 2, in refuse\n    raise ValueError(\"no\")\nValueError: no\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 4, in <module>\n    @refuse\n     ^^^^^^\n  File \"tb.py\", line 2, in refuse\n    raise ValueError(\"no\")\nValueError: no\n",
        ],
    ),
    (
        "for_iteration",
        "def numbers():\n    yield 1 // 0\nfor n in numbers():\n    pass\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    for n in numbers():\n  File \"tb.py\", line 2, in numbers\n    yield 1 // 0\n          ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    for n in numbers():\n  File \"tb.py\", line 2, in numbers\n    yield 1 // 0\n          ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    for n in numbers():\n             ~~~~~~~^^\n  File \"tb.py\", line 2, in numbers\n    yield 1 // 0\n          ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n",
        ],
    ),
    (
        "later_line",
        "items = [1]\nvalue = (items[0] +\n         items[3])\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    items[3])\n    ~~~~~^^^\nIndexError: list index out of range\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    items[3])\n    ~~~~~^^^\nIndexError: list index out of range\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    items[3])\n    ~~~~~^^^\nIndexError: list index out of range\n",
        ],
    ),
    (
        "operator_over_lines",
        "print(1 +\n      \"a\")\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    print(1 +\n          ^^^\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    print(1 +\n          ^^^\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    print(1 +\n          ~~^\n          \"a\")\n          ~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
        ],
    ),
    (
        "parenthesised",
        "x = (1) + \"a\"\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    x = (1) + \"a\"\n        ~~~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    x = (1) + \"a\"\n        ~~~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    x = (1) + \"a\"\n        ~~~~^~~~~\nTypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
        ],
    ),
    (
        "return_call",
        "def parse(text):\n    return int(text)\nvalue = parse(\"x\")\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    value = parse(\"x\")\n            ^^^^^^^^^^\n  File \"tb.py\", line 2, in parse\n    return int(text)\n           ^^^^^^^^^\nValueError: invalid literal for int() with base 10: 'x'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    value = parse(\"x\")\n            ^^^^^^^^^^\n  File \"tb.py\", line 2, in parse\n    return int(text)\n           ^^^^^^^^^\nValueError: invalid literal for int() with base 10: 'x'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 3, in <module>\n    value = parse(\"x\")\n  File \"tb.py\", line 2, in parse\n    return int(text)\nValueError: invalid literal for int() with base 10: 'x'\n",
        ],
    ),
    (
        "subscript_over_lines",
        "x = {\n    \"a\": 1,\n    \"b\": 2,\n    \"c\": 3,\n    \"d\": 4,\n}[\"e\"]\n",
        [
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    x = {\n        ^\nKeyError: 'e'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    x = {\n        ^\nKeyError: 'e'\n",
            "Traceback (most recent call last):\n  File \"tb.py\", line 1, in <module>\n    x = {\n        ~\n    ...<3 lines>...\n        \"d\": 4,\n        ~~~~~~~\n    }[\"e\"]\n    ~^^^^^\nKeyError: 'e'\n",
        ],
    ),
];

#[test]
fn carets_underline_what_raised_as_each_version_does() {
    let versions = [PythonVersion::V3_11, PythonVersion::V3_12, PythonVersion::V3_13];
    for (name, source, expected) in CARETS {
        for (version, expected) in versions.into_iter().zip(expected) {
            assert_eq!(stderr(source, version), expected, "{name} under {version:?}");
        }
        // Before 3.11 no carets: the source lines alone.
        let plain = stderr(source, PythonVersion::V3_9);
        assert!(!plain.contains('^'), "{name} under 3.9:\n{plain}");
    }
}

/// The report of a SyntaxError the compiler finds (the parser's have one caret): from 3.10
/// CPython underlines the statement or expression, up to the end of its first line.
#[test]
fn compile_time_syntax_errors_underline_their_node_from_3_10() {
    let cases = [
        (
            "x = 1\nreturn x + 1\n",
            "    return x + 1\n    ^^^^^^^^^^^^\n",
            "'return' outside function",
        ),
        (
            "def f():\n    async for x in y:\n        pass\n",
            "    async for x in y:\n    ^^^^^^^^^^^^^^^^^\n",
            "'async for' outside async function",
        ),
        (
            "async def f():\n    yield 1\n    return 2\n",
            "    return 2\n    ^^^^^^^^\n",
            "'return' with value in async generator",
        ),
        ("x = 1\nawait x\n", "    await x\n    ^^^^^^^\n", "'await' outside function"),
    ];
    let pattern_cases = [
        (
            "match 1:\n    case [a] | (b, 2):\n        pass\n",
            "    case [a] | (b, 2):\n         ^^^^^^^^^^^^\n",
            "alternative patterns bind different names",
        ),
        (
            "match 1:\n    case _:\n        pass\n    case 2:\n        pass\n",
            "    case _:\n         ^\n",
            "wildcard makes remaining patterns unreachable",
        ),
    ];
    for (source, carets, message) in pattern_cases {
        let error = gilpy_vm::compile(source, "e.py", PythonVersion::V3_13).err().expect("refused");
        assert!(error.report().ends_with(&format!("{carets}SyntaxError: {message}\n")), "{source}");
        // Before 3.10 `match` is no statement.
        let error = gilpy_vm::compile(source, "e.py", PythonVersion::V3_9).err().expect("refused");
        assert!(error.report().ends_with("SyntaxError: invalid syntax\n"), "{source}");
    }
    for (source, carets, message) in cases {
        let error = gilpy_vm::compile(source, "e.py", PythonVersion::V3_13).err().expect("refused");
        assert!(error.report().ends_with(&format!("{carets}SyntaxError: {message}\n")), "{source}");
        let error = gilpy_vm::compile(source, "e.py", PythonVersion::V3_9).err().expect("refused");
        let one_caret = carets.lines().next().unwrap().to_string() + "\n    ^\n";
        assert!(
            error.report().ends_with(&format!("{one_caret}SyntaxError: {message}\n")),
            "{source}"
        );
    }
}
