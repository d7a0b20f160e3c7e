import Crypto
import ForloebCore

/// SHA-256 (FIPS 180-4), for the audit chain: swift-crypto's, which the package has through postgres-nio.
///
/// The chain's stored hashes are this function's lower-case hex; the tests check it against the standard's
/// vectors, and an upgraded store written before swift-crypto replaced a hand-written version verifies intact.
public enum SHA256 {
    /// The 32-byte digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: message))
    }

    /// The digest of `message` in lower-case hex.
    public static func hex(_ message: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: message) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
