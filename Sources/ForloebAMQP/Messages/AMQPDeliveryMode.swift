/// Whether the broker writes a message to disk (persistent) or may keep it in memory only (transient).
public enum AMQPDeliveryMode: UInt8, Sendable, Hashable {
    case transient = 1
    /// `delivery_mode` 2: what CONTRACT.md requires of events and notifications.
    case persistent = 2
}
