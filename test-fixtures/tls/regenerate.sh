#!/usr/bin/env bash
# Regenerates the TEST-ONLY CA and server certificates in this folder (valid 20 years).
set -euo pipefail
cd "$(dirname "$0")"
PASS=test-only
mkca() { # name subject
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -days 7300 \
    -subj "$2" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
mkleaf() { # name ca san
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$3" 2>/dev/null
  printf "subjectAltName=%s\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n" "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -out "$1.pem" \
    -days 7300 -extfile "$1.ext" 2>/dev/null
  openssl pkcs12 -export -in "$1.pem" -inkey "$1.key" -certfile "$2.pem" -name server \
    -out "$1.p12" -passout pass:$PASS
  rm -f "$1.csr" "$1.ext"
}
mkca test-ca "/CN=printmail TEST-ONLY Lab CA/O=printmail tests"
mkca untrusted-ca "/CN=printmail TEST-ONLY Untrusted CA/O=printmail tests"
mkleaf localhost test-ca localhost "DNS:localhost,IP:127.0.0.1"
mkleaf wrong-host test-ca wrong-host.invalid "DNS:wrong-host.invalid"
mkleaf untrusted-localhost untrusted-ca localhost "DNS:localhost,IP:127.0.0.1"
rm -f ./*.srl ./*.key
