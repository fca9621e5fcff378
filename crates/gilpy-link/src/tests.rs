use gilpy_variants::{workload_source, PresetContent, TaskKind, PRESETS};

use super::*;

fn default_state() -> SharedState {
    SharedState {
        sliders: Sliders::default(),
        modes: Mode::ALL.to_vec(),
        python: "3.13".to_string(),
        preset: Some("seed-benchmark".to_string()),
        code: None,
        quiz: None,
        run: None,
        real_cores: None,
    }
}

/// A fragment carrying `json` as it is, for states `encode` would never write.
fn fragment_of_json(json: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("{VERSION_PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

fn decode_json(json: &str) -> String {
    decode(&fragment_of_json(json)).unwrap_err().to_string()
}

#[test]
fn every_state_round_trips() {
    let mut hand_written = default_state();
    hand_written.preset = None;
    hand_written.code =
        Some("print('naïve café ☕', end='')\n# \"quotes\" and \\ backslashes\n".into());
    hand_written.modes = vec![Mode::Threads, Mode::Asyncio];
    hand_written.python = "3.9".into();
    hand_written.sliders.kind = TaskKind::Counter;
    hand_written.quiz =
        Some(QuizPosition { url: Some("https://example.org/q.json".into()), question: 7 });
    hand_written.run = Some(RunMode::Simulated { seed: 9_007_199_254_740_991, cores: 64 });
    hand_written.real_cores = Some(1);
    for state in [default_state(), hand_written] {
        let fragment = encode(&state);
        assert!(fragment.starts_with("v1."), "{fragment}");
        assert_eq!(decode(&fragment), Ok(state.clone()));
        assert_eq!(decode(&format!("#{fragment}")), Ok(state));
    }
}

#[test]
fn typical_links_stay_short() {
    // The longest lesson's code carried by hand, and the sliders' longest program as code.
    let longest_program = PRESETS
        .iter()
        .filter_map(|p| match p.content {
            PresetContent::Program(code) => Some(code.to_string()),
            PresetContent::Sliders(_) => None,
        })
        .chain(TaskKind::ALL.map(|kind| workload_source(&Sliders { kind, ..Sliders::default() })))
        .max_by_key(String::len)
        .unwrap();
    let mut state = default_state();
    assert!(encode(&state).len() < 300, "{}", encode(&state).len());
    state.code = Some(longest_program);
    let length = encode(&state).len();
    assert!(length < 2_000, "a link carrying the longest lesson's code is {length} characters");
}

#[test]
fn a_cut_or_altered_link_is_named_as_such() {
    let mut state = default_state();
    state.code = Some(workload_source(&Sliders::default()));
    let fragment = encode(&state);
    for cut_at in fragment.len() - 40..fragment.len() {
        assert_eq!(decode(&fragment[..cut_at]), Err(LinkError::Truncated), "cut at {cut_at}");
    }
    // Change one character in the middle of the data to another base64url character.
    let mut altered = fragment.clone().into_bytes();
    let middle = altered.len() / 2;
    altered[middle] = if altered[middle] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    assert!(
        matches!(decode(&altered), Err(LinkError::Altered | LinkError::Damaged)),
        "{:?}",
        decode(&altered)
    );
}

#[test]
fn what_is_not_a_link_is_named() {
    let cases = [
        ("", "it does not start with a format version such as `v1.`"),
        ("hello", "it does not start with a format version such as `v1.`"),
        (
            "v9.eJyrVgpLLUpNzs8tULIyNDAw0lEqSMzLKUktUrJSSsrPz0nNy0xRslIqBpHFjkIAR8sQ1w",
            "it was written in format `v9`, which this version of the playground does not know",
        ),
        (
            "v1.not*base64!",
            "its data holds characters a share link never has (was it edited or wrapped?)",
        ),
        ("v1.aGVsbG8gd29ybGQ", "its data is damaged"),
    ];
    for (fragment, message) in cases {
        assert_eq!(decode(fragment).unwrap_err().to_string(), message, "{fragment}");
    }
}

#[test]
fn a_bad_field_is_named_with_its_path() {
    let good = serde_json::to_value(default_state()).unwrap();
    let with = |path: &[&str], value: serde_json::Value| {
        let mut json = good.clone();
        let mut at = &mut json;
        for key in &path[..path.len() - 1] {
            at = &mut at[*key];
        }
        at[path[path.len() - 1]] = value;
        decode_json(&json.to_string())
    };
    use serde_json::json;
    assert_eq!(
        with(&["modes"], json!(["threads", "fibers"])),
        "`modes[1]` unknown variant `fibers`, expected one of `sequential`, `threads`, `free-threaded`, `processes`, `asyncio`"
    );
    assert_eq!(with(&["modes"], json!(["threads", "threads"])), "`modes[1]` repeats `threads`");
    assert_eq!(
        with(&["python"], json!("2.7")),
        "`python` is `2.7`, not one of 3.13, 3.13t, 3.12, 3.11, 3.10, 3.9"
    );
    assert_eq!(
        with(&["sliders", "tasks"], json!(500)),
        "`sliders.tasks` is 500, which its slider cannot show (nearest: 16)"
    );
    assert_eq!(
        with(&["sliders", "kind"], json!(3)),
        "`sliders.kind` holds a value of the wrong type"
    );
    assert_eq!(with(&["preset"], json!("rm -rf")), "`preset` names no lesson (`rm -rf`)");
    assert_eq!(
        with(&["quiz"], json!({"url": "javascript:alert(1)", "question": 0})),
        "`quiz.url` is neither an http(s) address nor a path on this site"
    );
    assert_eq!(
        with(&["run"], json!({"kind": "simulated", "seed": 1, "cores": 65})),
        "`run` has 65 virtual cores, not 1 to 64"
    );
    assert_eq!(
        with(&["run"], json!({"kind": "simulated", "seed": 9_007_199_254_740_992u64, "cores": 4})),
        "`run` has seed 9007199254740992, above the largest, 9007199254740991"
    );
    assert_eq!(with(&["real_cores"], json!(0)), "`real_cores` is 0, not 1 to 1024");
    assert_eq!(
        with(&["run"], json!({"kind": "quantum"})),
        "`run.kind` unknown variant `quantum`, expected `real` or `simulated`"
    );
    assert_eq!(decode_json("{\"modes\": []}"), "missing field `sliders`");
    assert_eq!(decode_json("{\"sliders\": "), "`sliders` EOF while parsing a value");
}

#[test]
fn fields_a_newer_page_adds_are_ignored() {
    let mut json = serde_json::to_value(default_state()).unwrap();
    json["theme"] = serde_json::json!({"dark": true, "contrast": 4});
    assert_eq!(decode(&fragment_of_json(&json.to_string())), Ok(default_state()));
}

#[test]
fn a_link_cannot_inflate_without_bound() {
    let huge = format!("{{\"code\": \"{}\"}}", "a".repeat(4 * MAX_JSON_BYTES));
    assert_eq!(decode(&fragment_of_json(&huge)), Err(LinkError::Damaged));
}
