use serde::{Deserialize, Serialize};

/// What to run: a list of independent tasks. Plain data, so the page, share links and tests
/// can describe a workload without touching the runtime.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    pub tasks: Vec<Task>,
}

/// One task: a name and the steps it performs in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub name: String,
    pub steps: Vec<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// A fixed amount of arithmetic ([`crate::spin_ops`]); needs a core, and the GIL when there
    /// is one.
    Compute { ops: u64 },
    /// Blocks for `ms` milliseconds without using a core: a real timed wait, as for a socket
    /// read or `time.sleep`. Releases the GIL while it waits.
    Io { ms: u32 },
}

/// The kind of task the sliders generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    Cpu,
    Io,
    /// Half the work, the wait, then the other half.
    Mixed,
}

impl TaskKind {
    pub const ALL: [TaskKind; 3] = [TaskKind::Cpu, TaskKind::Io, TaskKind::Mixed];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Cpu => "cpu",
            TaskKind::Io => "io",
            TaskKind::Mixed => "mixed",
        }
    }

    pub fn parse(text: &str) -> Option<TaskKind> {
        TaskKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// The sliders' view of a workload: `tasks` identical tasks of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkloadParams {
    pub tasks: u32,
    pub kind: TaskKind,
    /// CPU work per task, in millions of [`crate::spin_ops`] rounds.
    pub work_mops: u32,
    /// I/O wait per task, in milliseconds.
    pub io_ms: u32,
}

impl WorkloadParams {
    pub const MAX_TASKS: u32 = 16;
    pub const MAX_WORK_MOPS: u32 = 400;
    pub const MAX_IO_MS: u32 = 1000;

    pub fn workload(&self) -> Workload {
        let ops = u64::from(self.work_mops) * 1_000_000;
        let io = Step::Io { ms: self.io_ms };
        let steps = match self.kind {
            TaskKind::Cpu => vec![Step::Compute { ops }],
            TaskKind::Io => vec![io],
            TaskKind::Mixed => {
                vec![Step::Compute { ops: ops / 2 }, io, Step::Compute { ops: ops - ops / 2 }]
            }
        };
        let tasks = (0..self.tasks.clamp(1, Self::MAX_TASKS))
            .map(|index| Task { name: format!("task {}", index + 1), steps: steps.clone() })
            .collect();
        Workload { tasks }
    }
}

impl Default for WorkloadParams {
    fn default() -> Self {
        WorkloadParams { tasks: 2, kind: TaskKind::Cpu, work_mops: 100, io_ms: 100 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_tasks_split_their_work_around_the_wait() {
        let params = WorkloadParams { tasks: 3, kind: TaskKind::Mixed, work_mops: 3, io_ms: 7 };
        let workload = params.workload();
        assert_eq!(workload.tasks.len(), 3);
        assert_eq!(
            workload.tasks[2].steps,
            vec![
                Step::Compute { ops: 1_500_000 },
                Step::Io { ms: 7 },
                Step::Compute { ops: 1_500_000 }
            ]
        );
        assert_eq!(workload.tasks[2].name, "task 3");
    }

    #[test]
    fn workloads_round_trip_through_json() {
        let workload = WorkloadParams { kind: TaskKind::Mixed, ..Default::default() }.workload();
        let json = serde_json::to_string(&workload).unwrap();
        assert!(json.contains(r#"{"compute":{"ops":50000000}}"#), "{json}");
        assert_eq!(serde_json::from_str::<Workload>(&json).unwrap(), workload);
    }

    #[test]
    fn task_count_is_clamped_to_the_slider_range() {
        let params = WorkloadParams { tasks: 99, ..Default::default() };
        assert_eq!(params.workload().tasks.len(), WorkloadParams::MAX_TASKS as usize);
        assert_eq!(TaskKind::parse("mixed"), Some(TaskKind::Mixed));
        assert_eq!(TaskKind::parse("gpu"), None);
    }
}
