import ArgumentParser
import ForloebCore
import ForloebWorkflows

/// `forloeb graph`: the journey's diagram, drawn from the transition function itself.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the journey's state diagram, derived from the typed machine.",
        discussion: """
            Every edge is an event the transition function accepted when the diagram was generated, so the
            picture cannot drift from the code. Example:
              forloeb graph --format mermaid > Workflows/ressourceforloeb.mmd
              forloeb graph --format dot | dot -Tsvg > journey.svg
            """
    )

    @Option(help: "mermaid or dot.")
    var format: String = "mermaid"

    @OptionGroup var workflow: WorkflowOptions

    func run() throws {
        guard let format = JourneyDiagram.Format(rawValue: format) else {
            throw CommandFailure.usage("unknown format \(format); use mermaid or dot")
        }
        let explorer = JourneyExplorer(journey: try workflow.load().journey)
        print(JourneyDiagram.render(explorer, as: format), terminator: "")
    }
}
