import Foundation

/// Reads a JSONL file (or standard input for `-`) as one `Data` per non-blank line.
enum JSONLines {
    static func read(_ path: String) throws -> [Data] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.notFound("cannot read \(path)")
            }
            data = contents
        }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            return trimmed.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) ? nil : Data(trimmed)
        }
    }
}
