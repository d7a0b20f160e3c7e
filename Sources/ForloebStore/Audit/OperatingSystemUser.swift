#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The operating-system user running this process, as the system knows it: the identity a SQLite store records
/// in its audit log.
///
/// Read from the password database for the effective user id (`getpwuid(geteuid())`), never from `$USER` or
/// `$LOGNAME`, which the caller sets as it likes. A user id with no entry (a container's arbitrary uid) is
/// recorded as `uid:N`.
public enum OperatingSystemUser {
    public static var name: String {
        let uid = geteuid()
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else { return "uid:\(uid)" }
        return String(cString: name)
    }
}
