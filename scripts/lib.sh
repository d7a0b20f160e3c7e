# Shared helpers for the scripts: sourced, not run.

# Installs the Debian packages that are not installed yet (one `apt-get update` first, only if needed).
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing ${missing[*]} ..." >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# A TCP port on 127.0.0.1 that nothing listens on, at or above $1.
free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

# A throwaway CA in folder $1 and certificates it signs: a server certificate for DNS name `localhost` only (so
# that tests can check hostname verification against 127.0.0.1), and with $2 = client a client certificate too.
# Keys are mode 600. Does nothing when the folder already holds them.
make_test_certificates() {
    local tls=$1 who
    [ -f "$tls/server.key" ] && return 0
    mkdir -p "$tls"
    (
        cd "$tls"
        openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
            -subj "/CN=forloeb test CA" 2>/dev/null
        printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
        printf 'extendedKeyUsage=clientAuth\n' >client.ext
        for who in server ${2:-}; do
            openssl req -newkey rsa:2048 -nodes -keyout "$who.key" -out "$who.csr" \
                -subj "/CN=$([ "$who" = server ] && echo localhost || echo forloeb-test-client)" 2>/dev/null
            openssl x509 -req -in "$who.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$who.pem" \
                -days 3650 -extfile "$who.ext" 2>/dev/null
        done
        chmod 600 ./*.key
    )
}
