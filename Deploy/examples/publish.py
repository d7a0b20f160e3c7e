#!/usr/bin/env python3
"""Publish case events to forloeb, as a case system would: an example with pika (pip install pika).

    FORLOEB_AMQP_URL=amqp://guest:guest@127.0.0.1:25680/%2F python3 publish.py events.jsonl

Each line of the JSONL file is one event (CONTRACT.md section 1). It is published to the `forloeb.events`
topic exchange with routing key = the event's `type`, persistent (delivery_mode 2), content type
application/json, message id = its `messageId`, and the header `caseId` (the partition key that keeps a
case's events in order when several workers run). Publishing is `mandatory` with publisher confirms: the
script stops at the first message the broker refuses or cannot route to a queue.

For amqps:// URLs, FORLOEB_AMQP_CA_FILE names the CA to trust and FORLOEB_AMQP_CERT_FILE / FORLOEB_AMQP_KEY_FILE
a client certificate, as for forloeb itself. The URL (with its password) comes from the environment, never
from the command line, and is printed without the password.

Exit codes as forloeb's: 0 ok, 2 usage, 3 the broker is unreachable or refused a message.
"""

import json
import os
import ssl
import sys
import urllib.parse

import pika
import pika.exceptions

EXCHANGE = "forloeb.events"
MAX_BYTES = 64 * 1024


def redacted(url):
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def connection_parameters(url):
    parameters = pika.URLParameters(url)
    if url.startswith("amqps://"):
        context = ssl.create_default_context(cafile=os.environ.get("FORLOEB_AMQP_CA_FILE") or None)
        cert, key = os.environ.get("FORLOEB_AMQP_CERT_FILE"), os.environ.get("FORLOEB_AMQP_KEY_FILE")
        if cert and key:
            context.load_cert_chain(cert, key)
        parameters.ssl_options = pika.SSLOptions(context, parameters.host)
    return parameters


def message_for(line):
    """The routing key and properties of one line; unreadable lines go out too (the worker rejects them)."""
    try:
        event = json.loads(line)
    except ValueError:
        event = {}
    if not isinstance(event, dict):
        event = {}
    event_type = event.get("type") if isinstance(event.get("type"), str) and event.get("type") else "unknown"
    headers = {"caseId": event["caseId"]} if isinstance(event.get("caseId"), str) else {}
    properties = pika.BasicProperties(
        content_type="application/json",
        delivery_mode=pika.DeliveryMode.Persistent,
        message_id=event.get("messageId") if isinstance(event.get("messageId"), str) else None,
        type=event_type,
        headers=headers,
    )
    return event_type, properties


def main(argv):
    if len(argv) != 2:
        print("usage: publish.py FILE.jsonl   (FORLOEB_AMQP_URL names the broker)", file=sys.stderr)
        return 2
    url = os.environ.get("FORLOEB_AMQP_URL")
    if not url:
        print("publish.py: set FORLOEB_AMQP_URL", file=sys.stderr)
        return 2
    with open(argv[1], "rb") as source:
        lines = [line.rstrip(b"\r\n") for line in source if line.strip()]
    try:
        connection = pika.BlockingConnection(connection_parameters(url))
    except pika.exceptions.AMQPError as error:
        print(f"publish.py: cannot connect to the broker at {redacted(url)}: {error!r}", file=sys.stderr)
        return 3
    channel = connection.channel()
    channel.confirm_delivery()  # every basic_publish now waits for the broker's ack
    published = 0
    try:
        for line in lines:
            if len(line) > MAX_BYTES:
                print(f"publish.py: warning: line {published + 1} is over 64 KiB; forloeb will reject it",
                      file=sys.stderr)
            routing_key, properties = message_for(line)
            channel.basic_publish(EXCHANGE, routing_key, line, properties, mandatory=True)
            published += 1
    except pika.exceptions.UnroutableError:
        print(f"publish.py: message {published + 1} matched no queue (is a worker running?)", file=sys.stderr)
        return 3
    except pika.exceptions.NackError:
        print(f"publish.py: the broker refused message {published + 1}", file=sys.stderr)
        return 3
    except pika.exceptions.AMQPError as error:
        print(f"publish.py: publishing to {redacted(url)} failed: {error!r}", file=sys.stderr)
        return 3
    finally:
        if connection.is_open:
            connection.close()
    print(f"published {published} event(s) to {EXCHANGE} at {redacted(url)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
