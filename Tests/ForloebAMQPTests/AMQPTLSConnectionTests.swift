import ForloebAMQP
import Foundation
import Testing

/// amqps:// against the test node's TLS listener (`scripts/rabbitmq.sh tls-url`): a throwaway CA, a server
/// certificate for `localhost` only, a client certificate beside them.
@Suite(.enabled(if: TestBroker.tlsURLText != nil, "set FORLOEB_TEST_AMQPS_URL (scripts/rabbitmq.sh tls-url)"))
struct AMQPTLSConnectionTests {
    private func url() throws -> AMQPURL { try AMQPURL(try #require(TestBroker.tlsURLText)) }

    /// The folder of the test CA, where the client certificate lies too.
    private func certificateFolder() throws -> URL {
        URL(fileURLWithPath: try #require(try url().tls?.caFile)).deletingLastPathComponent()
    }

    private func roundTrip(_ url: AMQPURL) async throws {
        let connection = try await AMQPConnection.connect(to: url)
        let channel = try await connection.openChannel(confirms: true)
        let queue = TestBroker.unique("tls")
        try await channel.declare(AMQPQueue(queue, kind: .classic))
        try await channel.publish(
            AMQPMessage(
                exchange: "", routingKey: queue, body: Array("over TLS".utf8),
                properties: AMQPProperties(messageID: "tls-1"), mandatory: true))
        let delivery = try #require(try await channel.get(queue: queue))
        #expect(delivery.messageID == "tls-1")
        #expect(delivery.body == Array("over TLS".utf8))
        try await channel.ack(delivery.deliveryTag)
        try await channel.delete(queue: queue)
        await connection.close()
    }

    @Test func connectsVerifyingTheBrokerAgainstTheCA() async throws {
        let url = try url()
        #expect(url.tls?.verifyPeer == true)
        try await roundTrip(url)
    }

    @Test func presentsAClientCertificate() async throws {
        var url = try url()
        let folder = try certificateFolder()
        url.tls?.certificateFile = folder.appendingPathComponent("client.pem").path
        url.tls?.keyFile = folder.appendingPathComponent("client.key").path
        try await roundTrip(url)
    }

    @Test func anUntrustedBrokerIsATLSError() async throws {
        var url = try url()
        url.tls?.caFile = nil
        let error = await #expect(throws: AMQPError.self) { try await AMQPConnection.connect(to: url) }
        #expect(error?.code == .tls)
    }

    @Test func aHostNameTheCertificateDoesNotNameIsATLSError() async throws {
        var url = try url()
        url.host = "127.0.0.1"  // the certificate names localhost only
        let error = await #expect(throws: AMQPError.self) { try await AMQPConnection.connect(to: url) }
        #expect(error?.code == .tls)
        url.tls?.verifyHostname = false
        try await roundTrip(url)
    }
}
