import ForloebStore
import NIOSSL
import PostgresNIO

/// The TLS settings of a connection from the URL's `sslmode` and `sslrootcert`, with libpq's meanings, so that
/// a URL that works with `psql` means the same here.
enum PostgresTLS {
    /// The client's TLS configuration for the URL, or `nil` for `sslmode=disable`; a root certificate that does not
    /// load fails here, at once.
    static func configuration(for address: StoreURL.PostgresAddress, url: StoreURL) throws(StoreError)
        -> (configuration: TLSConfiguration, context: NIOSSLContext)?
    {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch address.sslMode {
        case "disable":
            return nil
        case "prefer", "require":
            // Encrypted, but the server's certificate is not checked (libpq does the same).
            tls.certificateVerification = .none
        case "verify-ca":
            tls.certificateVerification = .noHostnameVerification
        default:  // verify-full: signed by a trusted CA and issued to the host in the URL.
            tls.certificateVerification = .fullVerification
        }
        if let root = address.sslRootCert {
            tls.trustRoots = .file(root)
        }
        do {
            return (tls, try NIOSSLContext(configuration: tls))
        } catch {
            throw StoreError(.unreachable, "\(url.redacted): cannot set up TLS: \(error)", cause: error)
        }
    }

    /// For one connection (the driver's reachability probe).
    static func mode(for address: StoreURL.PostgresAddress, url: StoreURL) throws(StoreError)
        -> PostgresConnection.Configuration.TLS
    {
        guard let tls = try configuration(for: address, url: url) else { return .disable }
        return address.sslMode == "prefer" ? .prefer(tls.context) : .require(tls.context)
    }

    /// For the pool (`PostgresClient` makes each connection's context itself).
    static func clientMode(for address: StoreURL.PostgresAddress, url: StoreURL) throws(StoreError)
        -> PostgresClient.Configuration.TLS
    {
        guard let tls = try configuration(for: address, url: url) else { return .disable }
        return address.sslMode == "prefer" ? .prefer(tls.configuration) : .require(tls.configuration)
    }
}
