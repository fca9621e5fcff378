use gilpy_variants::{variant, workload_source, Mode};

use super::*;

#[test]
fn the_builtin_quiz_is_valid_and_covers_the_lessons() {
    let quiz = builtin();
    assert!(quiz.questions.len() >= 12, "{} questions", quiz.questions.len());
    let runs = quiz.questions.iter().filter(|q| q.run.is_some()).count();
    assert!(runs >= 8, "{runs} questions run a workload");
    // Every question that runs derives a program for each of its modes.
    for question in &quiz.questions {
        let Some(run) = &question.run else { continue };
        let (sliders, code) = run.workload();
        let source = code.unwrap_or_else(|| workload_source(&sliders));
        for &mode in &run.modes {
            assert!(variant(&source, mode).is_ok(), "{}: {mode:?}", question.id);
        }
    }
}

#[test]
fn the_seeds_bare_list_is_a_quiz() {
    let quiz = parse(
        r#"[{"q": "Why?", "choices": ["a", "b"], "answer": 1, "explain": "Because."},
            {"q": "How?", "choices": ["c", "d"], "answer": 0, "explain": "So."}]"#,
    )
    .unwrap();
    assert_eq!(quiz.title, "Quiz");
    let ids: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["q1", "q2"]);
}

/// A valid question with `patch` merged into it, in a quiz file.
fn quiz_with(patch: serde_json::Value) -> String {
    let mut question = serde_json::json!({
        "q": "Which is fastest?",
        "choices": ["sequential", "threads"],
        "answer": 1,
        "explain": "Because.",
        "run": {"modes": ["sequential", "threads"], "check": {"fastest": ["sequential", "threads"]}},
    });
    merge(&mut question, patch);
    serde_json::json!({"title": "T", "questions": [question]}).to_string()
}

fn merge(into: &mut serde_json::Value, patch: serde_json::Value) {
    match (into, patch) {
        (serde_json::Value::Object(into), serde_json::Value::Object(patch)) => {
            for (key, value) in patch {
                match (into.get_mut(&key), value) {
                    (_, serde_json::Value::Null) => {
                        into.remove(&key);
                    }
                    (
                        Some(existing @ serde_json::Value::Object(_)),
                        value @ serde_json::Value::Object(_),
                    ) => merge(existing, value),
                    (_, value) => {
                        into.insert(key, value);
                    }
                }
            }
        }
        _ => unreachable!("patches are objects"),
    }
}

#[test]
fn a_bad_field_is_named() {
    use serde_json::json;
    let cases = [
        (json!({"answer": 2}), "`questions[0].answer` is 2, but choices count from 0 to 1"),
        (json!({"answer": "b"}), "`questions[0].answer` invalid type: string \"b\", expected usize"),
        (json!({"q": null}), "`questions[0]` missing field `q`"),
        (json!({"explain": null}), "`questions[0]` missing field `explain`"),
        (json!({"choices": ["only"], "answer": 0, "run": null}), "`questions[0].choices` has 1; a question needs 2 to 8"),
        (json!({"choices": ["a", " "]}), "`questions[0].choices[1]` is empty"),
        (json!({"hint": "x"}), "`questions[0].hint` unknown field `hint`, expected one of `id`, `q`, `choices`, `answer`, `explain`, `run`"),
        (json!({"run": {"modes": ["threads", "fibers"]}}), "`questions[0].run.modes[1]` unknown variant `fibers`, expected one of `sequential`, `threads`, `free-threaded`, `processes`, `asyncio`"),
        (json!({"run": {"python": "2.7"}}), "`questions[0].run.python` is `2.7`, not one of 3.13, 3.13t, 3.12, 3.11, 3.10, 3.9"),
        (json!({"run": {"preset": "nope"}}), "`questions[0].run.preset` names no lesson (`nope`)"),
        (json!({"run": {"preset": "io-threads", "code": "print(1)"}}), "`questions[0].run.preset` cannot go with `sliders` or `code`: choose one"),
        (json!({"run": {"sliders": {"tasks": 99}}}), "`questions[0].run.sliders.tasks` is 99, which its slider cannot show (nearest: 16)"),
        (json!({"run": {"check": {"fastest": ["sequential", "processes"]}}}), "`questions[0].run.check.fastest[1]` reads `processes`, which `questions[0].run.modes` does not run"),
        (json!({"run": {"check": {"fastest": ["threads"]}}}), "`questions[0].run.check.fastest` names 1 modes for 2 choices; it needs one per choice"),
        (json!({"run": {"modes": ["threads"], "check": {"fastest": null, "speedup": {"mode": "threads", "bounds": [1.5]}}}}), "`questions[0].run.check.speedup` reads `sequential`, which `questions[0].run.modes` does not run"),
        (json!({"run": {"check": {"fastest": null, "speedup": {"mode": "threads", "bounds": [1.5, 1.2]}}}}), "`questions[0].run.check.speedup.bounds` has 2 bounds for 2 choices; it needs one fewer than choices"),
        (json!({"run": {"check": {"fastest": null, "output": {"mode": "threads", "contains": [""]}}}}), "`questions[0].run.check.output.contains[0]` is empty"),
        (json!({"run": {"check": {"fastest": null, "guess": 1}}}), "`questions[0].run.check` unknown variant `guess`, expected one of `fastest`, `speedup`, `output`"),
        (json!({"run": {"look_at": "asyncio"}}), "`questions[0].run.look_at` reads `asyncio`, which `questions[0].run.modes` does not run"),
    ];
    for (patch, message) in cases {
        let text = quiz_with(patch.clone());
        assert_eq!(parse(&text).unwrap_err().to_string(), message, "{patch}");
    }
    assert_eq!(
        parse("{\"questions\": []}").unwrap_err().to_string(),
        "`questions` is empty: a quiz needs at least one question"
    );
    assert_eq!(
        parse("{\"questions\": [").unwrap_err().to_string(),
        "`questions` EOF while parsing a list (is the file cut short?)"
    );
    assert_eq!(parse("<html>").unwrap_err().to_string(), "expected value at line 1 column 1");
    let same = json!({"id": "same", "q": "x", "choices": ["a", "b"], "answer": 0, "explain": "y"});
    let repeated = json!({"questions": [same, same]}).to_string();
    assert_eq!(
        parse(&repeated).unwrap_err().to_string(),
        "`questions[1].id` repeats `same`; ids must differ"
    );
}

