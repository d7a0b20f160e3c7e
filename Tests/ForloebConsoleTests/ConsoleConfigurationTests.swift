import ForloebConsole
import HTTPTypes
import Testing

/// Which listening options start the console, and whom a trusted-proxy console lets in.
@Suite struct ConsoleConfigurationTests {
    @Test func loopbackNeedsNothing() throws {
        let defaults = try ConsoleConfiguration()
        #expect(defaults.host == "127.0.0.1" && defaults.port == 8080 && defaults.isLoopback)
        #expect(defaults.url == "http://127.0.0.1:8080/")
        #expect(try ConsoleConfiguration(listen: "[::1]:9000").isLoopback)
        #expect(try ConsoleConfiguration(listen: "localhost:9000").isLoopback)
    }

    @Test func anyOtherAddressNeedsTLSAndAuthentication() throws {
        func code(_ build: () throws -> ConsoleConfiguration) -> ConsoleConfigurationError.Code? {
            do {
                _ = try build()
                return nil
            } catch { return (error as? ConsoleConfigurationError)?.code }
        }
        #expect(code { try ConsoleConfiguration(listen: "0.0.0.0:8080") } == .unprotectedAddress)
        #expect(
            code { try ConsoleConfiguration(listen: "0.0.0.0:8443", tlsCertificate: "c", tlsKey: "k") }
                == .unprotectedAddress)
        #expect(
            code {
                try ConsoleConfiguration(listen: "0.0.0.0:8443", trustedProxy: "10.0.0.2", userHeader: "X-Remote-User")
            }
                == .unprotectedAddress)
        #expect(code { try ConsoleConfiguration(tlsCertificate: "c") } == .incompleteTLS)
        #expect(code { try ConsoleConfiguration(clientCA: "ca") } == .incompleteTLS)
        #expect(code { try ConsoleConfiguration(trustedProxy: "10.0.0.2") } == .incompleteProxy)
        #expect(
            code { try ConsoleConfiguration(trustedProxy: "10.0.0.2", userHeader: "X User: x") } == .incompleteProxy)
        #expect(code { try ConsoleConfiguration(listen: "8080") } == .badListenAddress)
        #expect(
            code {
                try ConsoleConfiguration(
                    tlsCertificate: "c", tlsKey: "k", clientCA: "ca", trustedProxy: "10.0.0.2",
                    userHeader: "X-Remote-User")
            } == .conflictingAuthentication)
        let certificates = try ConsoleConfiguration(
            listen: "0.0.0.0:8443", tlsCertificate: "c", tlsKey: "k", clientCA: "ca")
        #expect(certificates.url == "https://0.0.0.0:8443/")
        let proxied = try ConsoleConfiguration(
            listen: "10.0.0.5:8443", tlsCertificate: "c", tlsKey: "k", trustedProxy: "10.0.0.2",
            userHeader: "X-Remote-User")
        #expect(proxied.proxy?.address == "10.0.0.2")
    }

    @Test func theUserHeaderIsBelievedFromTheProxyOnly() {
        let access = ConsoleAccess(proxy: .init(address: "10.0.0.2", userHeader: "X-Remote-User"))
        let named: HTTPFields = [HTTPField.Name("X-Remote-User")!: "jdoe"]
        #expect(access.decide(peer: "10.0.0.2", headers: named) == .allow(user: "jdoe"))
        #expect(access.decide(peer: "::ffff:10.0.0.2", headers: named) == .allow(user: "jdoe"))
        guard case .refuse = access.decide(peer: "10.0.0.3", headers: named) else {
            Issue.record("a user header from another address was believed")
            return
        }
        guard case .refuse = access.decide(peer: "10.0.0.2", headers: [:]) else {
            Issue.record("the proxy's request without a user was let in")
            return
        }
        guard case .refuse = access.decide(peer: nil, headers: named) else {
            Issue.record("a request from an unknown peer was let in")
            return
        }
        let open = ConsoleAccess(proxy: nil).decide(peer: "127.0.0.1", headers: [:])
        #expect(open == ConsoleAccess.Decision.allow(user: nil))
    }
}
