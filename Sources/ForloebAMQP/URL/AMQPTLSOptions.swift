/// How an `amqps://` connection sets up TLS: which CA to trust and which client certificate to present.
///
/// Files only, never inline secrets: paths come from the URL's query (`cacertfile`, `certfile`, `keyfile`,
/// as RabbitMQ's URI spec names them) or from `FORLOEB_AMQP_CA_FILE`, `FORLOEB_AMQP_CERT_FILE`,
/// `FORLOEB_AMQP_KEY_FILE`; the query wins.
public struct AMQPTLSOptions: Sendable, Hashable {
    /// PEM file of the CA(s) that signed the broker's certificate; nil uses none (verification then fails
    /// unless `verifyPeer` is off).
    public var caFile: String?
    /// PEM client certificate, for brokers that require one (or for SASL EXTERNAL).
    public var certificateFile: String?
    /// PEM private key of the client certificate.
    public var keyFile: String?
    /// Check the broker's certificate chain against `caFile`. Only tests should turn this off.
    public var verifyPeer: Bool
    /// Check that the broker's certificate names the host of the URL.
    public var verifyHostname: Bool

    public init(
        caFile: String? = nil,
        certificateFile: String? = nil,
        keyFile: String? = nil,
        verifyPeer: Bool = true,
        verifyHostname: Bool = true
    ) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.verifyPeer = verifyPeer
        self.verifyHostname = verifyHostname
    }
}
