import Foundation

/// Reads a JSONL file (or standard input for `-`) a chunk at a time, so that a backfill of millions of
/// events runs in constant memory. Blank lines are skipped; a trailing `\r` is dropped.
final class JSONLineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false
    /// Bytes of the input consumed so far (for the progress line).
    private(set) var bytesRead = 0
    /// The input's size, when it is a regular file.
    let totalBytes: Int?

    init(_ path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
            totalBytes = nil
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure.notFound("cannot read \(path)")
            }
            self.handle = handle
            totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        }
    }

    /// Up to `count` lines; fewer only at the end of the input.
    func next(_ count: Int) throws -> [Data] {
        var lines: [Data] = []
        while lines.count < count {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if let cleaned = Self.clean(line) { lines.append(cleaned) }
                continue
            }
            if finished {
                if let cleaned = Self.clean(buffer[...]) { lines.append(cleaned) }
                buffer.removeAll()
                break
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                finished = true
            } else {
                bytesRead += chunk.count
                buffer.append(chunk)
            }
        }
        return lines
    }

    private static func clean(_ line: Data.SubSequence) -> Data? {
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        return trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) ? nil : Data(trimmed)
    }
}
