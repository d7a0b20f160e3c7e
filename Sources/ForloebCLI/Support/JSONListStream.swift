import Foundation

/// One JSON document whose list is written to stdout element by element as the store reads it, byte for byte as
/// `JSONOutput.print` would write the whole document, so that `--json` of a list of millions runs in the memory
/// of one element.
///
/// The document is encoded once with the list empty; the elements go between its `"key" : [` and its `]`,
/// each encoded alone with the same encoder and indented one level.
struct JSONListStream {
    private let head: String
    private let tail: String
    private let empty: String
    private let encoder = JSONOutput.encoder()
    private var count = 0

    /// `emptyDocument`: the document with its list (under `key`, a top-level key) empty.
    init(emptyDocument: some Encodable, key: String) throws {
        let text = String(decoding: try encoder.encode(emptyDocument), as: UTF8.self)
        let opening = "\"\(key)\" : ["
        guard let open = text.range(of: opening + "\n\n  ]") else {
            throw CommandFailure.usage("internal: no empty list \(key) in the document")
        }
        empty = text
        head = String(text[..<open.lowerBound]) + opening + "\n"
        tail = "\n  ]" + String(text[open.upperBound...])
    }

    mutating func add(_ element: some Encodable) throws {
        let lines = String(decoding: try encoder.encode(element), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let indented = lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        write((count == 0 ? head : ",\n") + indented)
        count += 1
    }

    /// Closes the list and the document.
    func finish() {
        write(count == 0 ? empty + "\n" : tail + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
