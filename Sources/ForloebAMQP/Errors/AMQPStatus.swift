import CRabbitMQ

/// Turns librabbitmq's status codes and RPC replies into thrown `AMQPError`s, in one place.
///
/// Why one helper (as NIO's `System.swift` does for errno): every C call site stays one line,
/// `try AMQPStatus.check(amqp_basic_ack(...), "ack")`, and the mapping from status to code lives here only.
enum AMQPStatus {
    /// Throws when `status` (an `amqp_status_enum` value or a positive byte count) is negative.
    @discardableResult
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
        guard status < 0 else { return status }
        throw error(status: status, operation: operation())
    }

    /// The error for a negative librabbitmq status.
    static func error(status: Int32, operation: String) -> AMQPError {
        let text = String(cString: amqp_error_string2(status))
        let code: AMQPError.Code
        switch status {
        case AMQP_STATUS_TIMEOUT.rawValue:
            code = .timeout
        case AMQP_STATUS_HEARTBEAT_TIMEOUT.rawValue, AMQP_STATUS_CONNECTION_CLOSED.rawValue,
            AMQP_STATUS_SOCKET_CLOSED.rawValue, AMQP_STATUS_SOCKET_ERROR.rawValue:
            code = .connectionClosed
        case AMQP_STATUS_HOSTNAME_RESOLUTION_FAILED.rawValue, AMQP_STATUS_TCP_ERROR.rawValue,
            AMQP_STATUS_TCP_SOCKETLIB_INIT_ERROR.rawValue:
            code = .unreachable
        case AMQP_STATUS_SSL_ERROR.rawValue, AMQP_STATUS_SSL_HOSTNAME_VERIFY_FAILED.rawValue,
            AMQP_STATUS_SSL_PEER_VERIFY_FAILED.rawValue, AMQP_STATUS_SSL_CONNECTION_FAILED.rawValue:
            code = .tls
        case AMQP_STATUS_INVALID_PARAMETER.rawValue, AMQP_STATUS_TABLE_TOO_BIG.rawValue:
            code = .invalidArgument
        default:
            code = .library
        }
        return AMQPError(code, "\(operation): \(text)", status: Int(status))
    }

    /// Throws unless an RPC reply is `AMQP_RESPONSE_NORMAL`.
    ///
    /// A server exception carries the broker's reply code and text: a channel.close gives `.channelClosed`,
    /// a connection.close `.connectionClosed` (or `.authenticationFailed` for 403/530) with `replyCode` set,
    /// so the caller can answer with close-ok and mark its state.
    static func check(_ reply: amqp_rpc_reply_t, _ operation: @autoclosure () -> String) throws {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_NONE:
            throw AMQPError(.library, "\(operation()): missing RPC reply")
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            throw error(status: reply.library_error, operation: operation())
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            var copy = reply
            if let close = forloeb_amqp_channel_close(&copy) {
                let text = CBytes.string(close.pointee.reply_text)
                throw AMQPError(.channelClosed, "\(operation()): \(text)", replyCode: Int(close.pointee.reply_code))
            }
            if let close = forloeb_amqp_connection_close(&copy) {
                let text = CBytes.string(close.pointee.reply_text)
                let code: AMQPError.Code =
                    close.pointee.reply_code == 403 || close.pointee.reply_code == 530
                    ? .authenticationFailed : .connectionClosed
                throw AMQPError(code, "\(operation()): \(text)", replyCode: Int(close.pointee.reply_code))
            }
            throw AMQPError(.library, "\(operation()): unexpected server method \(reply.reply.id)")
        default:
            throw AMQPError(.library, "\(operation()): unknown reply type")
        }
    }
}
