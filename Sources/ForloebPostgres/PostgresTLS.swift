import ForloebStore
import NIOSSL
import PostgresNIO

/// The TLS settings of a connection from the URL's `sslmode` and `sslrootcert`, with libpq's meanings, so that
/// a URL that works with `psql` means the same here.
enum PostgresTLS {
    static func mode(for address: StoreURL.PostgresAddress, url: StoreURL) throws(StoreError)
        -> PostgresConnection.Configuration.TLS
    {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch address.sslMode {
        case "disable":
            return .disable
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
            let context = try NIOSSLContext(configuration: tls)
            return address.sslMode == "prefer" ? .prefer(context) : .require(context)
        } catch {
            throw StoreError(.unreachable, "\(url.redacted): cannot set up TLS: \(error)")
        }
    }
}
