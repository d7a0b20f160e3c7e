#ifndef FORLOEB_CRABBITMQ_SHIM_H
#define FORLOEB_CRABBITMQ_SHIM_H

// librabbitmq (rabbitmq-c) for Swift. Version 0.11 (Debian 12) installs flat headers; 0.12 and later move
// them under rabbitmq-c/. Everything Swift cannot call directly gets a static inline wrapper here.
#if __has_include(<rabbitmq-c/amqp.h>)
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/framing.h>
#include <rabbitmq-c/tcp_socket.h>
#include <rabbitmq-c/ssl_socket.h>
#else
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>
#endif

#include <string.h>
#include <sys/time.h>

// The method numbers Swift dispatches on, as constants (the header's macros are casts Swift may not import).
static const amqp_method_number_t FORLOEB_BASIC_DELIVER = AMQP_BASIC_DELIVER_METHOD;
static const amqp_method_number_t FORLOEB_BASIC_ACK = AMQP_BASIC_ACK_METHOD;
static const amqp_method_number_t FORLOEB_BASIC_NACK = AMQP_BASIC_NACK_METHOD;
static const amqp_method_number_t FORLOEB_BASIC_RETURN = AMQP_BASIC_RETURN_METHOD;
static const amqp_method_number_t FORLOEB_BASIC_CANCEL = AMQP_BASIC_CANCEL_METHOD;
static const amqp_method_number_t FORLOEB_BASIC_GET_OK = AMQP_BASIC_GET_OK_METHOD;
static const amqp_method_number_t FORLOEB_CHANNEL_CLOSE = AMQP_CHANNEL_CLOSE_METHOD;
static const amqp_method_number_t FORLOEB_CONNECTION_CLOSE = AMQP_CONNECTION_CLOSE_METHOD;
static const amqp_method_number_t FORLOEB_CONNECTION_BLOCKED = AMQP_CONNECTION_BLOCKED_METHOD;
static const amqp_method_number_t FORLOEB_CONNECTION_UNBLOCKED = AMQP_CONNECTION_UNBLOCKED_METHOD;

/// amqp_login is C-variadic (the SASL arguments follow); this fixes it to PLAIN with user and password.
static inline amqp_rpc_reply_t forloeb_amqp_login_plain(amqp_connection_state_t state, const char *vhost,
                                                        int channel_max, int frame_max, int heartbeat,
                                                        const char *user, const char *password) {
    return amqp_login(state, vhost, channel_max, frame_max, heartbeat, AMQP_SASL_METHOD_PLAIN, user, password);
}

/// amqp_login with SASL EXTERNAL (TLS client certificate authentication): the identity is the certificate's.
static inline amqp_rpc_reply_t forloeb_amqp_login_external(amqp_connection_state_t state, const char *vhost,
                                                           int channel_max, int frame_max, int heartbeat,
                                                           const char *identity) {
    return amqp_login(state, vhost, channel_max, frame_max, heartbeat, AMQP_SASL_METHOD_EXTERNAL, identity);
}

/// The server's connection.close or channel.close reply, decoded from an rpc reply (NULL when not one).
static inline const amqp_connection_close_t *forloeb_amqp_connection_close(const amqp_rpc_reply_t *reply) {
    if (reply->reply_type == AMQP_RESPONSE_SERVER_EXCEPTION && reply->reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
        return (const amqp_connection_close_t *)reply->reply.decoded;
    }
    return NULL;
}

static inline const amqp_channel_close_t *forloeb_amqp_channel_close(const amqp_rpc_reply_t *reply) {
    if (reply->reply_type == AMQP_RESPONSE_SERVER_EXCEPTION && reply->reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
        return (const amqp_channel_close_t *)reply->reply.decoded;
    }
    return NULL;
}

/// Answers a server-initiated channel.close so the channel number can be reused.
static inline int forloeb_amqp_send_channel_close_ok(amqp_connection_state_t state, amqp_channel_t channel) {
    amqp_channel_close_ok_t ok;
    memset(&ok, 0, sizeof ok);
    return amqp_send_method(state, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
}

/// Answers a server-initiated connection.close.
static inline int forloeb_amqp_send_connection_close_ok(amqp_connection_state_t state) {
    amqp_connection_close_ok_t ok;
    memset(&ok, 0, sizeof ok);
    return amqp_send_method(state, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
}

/// Waits for one frame, at most `micros` microseconds (0: only what is already readable).
/// Swift builds the struct timeval poorly across platforms; this takes plain integers.
static inline int forloeb_amqp_wait_frame(amqp_connection_state_t state, amqp_frame_t *frame, long long micros) {
    struct timeval tv;
    tv.tv_sec = (time_t)(micros / 1000000);
    tv.tv_usec = (suseconds_t)(micros % 1000000);
    return amqp_simple_wait_frame_noblock(state, frame, &tv);
}

/// Opens the socket with a connect timeout in microseconds.
static inline int forloeb_amqp_socket_open(amqp_socket_t *socket, const char *host, int port, long long micros) {
    struct timeval tv;
    tv.tv_sec = (time_t)(micros / 1000000);
    tv.tv_usec = (suseconds_t)(micros % 1000000);
    return amqp_socket_open_noblock(socket, host, port, &tv);
}

/// Sets the timeout of synchronous RPCs (declare, bind, qos, close) in microseconds.
static inline int forloeb_amqp_set_rpc_timeout(amqp_connection_state_t state, long long micros) {
    struct timeval tv;
    tv.tv_sec = (time_t)(micros / 1000000);
    tv.tv_usec = (suseconds_t)(micros % 1000000);
    return amqp_set_rpc_timeout(state, &tv);
}

/// Sets the timeout of the AMQP handshake (login) in microseconds.
static inline int forloeb_amqp_set_handshake_timeout(amqp_connection_state_t state, long long micros) {
    struct timeval tv;
    tv.tv_sec = (time_t)(micros / 1000000);
    tv.tv_usec = (suseconds_t)(micros % 1000000);
    return amqp_set_handshake_timeout(state, &tv);
}

#endif
