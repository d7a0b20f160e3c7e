import ForloebAMQP
import Foundation
import Testing

@Suite struct AMQPURLTests {
    @Test func parsesEveryPart() throws {
        let url = try AMQPURL("amqp://forloeb:s3cret@broker.example:5673/cases")
        #expect(url.scheme == .amqp)
        #expect(url.user == "forloeb")
        #expect(url.host == "broker.example")
        #expect(url.port == 5673)
        #expect(url.vhost == "cases")
        #expect(url.tls == nil)
    }

    @Test func defaultsFollowRabbitMQsURISpec() throws {
        let bare = try AMQPURL("amqp://localhost")
        #expect(bare.port == 5672)
        #expect(bare.user == "guest")
        #expect(bare.vhost == "/")
        #expect(try AMQPURL("amqp://localhost/").vhost == "/")
        #expect(try AMQPURL("amqp://localhost/%2F").vhost == "/")
        #expect(try AMQPURL("amqp://localhost/%2Fprod").vhost == "/prod")
        #expect(try AMQPURL("amqps://localhost").port == 5671)
        #expect(try AMQPURL("AMQP://h").scheme == .amqp)
    }

    @Test func percentDecodesUserAndPassword() throws {
        let url = try AMQPURL("amqp://us%40er:p%3Ass%2Fw@h:1/v")
        #expect(url.user == "us@er")
        #expect(url.redacted == "amqp://us%40er:***@h:1/v")
    }

    @Test func parsesIPv6Hosts() throws {
        let url = try AMQPURL("amqp://u:p@[::1]:5999/x")
        #expect(url.host == "::1")
        #expect(url.port == 5999)
        #expect(url.redacted == "amqp://u:***@[::1]:5999/x")
    }

    @Test func parsesQueryOptions() throws {
        let url = try AMQPURL("amqp://h/?heartbeat=15&connection_timeout=2500")
        #expect(url.heartbeat == 15)
        #expect(url.connectionTimeoutMilliseconds == 2500)
    }

    @Test(arguments: [
        "http://h", "h:5672", "amqp://h:notaport", "amqp://h:70000", "amqp://u:p%zz@h", "amqp://[::1",
        "amqp://h?heartbeat=-1", "amqp://h?auth_mechanism=external",
    ])
    func rejectsInvalidURLs(_ text: String) {
        #expect {
            try AMQPURL(text)
        } throws: { error in
            (error as? AMQPError)?.code == .invalidURL
        }
    }

    @Test func neverPrintsThePassword() throws {
        let url = try AMQPURL("amqp://forloeb:hunter2@h/v")
        #expect(url.redacted == "amqp://forloeb:***@h:5672/v")
        #expect(!"\(url)".contains("hunter2"))
        #expect(!String(reflecting: url).contains("hunter2"))
        var dumped = ""
        dump(url, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        let error = try #require(throws: AMQPError.self) { try AMQPURL("amqp://forloeb:hunter2@h:bad") }
        #expect(!error.description.contains("hunter2"))
    }

    @Test func readsThePasswordFromAFileWhenTheURLHasNone() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("amqp-pass-\(UUID().uuidString)")
        try Data("from-file\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let environment = ["FORLOEB_AMQP_PASSWORD_FILE": file.path]
        let url = try AMQPURL("amqp://forloeb@h/v", environment: environment)
        #expect(url == AMQPURL(host: "h", user: "forloeb", password: "from-file", vhost: "v"))
        #expect(!url.redacted.contains("from-file"))
        // The URL's own password wins over the file.
        let explicit = try AMQPURL("amqp://forloeb:inline@h/v", environment: environment)
        #expect(explicit == AMQPURL(host: "h", user: "forloeb", password: "inline", vhost: "v"))
    }
}

