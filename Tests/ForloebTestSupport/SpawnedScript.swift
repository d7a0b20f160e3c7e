import Foundation

/// Runs one of the repository's scripts and waits for it on a thread of its own.
///
/// Foundation's `Process` did not notice the exit of a script whose server keeps running in the background
/// inside an async test, so the scripts that start and stop test servers are spawned and reaped with `waitpid`.
public enum SpawnedScript {
    /// Runs `argv` (the script first) with `environment` and standard input from /dev/null. Standard output goes
    /// to `output`, truncated, when given, else it is appended to `log` together with standard error. Returns the
    /// wait status (0: it exited 0), or nil when it could not be started.
    public static func run(_ argv: [String], environment: [String: String], output: String? = nil, log: String)
        async -> Int32?
    {
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let output {
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var pid: pid_t = 0
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnvp = envp.map { strdup($0) } + [nil]
        defer { (cArgv + cEnvp).forEach { free($0) } }
        guard posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnvp) == 0 else { return nil }
        let spawned = pid
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                waitpid(spawned, &status, 0)
                continuation.resume(returning: status)
            }
        }
    }
}
