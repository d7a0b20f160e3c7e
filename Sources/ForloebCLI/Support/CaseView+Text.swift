import ForloebCore
import ForloebViews

extension CaseView {
    /// The human form of `forloeb show`.
    func text(now: Instant) -> String {
        // The summary is sentences: each wrapped to the terminal like the tables' notes.
        func wrapped(_ text: String) -> String { TextTable.paragraph(text) }
        var out = TerminalStyle.bold.apply("Case \(caseId)") + ": \(state.rawValue)"
        if overrun {
            out += "\n" + TerminalStyle.red.apply(wrapped("OVERRUN: the course end has passed with no next step."))
        }
        out +=
            "\n"
            + wrapped(
                "Municipality \(municipality), caseworker \(caseworker ?? "-"), course \(courseNumber == 0 ? "-" : String(courseNumber)), "
                    + "course end \(courseEnd?.description ?? "-"), version \(version)")
        out +=
            "\n"
            + wrapped(
                "Opened \(openedAt), last event \(lastEventAt), \(pendingNotifications) notification(s) not yet sent")
        if !deadlines.isEmpty {
            var table = TextTable("DEADLINE", "DUE", "FROM DUE")
            for d in deadlines {
                let distance =
                    d.daysOverdue > 0
                    ? "\(d.daysOverdue) day(s) overdue"
                    : d.daysOverdue == 0 ? "due today" : "in \(-d.daysOverdue) day(s)"
                table.add([d.kind.rawValue, d.dueAt.danishDate.description, distance], style: d.overdue ? .red : nil)
            }
            out += "\n\n" + table.render()
        }
        // Each event's state after it: the state before is the row above's (the history is the accepted events in
        // order), so a FROM column would only take the width.
        var history = TextTable("#", "OCCURRED", "EVENT", "STATE", "RULES", "MESSAGE")
        for h in self.history {
            history.add([
                String(h.position), TextTable.instant(h.occurredAt), h.type.rawValue, h.to.rawValue, h.ruleSet.rawValue,
                h.messageId,
            ])
        }
        out += "\n\n" + history.render()
        if !rejections.isEmpty {
            var table = TextTable("REJECTED", "TYPE", "CODE", "RULE")
            for r in rejections {
                table.add(
                    [r.messageId, r.type, r.code.rawValue, r.rule?.rawValue ?? "-"], notes: [r.detail], style: .yellow)
            }
            out += "\n\n" + table.render()
        }
        if !appeals.isEmpty {
            // What was appealed and what became of it, under the row: eight columns would not fit a terminal.
            var table = TextTable("APPEAL OF", "RECEIVED", "STATUS", "DUE")
            for a in appeals {
                let decided = [a.decisionOutcome, a.decidedOn?.description].compactMap { $0 }.joined(separator: " ")
                table.add(
                    [
                        a.decision, a.receivedOn.description, a.status.rawValue,
                        a.deadline.map { "\($0.danishDate) (\(a.deadlineKind?.rawValue ?? ""))" } ?? "-",
                    ],
                    notes: [
                        "decision \(decided.isEmpty ? "-" : decided), reconsidered \(a.reconsideredOn?.description ?? "-"), "
                            + "ruling \(a.rulingOn?.description ?? "-"), reopened \(a.reopened.map { $0 ? "yes" : "no" } ?? "-")"
                    ], style: (a.deadline.map { $0 <= now } ?? false) ? .red : nil)
            }
            out += "\n\n" + table.render()
        }
        if !pendingOutbox.isEmpty {
            var table = TextTable("NOT YET SENT", "ROUTING KEY", "WRITTEN")
            for o in pendingOutbox { table.add([o.messageId, o.routingKey, TextTable.instant(o.createdAt)]) }
            out += "\n\n" + table.render()
        }
        return out
    }
}
