//! Files natively are the disk's: what a program writes is there after it ends, even from a
//! file it never closed (CPython writes out such buffers at exit). A simulated run has files
//! of its own, in memory, so it neither reads nor changes the disk.

use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilpy-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_in(dir: &PathBuf, flags: &[&str], source: &str) -> String {
    let program = dir.join("program.py");
    std::fs::write(&program, source).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_gilpy"))
        .arg("run")
        .args(flags)
        .arg(&program)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_file_never_closed_is_written_out_when_the_program_ends() {
    let dir = scratch("unclosed");
    run_in(
        &dir,
        &[],
        "import multiprocessing\n\
         def child():\n    log = open('child.txt', 'w')\n    log.write('from the child\\n')\n\
         if __name__ == '__main__':\n\
         \x20   out = open('main.txt', 'w')\n\
         \x20   out.write('line\\n' * 3)\n\
         \x20   p = multiprocessing.Process(target=child)\n\
         \x20   p.start()\n\
         \x20   p.join()\n",
    );
    assert_eq!(std::fs::read_to_string(dir.join("main.txt")).unwrap(), "line\n".repeat(3));
    assert_eq!(std::fs::read_to_string(dir.join("child.txt")).unwrap(), "from the child\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_simulated_run_keeps_its_files_in_memory() {
    let dir = scratch("simulated");
    std::fs::write(dir.join("on_disk.txt"), "the disk's\n").unwrap();
    let out = run_in(
        &dir,
        &["--simulate", "--seed", "3"],
        "import os\n\
         with open('made.txt', 'w') as f:\n    f.write('in memory')\n\
         print(open('made.txt').read(), os.path.exists('on_disk.txt'))\n\
         print(open(__file__).readline().strip())\n",
    );
    assert_eq!(out, "in memory False\nimport os\n");
    assert!(!dir.join("made.txt").exists(), "the simulation wrote to the disk");
    let _ = std::fs::remove_dir_all(&dir);
}
