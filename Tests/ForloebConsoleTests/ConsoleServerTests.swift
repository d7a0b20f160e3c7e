import ForloebConsole
import ForloebTestSupport
import Foundation
import Testing

/// `forloeb console` as a user starts it: every page over HTTP with the security headers, read only, and the
/// refusal to listen beyond loopback unprotected.
@Suite(.serialized, .blocking) struct ConsoleServerTests {
    static let paths = [
        "/", "/stuck", "/stuck?state=active", "/cases/K-2026-000105", "/case?id=K-2026-000105", "/dead-letters",
        "/nope", "/cases/K-NOPE",
    ]

    @Test func everyResponseCarriesTheSecurityHeaders() throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let console = try ConsoleProcess(environment: fixture.environment)
        defer { console.stop() }
        for path in Self.paths {
            let response = try HTTPProbe.request(port: console.port, path: path)
            let csp = try #require(response.header("Content-Security-Policy"), "\(path)")
            #expect(csp.contains("default-src 'none'"))
            #expect(csp.contains("style-src '\(ConsoleSite.styleHash)'"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline") && !csp.contains("http"))
            #expect(response.header("X-Frame-Options") == "DENY")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("Referrer-Policy") == "no-referrer")
        }
        #expect(try HTTPProbe.request(port: console.port, path: "/").status == 200)
        #expect(try HTTPProbe.request(port: console.port, path: "/nope").status == 404)
        #expect(try HTTPProbe.request(port: console.port, path: "/cases/K-NOPE").status == 404)
        let form = try HTTPProbe.request(port: console.port, path: "/case?id=K-2026-000105")
        #expect(form.status == 303)
        #expect(form.header("Location") == "/cases/K-2026-000105")
        let page = try HTTPProbe.request(port: console.port, path: "/cases/K-2026-000105")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.body.contains("Case K-2026-000105: active"))
    }

    @Test func itOnlyReads() throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let console = try ConsoleProcess(environment: fixture.environment)
        defer { console.stop() }
        for method in ["POST", "PUT", "DELETE"] {
            let response = try HTTPProbe.request(port: console.port, path: "/dead-letters", method: method)
            #expect(response.status == 405, "\(method)")
            #expect(response.header("X-Frame-Options") == "DENY")
        }
    }

    @Test func theStylesHashIsTheHashOfTheStyleItServes() throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let console = try ConsoleProcess(environment: fixture.environment)
        defer { console.stop() }
        let body = try HTTPProbe.request(port: console.port, path: "/").body
        let start = try #require(body.range(of: "<style>"))
        let end = try #require(body.range(of: "</style>"))
        let style = String(body[start.upperBound..<end.lowerBound])
        #expect(ConsoleSite.hash(ofStyle: style) == ConsoleSite.styleHash)
    }

    @Test func aProxyUserHeaderCountsOnlyFromTheTrustedProxy() throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        // Loopback may have a trusted proxy too; here the proxy is another address, so this test's requests, from
        // 127.0.0.1, are refused even when they name a user.
        let console = try ConsoleProcess(
            environment: fixture.environment,
            arguments: ["--trusted-proxy", "10.9.9.9", "--user-header", "X-Remote-User"])
        defer { console.stop() }
        let forged = try HTTPProbe.request(port: console.port, path: "/", headers: ["X-Remote-User": "admin"])
        #expect(forged.status == 403)
        #expect(forged.header("Content-Security-Policy") != nil)
        #expect(!forged.body.contains("K-2026-000105"))
    }

    @Test func theProxysUserHeaderLetsInFromTheProxysAddress() throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let console = try ConsoleProcess(
            environment: fixture.environment,
            arguments: ["--trusted-proxy", "127.0.0.1", "--user-header", "X-Remote-User"])
        defer { console.stop() }
        let signedIn = try HTTPProbe.request(port: console.port, path: "/stuck", headers: ["X-Remote-User": "jdoe"])
        #expect(signedIn.status == 200)
        #expect(signedIn.body.contains("K-2026-000105"))
        let anonymous = try HTTPProbe.request(port: console.port, path: "/stuck")
        #expect(anonymous.status == 403)
        let head = try HTTPProbe.request(
            port: console.port, path: "/", method: "HEAD", headers: ["X-Remote-User": "jdoe"])
        #expect(head.status == 200 && head.body.isEmpty)
    }

    /// Runs curl against the HTTPS console; its exit status and the HTTP status it printed.
    static func curl(_ port: Int, _ tls: URL, withCertificate: Bool) throws -> (status: Int32, http: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = [
            "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "20", "--cacert",
            tls.appendingPathComponent("ca.pem").path,
            "--resolve", "localhost:\(port):127.0.0.1",
        ]
        if withCertificate {
            arguments += [
                "--cert", tls.appendingPathComponent("client.pem").path, "--key",
                tls.appendingPathComponent("client.key").path,
            ]
        }
        process.arguments = arguments + ["https://localhost:\(port)/"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func withClientCertificatesOnlyACertifiedBrowserGetsIn() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
        else { return }
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        let tls = fixture.folder.appendingPathComponent("tls")
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/bin/bash")
        made.arguments = ["-c", ". scripts/lib.sh && make_test_certificates \"$1\" client", "bash", tls.path]
        made.currentDirectoryURL = ForloebExecutable.repositoryRoot
        try made.run()
        made.waitUntilExit()
        #expect(made.terminationStatus == 0)
        let console = try ConsoleProcess(
            environment: fixture.environment,
            arguments: [
                "--tls-cert", tls.appendingPathComponent("server.pem").path, "--tls-key",
                tls.appendingPathComponent("server.key").path, "--client-ca", tls.appendingPathComponent("ca.pem").path,
            ])
        defer { console.stop() }
        let certified = try Self.curl(console.port, tls, withCertificate: true)
        #expect(certified.status == 0 && certified.http == "200", "\(certified)")
        let anonymous = try Self.curl(console.port, tls, withCertificate: false)
        #expect(anonymous.status != 0 && anonymous.http != "200", "\(anonymous)")
    }

    @Test func anUnprotectedAddressBeyondLoopbackIsAUsageError() throws {
        let fixture = try ConsoleStore()
        defer { fixture.remove() }
        for arguments in [
            ["console", "--listen", "0.0.0.0:8080"],
            ["console", "--listen", "0.0.0.0:8443", "--tls-cert", "c.pem", "--tls-key", "k.pem"],
            ["console", "--listen", "10.0.0.5:8443", "--trusted-proxy", "10.0.0.2", "--user-header", "X-Remote-User"],
            ["console", "--listen", "nonsense"],
            ["console", "--tls-cert", "c.pem"],
        ] {
            let result = try ForloebExecutable.run(arguments, environment: fixture.environment)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
        // A port already in use is said plainly, as a usage error too.
        let first = try ConsoleProcess(environment: fixture.environment)
        defer { first.stop() }
        let second = try ForloebExecutable.run(
            ["console", "--listen", "127.0.0.1:\(first.port)"], environment: fixture.environment)
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(first.port)"))
        let refused = try ForloebExecutable.run(
            ["console", "--listen", "0.0.0.0:8080"], environment: fixture.environment)
        #expect(refused.stderr.contains("--tls-cert and --tls-key"))
    }
}