/// `FORLOEB_AMQP_URL` with several nodes of one cluster: comma-separated hosts, each with its own port.
@Suite struct AMQPClusterURLTests {
    @Test func parsesSeveralNodes() throws {
        let url = try AMQPURL("amqp://forloeb:s3cret@127.0.0.1:5701,127.0.0.1:5702,rabbit3/%2F?heartbeat=10")
        #expect(
            url.nodes == [
                AMQPNode(host: "127.0.0.1", port: 5701), AMQPNode(host: "127.0.0.1", port: 5702),
                AMQPNode(host: "rabbit3", port: 5672),
            ])
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 5701)
        #expect(url.user == "forloeb")
        #expect(url.vhost == "/")
        #expect(url.heartbeat == 10)
    }

    @Test func eachNodeTakesTheSchemesDefaultPortAndIPv6Brackets() throws {
        let url = try AMQPURL("amqps://u:p@[::1]:5999,[fd00::2],h3:5673/v")
        #expect(
            url.nodes == [
                AMQPNode(host: "::1", port: 5999), AMQPNode(host: "fd00::2", port: 5671),
                AMQPNode(host: "h3", port: 5673),
            ])
        #expect(url.redacted == "amqps://u:***@[::1]:5999,[fd00::2]:5671,h3:5673/v")
    }

    @Test func theOneNodeFormIsUnchanged() throws {
        let url = try AMQPURL("amqp://forloeb:s3cret@broker.example:5673/cases")
        #expect(url.nodes == [AMQPNode(host: "broker.example", port: 5673)])
        #expect(url == AMQPURL(host: "broker.example", port: 5673, user: "forloeb", password: "s3cret", vhost: "cases"))
        #expect(url.redacted == "amqp://forloeb:***@broker.example:5673/cases")
    }

    @Test func pinningKeepsEverythingButTheOtherNodes() throws {
        let url = try AMQPURL("amqp://u:p@a:1,b:2,c:3/v?heartbeat=5")
        let second = url.pinned(to: 1)
        #expect(second.nodes == [AMQPNode(host: "b", port: 2)])
        #expect(second.user == "u")
        #expect(second.vhost == "v")
        #expect(second.heartbeat == 5)
        #expect(second == (try AMQPURL("amqp://u:p@b:2/v?heartbeat=5")))
    }

    @Test func neverPrintsThePasswordOfAClusterURL() throws {
        let url = try AMQPURL("amqp://forloeb:hunter2@a:1,b:2/v")
        #expect(url.redacted == "amqp://forloeb:***@a:1,b:2/v")
        #expect(!"\(url)".contains("hunter2"))
        #expect(!String(reflecting: url.pinned(to: 1)).contains("hunter2"))
        let error = try #require(throws: AMQPError.self) { try AMQPURL("amqp://forloeb:hunter2@a:1,b:bad/v") }
        #expect(!error.description.contains("hunter2"))
    }

    @Test(arguments: ["amqp://u:p@a:1,,b:2/v", "amqp://a:1,/v", "amqp://,a:1", "amqp://a:1,b:0", "amqp://a,[::1"])
    func rejectsBadNodeLists(_ text: String) {
        #expect {
            try AMQPURL(text)
        } throws: { error in
            (error as? AMQPError)?.code == .invalidURL
        }
    }

    @Test func aPasswordWithACommaStaysAPassword() throws {
        let url = try AMQPURL("amqp://u:a,b@h1:1,h2:2/v")
        #expect(url.nodes.count == 2)
        #expect(url == (try AMQPURL("amqp://u:a%2Cb@h1:1,h2:2/v")))
    }

    @Test func connectingTriesTheNextNodeWhenOneIsDown() async throws {
        // Nothing listens on ports 1 and 2: both fail, and the error names both nodes, not the password.
        let url = try AMQPURL("amqp://u:hunter2@127.0.0.1:1,127.0.0.1:2/v?connection_timeout=500")
        let error = await #expect(throws: AMQPError.self) { try await AMQPConnection.connect(to: url) }
        #expect(error?.code == .unreachable)
        #expect(error?.message.contains("127.0.0.1:1") == true)
        #expect(error?.message.contains("127.0.0.1:2") == true)
        #expect(error?.message.contains("hunter2") == false)
    }
}

