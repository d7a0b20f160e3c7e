import ForloebCore

/// How a write moves the counters `forloeb stats` reads (`case_counts` and `deadline_counts`, migration
/// `010_operator_counters`; `rejection_counts`, migration `011_rejection_counts`), worked out from what the write
/// already knows: each case's state before and after, each deadline row removed, moved or added, and each
/// rejection recorded.
///
/// Why counters: on a million cases, grouping the whole `cases` and `deadlines` indexes took `stats` 9 s. The
/// counters are written in the same transaction as the rows they count, so a reader's snapshot always sees them
/// agree. Open deadlines are counted per kind and per `bucketSeconds` of due time: every bucket that ended before
/// the moment asked about is wholly overdue, and only the current bucket's rows are counted from the index.
/// Rejections are counted per code and hour recorded: a window of the last day or week is the hours after the
/// one it starts in, and that hour's rows from the index.
///
/// PostgreSQL spreads each counter over `shards` rows chosen by the connection (`StoreDialect.counterShard`), so
/// that two workers' transactions seldom wait on one row's lock; the rows are written in key order, so two that
/// share a shard cannot deadlock. A shard's row may go negative (a case opened under one shard and moved under
/// another); only the sum over shards means anything.
package struct CounterChanges: Sendable, Equatable {
    /// A deadline counter's key: its kind, and which `bucketSeconds` of time it falls due in.
    package struct Bucket: Hashable, Sendable, Comparable {
        package var kind: String
        package var bucket: Int

        package static func < (a: Bucket, b: Bucket) -> Bool { (a.kind, a.bucket) < (b.kind, b.bucket) }
    }

    /// A week: few enough rows per batch and in the table, and the current week's overdue rows are a small range.
    package static let bucketSeconds = 7 * 86_400

    /// The bucket of a due time, as the SQL computes it (`due_at / bucketSeconds`, truncating).
    package static func bucket(of dueAt: Int) -> Int { dueAt / bucketSeconds }

    /// An hour: the rejections a window's first hour holds are counted from the index.
    package static let rejectionBucketSeconds = 3_600

    /// Rejections recorded per code and hour.
    package private(set) var rejections: [Bucket: Int] = [:]

    /// Cases per state: +1 where a case entered it, −1 where one left it.
    package private(set) var cases: [String: Int] = [:]
    /// Open deadlines per bucket.
    package private(set) var deadlines: [Bucket: Int] = [:]

    package init() {}

    /// A rejection with `code` recorded at `recordedAt` (seconds).
    package mutating func record(rejection code: String, at recordedAt: Int) {
        add(&rejections, Bucket(kind: code, bucket: recordedAt / Self.rejectionBucketSeconds), 1)
    }

    /// A case moved from `before` (`nil`: the write opened it) to `after`.
    package mutating func move(caseFrom before: String?, to after: String) {
        guard before != after else { return }
        if let before { add(&cases, before, -1) }
        add(&cases, after, 1)
    }

    /// A deadline row of `kind` stopped falling due at `old` (`nil`: there was none) and falls due at `new`
    /// (`nil`: it was removed).
    package mutating func move(deadline kind: String, from old: Int?, to new: Int?) {
        if let old { add(&deadlines, Bucket(kind: kind, bucket: Self.bucket(of: old)), -1) }
        if let new { add(&deadlines, Bucket(kind: kind, bucket: Self.bucket(of: new)), 1) }
    }

    private func add<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key, _ n: Int) {
        let sum = counts[key, default: 0] + n
        counts[key] = sum == 0 ? nil : sum
    }

    /// The non-zero state changes, in key order (the order rows are locked in).
    package var caseRows: [(state: String, delta: Int)] {
        cases.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The non-zero deadline changes, in key order.
    package var deadlineRows: [(bucket: Bucket, delta: Int)] {
        deadlines.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The rejections recorded, in key order (code, hour).
    package var rejectionRows: [(bucket: Bucket, delta: Int)] {
        rejections.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The upserts that apply these changes, written once for both dialects (the PostgreSQL batch writes the
    /// same rows through its own `unnest` form instead).
    package func statements(_ dialect: StoreDialect) -> [StoreStatement] {
        Self.upserts("case_counts", key: ["state"], count: "cases", dialect, caseRows.map { ([.text($0.state)], $0.delta) })
            + Self.upserts(
                "deadline_counts", key: ["kind", "bucket"], count: "deadlines", dialect,
                deadlineRows.map { ([.text($0.bucket.kind), .int($0.bucket.bucket)], $0.delta) })
            + Self.upserts(
                "rejection_counts", key: ["bucket", "code"], count: "rejections", dialect,
                rejectionRows.map { ([.int($0.bucket.bucket), .text($0.bucket.kind)], $0.delta) })
    }

    /// Adds each row's delta to its counter in `table`, keyed by `key` and this connection's shard, 200 rows a
    /// statement, in the rows' (key) order.
    private static func upserts(
        _ table: String, key: [String], count: String, _ dialect: StoreDialect,
        _ rows: [(key: [StoreValue], delta: Int)]
    ) -> [StoreStatement] {
        let columns = key.joined(separator: ", ")
        let row = "(" + Array(repeating: "?, ", count: key.count).joined() + "\(dialect.counterShard), ?)"
        return rows.chunked(200).map { chunk in
            StoreStatement(
                "INSERT INTO \(table) (\(columns), shard, \(count)) VALUES "
                    + Array(repeating: row, count: chunk.count).joined(separator: ", ")
                    + " ON CONFLICT (\(columns), shard) DO UPDATE SET \(count) = \(table).\(count) + excluded.\(count)",
                chunk.flatMap { $0.key + [.int($0.delta)] })
        }
    }
}

extension StoreDialect {
    /// Which counter row this connection writes (see `CounterChanges`): one per connection on PostgreSQL, where
    /// writers run side by side; SQLite has one writer at a time.
    package var counterShard: String { self == .sqlite ? "0" : "(pg_backend_pid() % \(Self.counterShards))" }

    /// How many rows PostgreSQL spreads each counter over.
    package static let counterShards = 8
}
