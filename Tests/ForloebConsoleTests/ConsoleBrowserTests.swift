import ForloebTestSupport
import Foundation
import Testing

/// The console in a real browser: Debian's chromium, headless, loads the overview and a case page from a running
/// `forloeb console` and the test reads what a person would see in the rendered DOM.
///
/// `scripts/test.sh` installs chromium and sets FORLOEB_REQUIRE_CHROMIUM=1, so there the test cannot be skipped;
/// elsewhere it runs when chromium is installed.
@Suite(.serialized, .blocking) struct ConsoleBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = ProcessInfo.processInfo.environment["FORLOEB_REQUIRE_CHROMIUM"] == "1"

    /// The DOM chromium builds for `url`, after layout, as text.
    static func dom(_ url: String, screenshot: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "forloeb-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--window-size=1280,900",
        ]
        // Lay out and draw everything before the DOM is dumped or the picture taken.
        arguments += ["--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000"]
        if let screenshot { arguments.append("--screenshot=\(screenshot)") } else { arguments.append("--dump-dom") }
        process.arguments = arguments + [url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium exited \(process.terminationStatus) on \(url)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aPersonSeesTheCountsAndFindsTheOverrunCaseAndItsDanishTimeline() throws {
        guard Self.chromium != nil else {
            if Self.required { Issue.record("chromium is not installed (scripts/test.sh installs it)") }
            return
        }
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let console = try ConsoleProcess(environment: fixture.environment)
        defer { console.stop() }

        let overview = try Self.dom(console.url + "/")
        #expect(overview.contains("Overview"))
        // The journey as drawn: the active box shows 4 cases, the fleksjob box 2.
        #expect(overview.contains(#"data-state="active">4</text>"#))
        #expect(overview.contains(#"data-state="fleksjob">2</text>"#))
        #expect(overview.contains(#"<a href="/stuck"><strong>"#))

        // From the overview to the stuck list, which names the overrun case and links to it.
        let stuck = try Self.dom(console.url + "/stuck")
        #expect(stuck.contains(#"<a href="/cases/K-2026-000105">K-2026-000105</a>"#))
        #expect(stuck.contains("course ended 2025-03-01"))

        // The case page: its Danish explanation, as `forloeb explain` tells it.
        let page = try Self.dom(console.url + "/cases/K-2026-000105")
        #expect(page.contains("Case K-2026-000105: active"))
        #expect(page.contains("OVERRUN"))
        #expect(page.contains(#"<ol class="story" lang="da">"#))
        #expect(page.contains("Kommunen vurderede, at borgeren er i målgruppen for et ressourceforløb"))

        // And it draws: a screenshot of the overview is a real picture.
        let shot = fixture.folder.appendingPathComponent("overview.png").path
        _ = try Self.dom(console.url + "/", screenshot: shot)
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)
    }
}