@Suite struct AMQPNodeRotationTests {
    @Test func startsWithTheFirstNodeThenStaysWithTheOneThatWorked() throws {
        let rotation = AMQPNodeRotation()
        let url = try AMQPURL("amqp://a:1,b:2,c:3")
        #expect(rotation.order(for: url) == [0, 1, 2])
        rotation.failed(0, of: url)
        #expect(rotation.order(for: url) == [1, 2, 0])
        rotation.succeeded(1, of: url)
        #expect(rotation.order(for: url) == [1, 2, 0])
        // A node that was not tried first failing changes nothing.
        rotation.failed(2, of: url)
        #expect(rotation.order(for: url) == [1, 2, 0])
        rotation.failed(1, of: url)
        rotation.failed(2, of: url)
        #expect(rotation.order(for: url) == [0, 1, 2])
    }

    @Test func listsInAnotherOrderRotateOnTheirOwn() throws {
        let rotation = AMQPNodeRotation()
        let first = try AMQPURL("amqp://a:1,b:2,c:3")
        let second = try AMQPURL("amqp://b:2,c:3,a:1")
        rotation.failed(0, of: first)
        #expect(rotation.order(for: first) == [1, 2, 0])
        #expect(rotation.order(for: second) == [0, 1, 2])
    }
}

@Suite struct AMQPTLSURLTests {
    @Test func amqpsTakesTLSFilesFromTheQuery() throws {
        let url = try AMQPURL(
            "amqps://u:p@broker:5671/v?cacertfile=/etc/ca.pem&certfile=/etc/client.pem&keyfile=/etc/client.key")
        let tls = try #require(url.tls)
        #expect(tls.caFile == "/etc/ca.pem")
        #expect(tls.certificateFile == "/etc/client.pem")
        #expect(tls.keyFile == "/etc/client.key")
        #expect(tls.verifyPeer)
        #expect(tls.verifyHostname)
    }

    @Test func amqpsTakesTLSFilesFromTheEnvironmentAndTheQueryWins() throws {
        let environment = [
            "FORLOEB_AMQP_CA_FILE": "/env/ca.pem", "FORLOEB_AMQP_CERT_FILE": "/env/c.pem",
            "FORLOEB_AMQP_KEY_FILE": "/env/c.key",
        ]
        let fromEnvironment = try #require(try AMQPURL("amqps://h", environment: environment).tls)
        #expect(fromEnvironment.caFile == "/env/ca.pem")
        #expect(fromEnvironment.certificateFile == "/env/c.pem")
        #expect(fromEnvironment.keyFile == "/env/c.key")
        let overridden = try #require(try AMQPURL("amqps://h?cacertfile=/q/ca.pem", environment: environment).tls)
        #expect(overridden.caFile == "/q/ca.pem")
        #expect(overridden.keyFile == "/env/c.key")
    }

    @Test func verifyNoneTurnsOffVerification() throws {
        let tls = try #require(try AMQPURL("amqps://h?verify=verify_none").tls)
        #expect(!tls.verifyPeer)
        #expect(!tls.verifyHostname)
    }

    @Test func externalAuthenticationNeedsTLS() throws {
        let url = try AMQPURL("amqps://h?auth_mechanism=external&certfile=/c&keyfile=/k")
        #expect(url.authentication == .external)
        #expect(try AMQPURL("amqp://h").tls == nil)
    }

    @Test func aMissingCAFileFailsAsTLSErrorBeforeConnecting() async throws {
        let url = try AMQPURL("amqps://127.0.0.1:1/?cacertfile=/nonexistent/ca.pem")
        let error = await #expect(throws: AMQPError.self) { try await AMQPConnection.connect(to: url) }
        #expect(error?.code == .tls)
    }
}