fn figures(walls: &[(Mode, Option<u64>, &str)]) -> Vec<ModeFigures> {
    walls
        .iter()
        .map(|&(mode, wall_us, stdout)| ModeFigures { mode, wall_us, stdout: stdout.into() })
        .collect()
}

#[test]
fn a_run_bears_out_a_choice() {
    let quiz = builtin();
    let question = |id: &str| quiz.questions.iter().find(|q| q.id == id).unwrap();
    let cpu = question("cpu-threads");
    let run = figures(&[
        (Mode::Sequential, Some(500), ""),
        (Mode::Threads, Some(510), ""),
        (Mode::Processes, Some(290), ""),
    ]);
    assert_eq!(measured_choice(cpu, &run), Some(2));
    let stopped = figures(&[
        (Mode::Sequential, Some(500), ""),
        (Mode::Threads, None, ""),
        (Mode::Processes, Some(290), ""),
    ]);
    assert_eq!(measured_choice(cpu, &stopped), None, "a stopped mode decides nothing");

    let io = question("io-threads");
    assert_eq!(
        measured_choice(
            io,
            &figures(&[(Mode::Sequential, Some(800), ""), (Mode::Threads, Some(210), "")])
        ),
        Some(1)
    );
    assert_eq!(
        measured_choice(
            io,
            &figures(&[(Mode::Sequential, Some(800), ""), (Mode::Threads, Some(790), "")])
        ),
        Some(0)
    );

    let counter = question("counter-3.9");
    let exact = "counter = 2,000,000 (expected 2,000,000)\n";
    let lost = "counter = 1,431,118 (expected 2,000,000)\n";
    assert_eq!(measured_choice(counter, &figures(&[(Mode::Threads, Some(1), exact)])), Some(0));
    assert_eq!(measured_choice(counter, &figures(&[(Mode::Threads, Some(1), lost)])), Some(1));
    assert_eq!(measured_choice(question("pickling"), &[]), None, "a question with no run");

    assert_eq!(cpu.look_at(), Some(Mode::Threads), "as the author named it");
    assert_eq!(question("free-threaded-cpu").look_at(), Some(Mode::FreeThreaded));
    assert_eq!(io.look_at(), Some(Mode::Threads), "the mode the check reads");
    assert_eq!(question("pickling").look_at(), None);
}

#[test]
fn the_schema_names_what_the_page_accepts() {
    use gilpy_variants::{Sliders, TaskKind, PRESETS, PYTHON_VERSIONS};
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../www/quiz.schema.json")).unwrap();
    let defs = &schema["$defs"];
    let names = |value: &serde_json::Value| -> Vec<String> {
        value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
    };
    let run = &defs["run"]["properties"];
    assert_eq!(names(&run["preset"]["enum"]), PRESETS.iter().map(|p| p.id).collect::<Vec<_>>());
    assert_eq!(names(&run["python"]["enum"]), PYTHON_VERSIONS.map(String::from));
    assert_eq!(names(&defs["mode"]["enum"]), Mode::ALL.map(|m| m.as_str().to_string()));
    let sliders = &run["sliders"]["properties"];
    assert_eq!(names(&sliders["kind"]["enum"]), TaskKind::ALL.map(|k| k.as_str().to_string()));
    assert_eq!(sliders["tasks"]["maximum"], Sliders::MAX_TASKS);
    assert_eq!(sliders["rounds"]["maximum"], Sliders::MAX_ROUNDS);
    assert_eq!(sliders["rounds"]["multipleOf"], Sliders::ROUNDS_STEP);
    assert_eq!(sliders["io_ms"]["maximum"], Sliders::MAX_IO_MS);
    assert_eq!(sliders["cores"]["maximum"], Sliders::MAX_CORES);
    assert_eq!(sliders["switch_interval_us"]["minimum"], Sliders::MIN_SWITCH_INTERVAL_US);
    assert_eq!(sliders["switch_interval_us"]["maximum"], Sliders::MAX_SWITCH_INTERVAL_US);
}
