/// How much of a commit SQLite makes durable before it returns (`PRAGMA synchronous` in WAL mode).
public enum SQLiteDurability: String, Sendable {
    /// `FULL`: the WAL is fsynced at every commit, so a commit survives a power loss as well as a crash.
    /// The default: the worker acknowledges a message to the broker only after its commit, so a commit
    /// lost after the acknowledgement would be an event lost for good.
    case full = "FULL"
    /// `NORMAL`: fsync only at checkpoints. Survives a process crash (SIGKILL), but a power loss may roll
    /// back the last commits. Several times faster per transaction; for bulk imports that can be re-run.
    case normal = "NORMAL"
    /// `OFF`: no fsync at all; a crash of the machine may corrupt the file. Only for `forloeb seed`, which
    /// builds a throwaway benchmark store and is re-run from scratch if anything goes wrong.
    case off = "OFF"
}
