import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebViews
import Foundation

/// `forloeb dead-letters list`.
struct DeadLettersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List open dead letters, oldest first (--all to include replayed and dropped ones).",
        discussion: "Example: forloeb dead-letters list --all --json"
    )

    @Flag(help: "Include dead letters already replayed or dropped.")
    var all = false

    @Option(help: "At most this many.")
    var limit: Int = 1000

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Document: Encodable {
        var deadLetters: [DeadLetterView]
    }

    func run() async throws {
        let letters = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.deadLetters(includeResolved: all, limit: limit)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let views = letters.map(DeadLetterView.init)
        if json {
            try JSONOutput.print(Document(deadLetters: views))
            return
        }
        var table = TextTable("ID", "MESSAGE", "CODE", "RECEIVED", "SETTLED")
        for v in views {
            table.add(
                [
                    String(v.id), v.messageId, v.code.rawValue, TextTable.instant(v.receivedAt),
                    v.resolution?.rawValue ?? "-",
                ], notes: [v.detail], style: v.resolution == nil ? .yellow : .dim)
        }
        if !views.isEmpty { print(table.render()) }
        print("\(views.count) dead letter(s).")
    }
}
