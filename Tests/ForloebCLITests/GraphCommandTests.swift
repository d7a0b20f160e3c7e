import ForloebTestSupport
import Foundation
import Testing

/// The committed diagram is the one the transition function produces today.
@Suite(.blocking) struct GraphCommandTests {
    @Test func committedMermaidDiagramIsUpToDate() throws {
        let result = try ForloebProcess.run(["graph", "--format", "mermaid"])
        #expect(result.status == 0)
        let committed = try String(
            contentsOf: ForloebProcess.repositoryRoot.appendingPathComponent("Workflows/ressourceforloeb.mmd"),
            encoding: .utf8)
        #expect(
            result.stdout == committed,
            "Workflows/ressourceforloeb.mmd is out of date: run `forloeb graph --format mermaid > Workflows/ressourceforloeb.mmd`"
        )
    }

    @Test func dotOutputHasEveryStateChangeTheMermaidOneHas() throws {
        let mermaid = try ForloebProcess.run(["graph"]).stdout
        let dot = try ForloebProcess.run(["graph", "--format", "dot"]).stdout
        #expect(dot.hasPrefix("// Generated"))
        let mermaidEdges = mermaid.split(separator: "\n").filter { $0.contains("-->") && !$0.hasSuffix("[*]") }.count
        let dotEdges = dot.split(separator: "\n").filter { $0.contains(" -> ") }.count
        #expect(mermaidEdges == dotEdges)
        #expect(dot.contains("awaiting_decision -> active [label=\"decision.made (new_course | ressourceforloeb)\"]"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        #expect(try ForloebProcess.run(["graph", "--format", "svg"]).status == 2)
    }
}
