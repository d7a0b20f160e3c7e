import Foundation

/// Writes one JSON document to stdout, keys sorted, as every `--json` verb does.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let data = try encoder().encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// The encoder of every `--json` document.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}
