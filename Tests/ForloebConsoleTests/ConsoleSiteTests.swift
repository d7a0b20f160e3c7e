import ForloebConsole
import ForloebCore
import ForloebPostgres
import ForloebStore
import ForloebViews
import Foundation
import Testing

/// Each page rendered against a seeded store, without a server: what it shows, and that what the store holds is
/// shown as text, never as markup.
@Suite struct ConsoleSiteTests {
    @Test func theOverviewDrawsTheJourneyWithTheCountsAndTheFigures() async throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let page = try await fixture.site().overview()
        #expect(page.status == .ok)
        let html = page.html
        // The SVG journey: a box per state with its count (the sample: four active cases, K-2026-000105 among
        // them overrun and stuck, so drawn in red).
        #expect(html.contains("<svg class=\"journey\""))
        #expect(html.contains(#"id="state-active""#))
        #expect(html.contains(#"data-state="active">4</text>"#))
        #expect(html.contains(#"data-state="fleksjob">2</text>"#))
        #expect(html.contains(#"class="node has alert" id="state-active""#))
        #expect(html.contains("<path class=\"edge\""))
        // The figures beside it, and the way to the stuck list.
        #expect(html.contains("Overdue deadlines per kind"))
        #expect(html.contains("<td>plan_review</td>"))
        #expect(html.contains("<td>invalid_transition</td>"))
        #expect(html.contains(#"<a href="/stuck"><strong>"#))
        #expect(html.contains(#"Open dead letters: <a href="/dead-letters">2</a>"#))
        // The store is named without a password, and nothing is loaded from elsewhere.
        #expect(html.contains("sqlite:\(fixture.path)"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("<script"))
    }

    @Test func theStuckListSaysWhyAndWhatWouldMoveEachCaseOnAndLinksToTheCase() async throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let html = try await fixture.site().stuck().html
        #expect(html.contains(#"<a href="/cases/K-2026-000105">K-2026-000105</a>"#))
        #expect(html.contains("course ended 2025-03-01"))
        #expect(html.contains("overdue deadline(s):"))
        #expect(html.contains("plan_review: 1333 days"))
        // The README's case waits in preparation: idle past the threshold; the team no longer sits at this clock
        // (2026-11), so a decision without it moves it on.
        #expect(html.contains(#"<a href="/cases/K-2026-000300">K-2026-000300</a>"#))
        #expect(html.contains("no event for 110 days (threshold 60)"))
        #expect(html.contains(#"<span class="tag">health_advice.given</span>"#))
        let active = try await fixture.site().stuck(state: .active).html
        #expect(active.contains("Stuck cases in active"))
        #expect(!active.contains("K-2026-000300"))
    }

    @Test func aCasePageHasTheTimelineDeadlinesRejectionsAndTheDanishExplanation() async throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let site = try fixture.site()
        let page = await site.casePage("K-2026-000105")
        #expect(page.status == .ok)
        let html = page.html
        #expect(html.contains("Case K-2026-000105: active"))
        #expect(html.contains("OVERRUN"))
        #expect(html.contains("1333 day(s) overdue"))
        #expect(html.contains("consent_required"))
        #expect(html.contains("<td>decision.made</td>"))
        // The same sentences as `forloeb explain` (Danish).
        let explanation = try #require(
            try await CaseExplanation.load(
                "K-2026-000105", from: site.store, journey: ConsoleStore.journey, language: .da,
                now: ConsoleStore.nowInstant))
        #expect(explanation.sentences.count > 3)
        for sentence in explanation.sentences { #expect(html.contains(Self.escaped(sentence)), "\(sentence)") }
        #expect(html.contains(#"<ol class="story" lang="da">"#))
        let status = try #require(explanation.status)
        #expect(html.contains("<strong>Status:</strong> " + Self.escaped(status)))

        let missing = await site.casePage("K-NOPE")
        #expect(missing.status == .notFound)
        #expect(missing.html.contains("There is no case K-NOPE"))
    }

    @Test func aCasePageShowsItsAppealsAndOnlyThen() async throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let site = try fixture.site()
        // The sample's decision under appeal: lodged, waiting for the municipality's reconsideration.
        let pending = await site.casePage("K-2026-000111").html
        #expect(pending.contains("<h2>Appeals</h2>"))
        #expect(pending.contains("<td>K-2026-000111-008</td>"))
        #expect(pending.contains("<td>lodged</td>"))
        #expect(pending.contains("2026-10-12 (appeal_reconsideration)"))
        // The refusal Ankestyrelsen changed: decided, reopened.
        let ruled = await site.casePage("K-2026-000110").html
        #expect(ruled.contains("<h2>Appeals</h2>"))
        #expect(ruled.contains("<td>yes</td>"))
        #expect(!(await site.casePage("K-2026-000101").html.contains("<h2>Appeals</h2>")))
    }

    @Test func aStoreThatCannotBeReadIsA503NamingItWithoutItsPassword() async throws {
        guard case .postgres(let address) = try StoreURL(parsing: "postgres://forloeb:hemmeligt@127.0.0.1:1/forloeb")
        else { return }
        let site = try ConsoleSite(store: PostgresCaseStore(address), journey: ConsoleStore.journey) {
            ConsoleStore.nowInstant
        }
        for page in [await site.overview(), await site.stuck(), await site.casePage("K-1"), await site.deadLetters()] {
            #expect(page.status == .unavailable)
            #expect(page.html.contains("The store is unavailable"))
            #expect(page.html.contains("127.0.0.1:1"))
            #expect(!page.html.contains("hemmeligt"))
        }
    }

    /// `text` as mustache escapes it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func whatTheStoreHoldsIsShownAsTextNeverAsMarkup() async throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let site = try fixture.site()
        let page = await site.casePage("K-<b>bold</b>")
        #expect(page.status == .ok)
        #expect(page.html.contains("K-&lt;b&gt;bold&lt;/b&gt;"))
        #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.html.contains("<script>"))
        #expect(!page.html.contains("<b>bold"))
        let letters = await site.deadLetters().html
        #expect(letters.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!letters.contains("<img"))
        let stuck = await site.stuck().html
        #expect(!stuck.contains("<b>bold"))
    }

    @Test func theDeadLettersPageShowsEachLetterWithItsBody() async throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let html = try await fixture.site().deadLetters().html
        #expect(html.contains("2 dead letter(s)"))
        #expect(html.contains("Message DL-1"))
        #expect(html.contains(#"<span class="tag bad">open</span>"#))
    }
}
