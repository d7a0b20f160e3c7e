import ArgumentParser
import ForloebCore
import ForloebStore
import ForloebViews
import Foundation

/// `forloeb dead-letters show`: one dead letter with its raw body, to correct it.
struct DeadLettersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one dead letter with its body as received.",
        discussion: "Example: forloeb dead-letters show 7 --json"
    )

    @Argument(help: "The dead letter's id (from `dead-letters list`).")
    var id: Int64

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let letter = try await storeOptions.withStore(.read) { store in try await DeadLetterView.find(id, in: store) }
        let view = DeadLetterView(letter)
        if json {
            try JSONOutput.print(view)
            return
        }
        print(
            """
            Dead letter \(view.id): \(view.code.rawValue): \(view.detail)
            Message \(view.messageId), received \(view.receivedAt), \(view.resolution.map { "\($0.rawValue) \(view.resolvedAt?.description ?? "")" } ?? "open")

            \(view.body)
            """)
    }
}
