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
# Certificates outside their validity window (2000-01-01 + 1 day, and from 2100-01-01), issued by
# their own TEST-ONLY CA with keytool, for the expired / not-yet-valid certificate tests.
kt() { keytool "$@" -storetype PKCS12 -storepass $PASS >/dev/null 2>&1; }
rm -f dated-ca.p12 dated-ca.pem expired-localhost.p12 not-yet-valid-localhost.p12
kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=printmail TEST-ONLY Dated CA,O=printmail tests" \
  -ext bc:c -validity 36500 -startdate 1999/12/01 -keystore dated-ca.p12
kt -exportcert -rfc -alias ca -keystore dated-ca.p12 -file dated-ca.pem
mkdated() { # name startdate days
  kt -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=localhost -keystore "$1.p12"
  kt -certreq -alias server -keystore "$1.p12" -file "$1.csr"
  kt -gencert -alias ca -keystore dated-ca.p12 -infile "$1.csr" -outfile "$1.pem" -rfc -startdate "$2" \
    -validity "$3" -ext san=dns:localhost,ip:127.0.0.1 -ext eku=serverAuth
  kt -importcert -noprompt -alias ca -keystore "$1.p12" -file dated-ca.pem
  kt -importcert -alias server -keystore "$1.p12" -file "$1.pem"
  rm -f "$1.csr" "$1.pem"
}
mkdated expired-localhost "2000/01/01 00:00:00" 1
mkdated not-yet-valid-localhost "2100/01/01 00:00:00" 365
rm -f dated-ca.p12
