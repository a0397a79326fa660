#!/bin/sh
# Made these files once, with openssl; the unit tests read them as they are.
# Every certificate here is valid for about a century (until 2125/2126), so
# none expires during the project's life: tests about expiry move "now"
# instead (diagnose takes it as an argument).
#   ca.der        the issuing CA, as GetCACert sends it alone (x-x509-ca-cert)
#   ca-ra.p7b     the CA and an MSCEP-RA certificate in a degenerate PKCS#7
#                 (x-x509-ca-ra-cert), as NDES sends them
#   no-certs.p7b  a degenerate PKCS#7 that carries no certificate
#   data.p7b      a PKCS#7 that is not SignedData
#   *.sha256      the fingerprints openssl computes, to compare with ours
set -e
cd "$(dirname "$0")"
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
cat >"$w/ext.cnf" <<'CNF'
[ ra ]
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = 1.3.6.1.4.1.311.20.2.1, clientAuth
CNF
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$w/ca.key" -out "$w/ca.pem" -days 36500 \
	-subj "/DC=com/DC=contoso/CN=Contoso Issuing CA" \
	-addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" \
	2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout "$w/ra.key" -out "$w/ra.csr" \
	-subj "/C=US/O=Contoso/CN=NDES01-MSCEP-RA" 2>/dev/null
openssl x509 -req -in "$w/ra.csr" -CA "$w/ca.pem" -CAkey "$w/ca.key" -set_serial 0x1234 \
	-days 36000 -extfile "$w/ext.cnf" -extensions ra -out "$w/ra.pem" 2>/dev/null
openssl x509 -in "$w/ca.pem" -outform DER -out ca.der
openssl crl2pkcs7 -nocrl -certfile "$w/ca.pem" -certfile "$w/ra.pem" -outform DER -out ca-ra.p7b
openssl crl2pkcs7 -nocrl -outform DER -out no-certs.p7b
echo "SCEP" >"$w/msg"
openssl cms -data_create -in "$w/msg" -outform DER -out data.p7b
for c in ca ra; do
	openssl x509 -in "$w/$c.pem" -noout -fingerprint -sha256 | sed 's/.*=//' >"$c.sha256"
done
