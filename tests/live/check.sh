# `scepwiz check` against real servers on loopback: nginx in front of
# micromdm's scepserver stands in for NDES, with one server block for each
# answer the article "Test and troubleshoot the SCEP server URL" lists.
#
# It runs in a network namespace with only loopback when the system allows
# one (tests/live/harness.sh); without one it skips, visibly, the two tests
# that would need a name lookup.
. "$top_srcdir/tests/live/harness.sh"
need nginx scepserver openssl curl
ports 18000

P_SCEP=$(port 80) P_DEAD=$(port 99)
P_HEALTHY=$(port 1) P_NDESPAGE=$(port 2) P_503=$(port 3) P_504=$(port 4) P_APPPROXY=$(port 5)
P_414=$(port 6) P_404_14=$(port 7) P_500=$(port 8) P_RA_EXPIRED=$(port 9)
P_RA_EXPIRING=$(port 10) P_RA_VALID=$(port 11) P_404=$(port 12) P_BIG=$(port 13)
P_BIG_CHUNKED=$(port 14) P_SLOW=$(port 15) P_LOOP=$(port 16) P_BROKEN_P7=$(port 17)
P_PROXY=$(port 20) P_CAPS_HTML=$(port 18) P_CAPS_GZIP=$(port 19)
P_RENEWED=$(port 21) P_RA_SHA1=$(port 22)
P_LIMIT_16K=$(port 23) P_HTTPSYS_30000=$(port 24) P_404_15=$(port 25)
P_TLS_GOOD=$(port 443) P_TLS_UNTRUSTED=$(port 444) P_TLS_EXPIRED=$(port 445)
P_TLS_WRONGNAME=$(port 446)
P_TLS_NOCHAIN=$(port 447) P_TLS_CHAIN=$(port 448) P_TLS_CNONLY=$(port 449) P_TLS_APPCN=$(port 450)

# ---- certificates, made fresh so none of them expires under the tests ----

pki=$tmp/pki
mkdir -p "$pki/new" "$tmp/www" "$tmp/nginx/tmp"
: >"$pki/index.txt"
echo 1000 >"$pki/serial"
cat >"$pki/ca.cnf" <<EOF
[ ca ]
default_ca = testca
[ testca ]
database = $pki/index.txt
new_certs_dir = $pki/new
serial = $pki/serial
default_md = sha256
policy = anything
unique_subject = no
[ anything ]
commonName = supplied
[ server ]
subjectAltName = IP:127.0.0.1, DNS:localhost
extendedKeyUsage = serverAuth
[ wrongname ]
subjectAltName = DNS:ndes.wrong.example
extendedKeyUsage = serverAuth
[ cnonly ]
extendedKeyUsage = serverAuth
[ intca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
[ ra ]
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = 1.3.6.1.4.1.311.20.2.1
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
EOF

when() { date -u -d "$1" +%Y%m%d%H%M%SZ; }

# make_ca NAME SUBJECT
make_ca() {
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$pki/$1.key" -out "$pki/$1.pem" \
		-days 3650 -subj "$2" -addext "basicConstraints=critical,CA:true" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

# issue NAME SUBJECT CA EXTENSIONS START END [-md DIGEST]
issue() {
	openssl req -newkey rsa:2048 -nodes -keyout "$pki/$1.key" -out "$pki/$1.csr" \
		-subj "$2" 2>/dev/null &&
		openssl ca -batch -config "$pki/ca.cnf" -cert "$pki/$3.pem" -keyfile "$pki/$3.key" \
			-in "$pki/$1.csr" -out "$pki/$1.pem" -notext -extensions "$4" \
			-startdate "$5" -enddate "$6" ${7:+"$7" "$8"} 2>/dev/null
}

# old_ca NAME SUBJECT START: a CA's certificate from before a renewal, on
# another key (the renewed one is made now).
old_ca() {
	openssl req -new -newkey rsa:2048 -nodes -keyout "$pki/$1.key" -out "$pki/$1.csr" \
		-subj "$2" 2>/dev/null &&
		openssl ca -batch -selfsign -config "$pki/ca.cnf" -keyfile "$pki/$1.key" \
			-in "$pki/$1.csr" -out "$pki/$1.pem" -notext -extensions ca_ext \
			-startdate "$3" -enddate "$(when '+5 years')" 2>/dev/null
}

# ra_pkcs7 NAME [CA]: the NDES CA (and the certificate CA) and the RA
# certificate NAME as GetCACert sends them.
ra_pkcs7() {
	openssl crl2pkcs7 -nocrl -certfile "$pki/ndesca.pem" ${2:+-certfile "$pki/$2.pem"} \
		-certfile "$pki/$1.pem" -outform DER -out "$tmp/www/$1.p7b"
}

past=$(when '-2 years') yesterday=$(when '-1 day') soon=$(when '+10 days')
later=$(when '+1 year') now=$(when 'now')
{
	make_ca tlsca "/CN=scepwiz test TLS CA" &&
	make_ca otherca "/CN=scepwiz untrusted CA" &&
	make_ca ndesca "/CN=scepwiz test NDES CA" &&
	issue good "/CN=127.0.0.1" tlsca server "$now" "$later" &&
	issue untrusted "/CN=127.0.0.1" otherca server "$now" "$later" &&
	issue expired "/CN=127.0.0.1" tlsca server "$past" "$yesterday" &&
	issue wrongname "/CN=ndes.wrong.example" tlsca wrongname "$now" "$later" &&
	issue cnonly "/CN=localhost" tlsca cnonly "$now" "$later" &&
	issue appcn "/CN=ndes-contoso.msappproxy.net" tlsca cnonly "$now" "$later" &&
	issue intca "/CN=scepwiz test intermediate CA" tlsca intca "$now" "$later" &&
	issue chained "/CN=127.0.0.1" intca server "$now" "$later" &&
	issue ra-valid "/CN=NDES-MSCEP-RA" ndesca ra "$now" "$later" &&
	issue ra-expired "/CN=NDES-MSCEP-RA" ndesca ra "$past" "$yesterday" &&
	issue ra-expiring "/CN=NDES-MSCEP-RA" ndesca ra "$now" "$soon" &&
	ra_pkcs7 ra-valid && ra_pkcs7 ra-expired && ra_pkcs7 ra-expiring &&
	# After a CA renewal: both CA certificates, the RA still on the old key.
	old_ca ndesca-old "/CN=scepwiz test NDES CA" "$past" &&
	issue ra-old-ca "/CN=NDES-MSCEP-RA" ndesca-old ra "$now" "$later" &&
	ra_pkcs7 ra-old-ca ndesca-old &&
	issue ra-sha1 "/CN=NDES-MSCEP-RA" ndesca ra "$now" "$later" -md sha1 &&
	ra_pkcs7 ra-sha1
} || bail "openssl could not make the test certificates"
# What a server sends with the intermediate, and a CA file that completes
# the chain when it doesn't.
cat "$pki/chained.pem" "$pki/intca.pem" >"$pki/chained+intca.pem"
cp "$pki/chained.key" "$pki/chained+intca.key"
cat "$pki/tlsca.pem" "$pki/intca.pem" >"$pki/tlsca+intca.pem"
# A PKCS#7 cut in half, as a broken proxy or disk might send it.
head -c 900 "$tmp/www/ra-valid.p7b" >"$tmp/www/broken.p7b"

# ---- pages ------------------------------------------------------------------

cat >"$tmp/www/ndes.html" <<'EOF'
<html><head><title>Network Device Enrollment Service</title></head><body>
<h1>Network Device Enrollment Service</h1>
<p>Network Device Enrollment Service allows you to obtain certificates for routers or
other network devices using the Simple Certificate Enrollment Protocol (SCEP).</p>
</body></html>
EOF
cat >"$tmp/www/gatewaytimeout.html" <<'EOF'
<html><head><title>Gateway Timeout</title></head><body>
<p>Error: GatewayTimeout. This corporate app can't be accessed right now.</p>
</body></html>
EOF
head -c 2097152 /dev/zero | tr '\0' 'A' >"$tmp/www/big.txt"
printf 'POSTPKIOperation\nSHA-256\n' | gzip -c >"$tmp/www/caps.gz"
head -c 65536 /dev/zero | tr '\0' 'A' >"$tmp/www/slow.txt"

# ---- scepserver: the SCEP side of the healthy NDES ---------------------------

scepserver ca -init -depot "$tmp/depot" >/dev/null 2>&1 || bail "scepserver ca -init failed"
scepserver -depot "$tmp/depot" -port "$P_SCEP" >"$tmp/scepserver.log" 2>&1 &
pids="$pids $!"

# ---- nginx --------------------------------------------------------------------

# ndes [CACERT-FILE]: the SCEP server URL as NDES serves it: 403 to a browser,
# operations answered by scepserver (GetCACert from a file when given).
ndes() {
	echo "location = /certsrv/mscep/mscep.dll {"
	echo "  if (\$arg_operation = \"\") { return 403; }"
	[ -n "${1:-}" ] && echo "  if (\$arg_operation = GetCACert) { rewrite ^ /$1 last; }"
	echo "  proxy_pass http://127.0.0.1:$P_SCEP/scep;"
	echo "}"
	echo "location ~ \\.p7b\$ { internal; default_type application/x-x509-ca-ra-cert; }"
}

# server PORT [ssl CERT] DIRECTIVES...
server() {
	p=$1
	shift
	if [ "$1" = ssl ]; then
		echo "server { listen 127.0.0.1:$p ssl;"
		echo "  ssl_certificate $pki/$2.pem; ssl_certificate_key $pki/$2.key;"
		shift 2
	else
		echo "server { listen 127.0.0.1:$p;"
	fi
	printf '  %s\n' "$@"
	echo "}"
}

iis_404_14='<html><head><title>IIS 10.0 Detailed Error - 404.14 - Not Found</title></head><body><h3>HTTP Error 404.14 - Not Found</h3><h4>The request filtering module is configured to deny a request where the URL is too long.</h4></body></html>'
iis_503='<h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p>'
iis_404_15='<html><head><title>IIS 10.0 Detailed Error - 404.15 - Not Found</title></head><body><h3>HTTP Error 404.15 - Not Found</h3><h4>The request filtering module is configured to deny a request where the query string is too long.</h4></body></html>'
httpsys_400='<HTML><HEAD><TITLE>Bad Request</TITLE></HEAD><BODY><h2>Bad Request - Request Too Long</h2><hr><p>HTTP Error 400. The size of the request headers is too long.</p></BODY></HTML>'

# mscep LIMIT-DIRECTIVE: NDES behind a limit on long requests.
mscep() {
	echo "location = /certsrv/mscep/mscep.dll {"
	echo "  $1"
	echo "  if (\$arg_operation = \"\") { return 403; }"
	echo "  proxy_pass http://127.0.0.1:$P_SCEP/scep;"
	echo "}"
}

{
	cat <<EOF
daemon off;
master_process off;
# As root nginx would hand its temp folders to "nobody", who may not exist
# in the namespace; ignored (with a notice) when not root.
user $(id -un) $(id -gn);
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log $tmp/nginx/access.log;
  # What each server was sent, in bytes, as HTTP.sys's MaxRequestBytes counts.
  log_format sizes '\$server_port \$request_length \$status';
  access_log $tmp/nginx/sizes.log sizes;
  client_body_temp_path $tmp/nginx/tmp/body;
  proxy_temp_path $tmp/nginx/tmp/proxy;
  fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
  uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
  scgi_temp_path $tmp/nginx/tmp/scgi;
  root $tmp/www;
  default_type text/html;
  # NDES is set up for 65534-byte URLs; devices send PKIOperation by GET.
  large_client_header_buffers 4 64k;
EOF
	server "$P_HEALTHY" "$(ndes)"
	server "$P_NDESPAGE" "$(ndes | sed 's|return 403;|rewrite ^ /ndes.html last;|')"
	server "$P_503" "location / { return 503 '$iis_503'; }"
	server "$P_504" "location / { return 504; }"
	server "$P_APPPROXY" "location / { proxy_pass http://127.0.0.1:$P_DEAD; }" \
		"error_page 502 /gatewaytimeout.html;" "location = /gatewaytimeout.html { }"
	# A real 414: request lines longer than 1k don't fit.
	server "$P_414" "large_client_header_buffers 2 1k;" "$(ndes)"
	server "$P_404_14" "location = /certsrv/mscep/mscep.dll {" \
		"  if (\$args ~ \"^.{4096}\") { return 404 '$iis_404_14'; }" \
		"  if (\$arg_operation = \"\") { return 403; }" \
		"  proxy_pass http://127.0.0.1:$P_SCEP/scep; }"
	# Limits on long requests: nginx's own 414 past a 16 KB request line;
	# HTTP.sys's page past 29999 bytes, as MaxRequestBytes = 29999 would
	# answer; IIS request filtering past a query string of 45500 bytes.
	server "$P_LIMIT_16K" "large_client_header_buffers 4 16k;" "$(ndes)"
	server "$P_HTTPSYS_30000" \
		"$(mscep "if (\$request_length ~ \"^(3[0-9]{4}|[4-9][0-9]{4}|[0-9]{6,})\$\") { return 400 '$httpsys_400'; }")"
	server "$P_404_15" "$(mscep "if (\$args ~ \"^.{45500}\") { return 404 '$iis_404_15'; }")"
	server "$P_500" "location / { return 500; }"
	server "$P_RA_EXPIRED" "$(ndes ra-expired.p7b)"
	server "$P_RA_EXPIRING" "$(ndes ra-expiring.p7b)"
	server "$P_RA_VALID" "$(ndes ra-valid.p7b)"
	server "$P_BROKEN_P7" "$(ndes broken.p7b)"
	server "$P_RENEWED" "$(ndes ra-old-ca.p7b)"
	server "$P_RA_SHA1" "$(ndes ra-sha1.p7b)"
	server "$P_CAPS_HTML" "$(ndes | sed 's|  proxy_pass|  if ($arg_operation = GetCACaps) { rewrite ^ /ndes.html last; }\n  proxy_pass|')"
	server "$P_CAPS_GZIP" "$(ndes | sed 's|  proxy_pass|  if ($arg_operation = GetCACaps) { rewrite ^ /caps.gz last; }\n  proxy_pass|')" \
		"location = /caps.gz { default_type text/plain; }"
	server "$P_404" "location / { return 404; }"
	server "$P_BIG" "location / { try_files /big.txt =404; }"
	# SSI drops the Content-Length: the size is only known by reading.
	server "$P_BIG_CHUNKED" "location / { ssi on; try_files /big.txt =404; }"
	server "$P_SLOW" "location / { limit_rate 1k; try_files /slow.txt =404; }"
	server "$P_LOOP" "location / { return 302 /again\$request_uri; }"
	server "$P_PROXY" "location / { proxy_pass http://127.0.0.1:$P_HEALTHY; }"
	server "$P_TLS_GOOD" ssl good "$(ndes)"
	server "$P_TLS_UNTRUSTED" ssl untrusted "$(ndes)"
	server "$P_TLS_EXPIRED" ssl expired "$(ndes)"
	server "$P_TLS_WRONGNAME" ssl wrongname "$(ndes)"
	server "$P_TLS_NOCHAIN" ssl chained "$(ndes)"
	server "$P_TLS_CHAIN" ssl chained+intca "$(ndes)"
	server "$P_TLS_CNONLY" ssl cnonly "$(ndes)"
	server "$P_TLS_APPCN" ssl appcn "$(ndes)"
	echo "}"
} >"$tmp/nginx/nginx.conf"

nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
pids="$pids $!"

# Both servers answer before the tests begin, or the run stops here.
up() { curl -s -o /dev/null --max-time 1 "$1"; }
tries=0
until up "http://127.0.0.1:$P_HEALTHY/certsrv/mscep/mscep.dll?operation=GetCACaps"; do
	tries=$((tries + 1))
	if [ $tries -gt 100 ]; then
		sed 's/^/# /' "$tmp/nginx/error.log" "$tmp/scepserver.log" 2>/dev/null
		bail "nginx and scepserver did not come up"
	fi
	sleep 0.1
done

SCEP=/certsrv/mscep/mscep.dll
http() { echo "http://127.0.0.1:$1$SCEP"; }
https() { echo "https://127.0.0.1:$1$SCEP"; }

# ---- the article's branches ---------------------------------------------------

# expect NAME EXIT SECTION OUTCOME CHECK-ARGS...: the check exits EXIT and
# names SECTION in its text and its YAML, whose outcome is OUTCOME.
expect() {
	name=$1 code=$2 section=$3 outcome=$4
	shift 4
	ok "$name: exit $code" exits "$code" $W check "$@"
	ok "$name: text names $section" has "see section $section" "$out"
	cp "$out" "$tmp/text"
	ok "$name: yaml exit $code" exits "$code" $W check --format yaml "$@"
	ok "$name: yaml names $section" has "section: $section" "$out"
	ok "$name: yaml outcome $outcome" has "outcome: $outcome" "$out"
}

# expect_advice NAME TEXT CHECK-ARGS...: a problem no section covers (TLS): the
# finding's own sentence, which gives the advice, and no section.
expect_advice() {
	name=$1 advice=$2
	shift 2
	ok "$name: exit 1" exits 1 $W check "$@"
	ok "$name: text gives the advice" has "$advice" "$out"
	ok "$name: no section named" test "$(grep -c 'see section' "$out")" = 0
	cp "$out" "$tmp/text"
	ok "$name: yaml exit 1" exits 1 $W check --format yaml "$@"
	ok "$name: yaml outcome other" has "outcome: other" "$out"
}

healthy() {
	name=$1
	shift
	ok "$name: exit 0" exits 0 $W check "$@"
	ok "$name: text says healthy" has "Result: the server behaves as a healthy NDES." "$out"
	cp "$out" "$tmp/text"
	ok "$name: yaml exit 0" exits 0 $W check --format yaml "$@"
	ok "$name: yaml outcome ok" has "outcome: ok" "$out"
	ok "$name: yaml no problem" has "problems: 0" "$out"
}

healthy "healthy NDES" "$(http "$P_HEALTHY")"
ok "healthy: no progress line when stderr is not a terminal" test ! -s "$err"
ok "healthy: 403 seen" has "code: status-403" "$out"
ok "healthy: capabilities listed" grep -qE "^capabilities: \[.*SHA-256" "$out"
ok "healthy: scepserver's CA listed" has "subject: OU=SCEP CA,O=scep-ca,C=US" "$out"
ok "healthy: the long request passes" has "code: long-ok" "$out"
ok "healthy: 65534 bytes got through" has "largest_ok: 65534" "$out"
ok "healthy: nothing was refused" has "first_refused: null" "$out"
ok "healthy: the server was sent 65534 bytes" grep -q "^$P_HEALTHY 65534 200\$" "$tmp/nginx/sizes.log"
ok "healthy: one long request was enough" \
	test "$(grep -c "^$P_HEALTHY [0-9]\{4,\} " "$tmp/nginx/sizes.log")" = 2
ok "healthy: the text gives the figures" \
	has "Largest request accepted: 65534; first refused: none" "$tmp/text"
ok "healthy: text lists the CA" has "CA  OU=SCEP CA,O=scep-ca,C=US" "$tmp/text"
ok "healthy: the long request reached the server" \
	grep -q "message=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" \
	"$tmp/nginx/access.log"

expect "general NDES page" 1 general-ndes-message general-ndes-message "$(http "$P_NDESPAGE")"
expect "HTTP 503" 1 http-error-503 http-error-503 "$(http "$P_503")"
expect "HTTP 504" 1 gatewaytimeout gatewaytimeout "$(http "$P_504")"
expect "application proxy GatewayTimeout page" 1 gatewaytimeout gatewaytimeout \
	"$(http "$P_APPPROXY")"
ok "GatewayTimeout page: found by its text" has "code: gatewaytimeout-page" "$out"
expect "HTTP 414 on the long request" 1 http-414-request-uri-too-long \
	http-414-request-uri-too-long "$(http "$P_414")"
ok "HTTP 414: the short URL is healthy" has "code: status-403" "$out"
ok "HTTP 414: seen on the long request" has "code: status-414" "$out"
ok "HTTP 414: nothing got through" has "largest_ok: null" "$out"
ok "HTTP 414: refused from the smallest size" has "first_refused: 2048" "$out"
expect "IIS 404.14 on the long request" 1 http-414-request-uri-too-long \
	http-414-request-uri-too-long "$(http "$P_404_14")"
ok "404.14: found by its page" has "code: request-filtering" "$out"
ok "404.14: the largest request that got through" has "largest_ok: 4096" "$out"
ok "404.14: the first refused" has "first_refused: 5120" "$out"
ok "404.14: who refused" has "by IIS request filtering 404.14" "$tmp/text"

# ---- the long request, measured -------------------------------------------------

# A limit of 16 KB is below the 40 KB devices send: a problem, measured.
expect "a 16 KB limit on requests" 1 http-414-request-uri-too-long \
	http-414-request-uri-too-long "$(http "$P_LIMIT_16K")"
ok "16 KB: refused with a 414" has "code: status-414" "$out"
ok "16 KB: the largest request that got through" has "largest_ok: 16384" "$out"
ok "16 KB: the first refused" has "first_refused: 17408" "$out"
ok "16 KB: the server was sent those 16384 bytes" \
	grep -q "^$P_LIMIT_16K 16384 200\$" "$tmp/nginx/sizes.log"
ok "16 KB: nothing larger got through" \
	test -z "$(awk -v p="$P_LIMIT_16K" '$1 == p && $3 == 200 && $2 > 16384' "$tmp/nginx/sizes.log")"
ok "16 KB: the text gives the figures" \
	has "Largest request accepted: 16384; first refused: 17408" "$tmp/text"
ok "16 KB: the text says who refused" has "refused at 17408 bytes by Server: nginx" "$tmp/text"

expect "HTTP.sys refusing requests over 29999 bytes" 1 http-414-request-uri-too-long \
	http-414-request-uri-too-long "$(http "$P_HTTPSYS_30000")"
ok "HTTP.sys: Request Too Long" has "code: request-too-long" "$out"
ok "HTTP.sys: the largest request that got through" has "largest_ok: 29696" "$out"
ok "HTTP.sys: the first refused" has "first_refused: 30720" "$out"
ok "HTTP.sys: named" has "by HTTP.sys Request Too Long" "$tmp/text"
ok "HTTP.sys: the server was sent 29696 bytes" \
	grep -q "^$P_HTTPSYS_30000 29696 200\$" "$tmp/nginx/sizes.log"
ok "HTTP.sys: and refused 30720" grep -q "^$P_HTTPSYS_30000 30720 400\$" "$tmp/nginx/sizes.log"

# Past the 40 KB devices send, short of the article's 65534: a warning.
healthy "IIS 404.15 past a query string of 45500 bytes" "$(http "$P_404_15")"
ok "404.15: a warning" has "code: long-below-target" "$out"
ok "404.15: its severity" has "severity: warning" "$out"
ok "404.15: the largest request that got through" has "largest_ok: 45056" "$out"
ok "404.15: the first refused" has "first_refused: 46080" "$out"
ok "404.15: who refused" has "IIS request filtering 404.15" "$tmp/text"
ok "404.15: the text shows the warning and its section" \
	has "see section http-414-request-uri-too-long" "$tmp/text"
ok "404.15: the text gives the figures" \
	has "Largest request accepted: 45056; first refused: 46080" "$tmp/text"
ok "404.15: the server was sent 45056 bytes, and refused 46080" \
	sh -c "grep -q '^$P_404_15 45056 200\$' '$tmp/nginx/sizes.log' &&
		grep -q '^$P_404_15 46080 404\$' '$tmp/nginx/sizes.log'"
expect "HTTP 500" 1 internal-server-error internal-server-error "$(http "$P_500")"
expect "expired MSCEP-RA certificate" 1 internal-server-error internal-server-error \
	"$(http "$P_RA_EXPIRED")"
ok "expired RA: the URL itself answers 403" has "code: status-403" "$out"
ok "expired RA: named" has "code: ra-expired" "$out"
ok "expired RA: its subject shown" has "CN=NDES-MSCEP-RA" "$out"
ok "expired RA: the EKU shown" has "Certificate Request Agent (1.3.6.1.4.1.311.20.2.1)" "$out"

healthy "MSCEP-RA certificate expiring in 10 days" "$(http "$P_RA_EXPIRING")"
ok "expiring RA: a warning" has "code: ra-expiring" "$out"
ok "expiring RA: points to the 500 section" has "section: internal-server-error" "$out"
ok "expiring RA: text shows the warning" has "[warning] an MSCEP-RA certificate expires within 30 days" "$tmp/text"
healthy "valid MSCEP-RA certificate" "$(http "$P_RA_VALID")"
ok "valid RA: two certificates listed" has "certificates in a PKCS#7: 2" "$out"
ok "valid RA: listed as RA" has "role: ra" "$out"
ok "valid RA: its roles named" has "code: ra-roles" "$out"
ok "valid RA: one certificate signs and encrypts" has "role: RA signing, RA encryption" "$out"

# After a CA renewal, RA certificates still on the old CA key (Windows 10
# devices stop trusting NDES), and an RA signed with SHA-1 (iOS refuses it).
expect "RA on the renewed CA's old key" 1 scep-deployment-to-win10-devices-fails/solution other \
	"$(http "$P_RENEWED")"
ok "old CA key: named" has "code: ra-old-ca" "$out"
ok "old CA key: both CA certificates sent" has "certificates in a PKCS#7: 3" "$out"
ok "old CA key: the RA's role in the evidence" has "role: RA signing, RA encryption" "$out"
ok "old CA key: the text says it" has \
	"[PROBLEM] an RA certificate chains to the CA's old certificate" "$tmp/text"
ok "old CA key: the section is named with its article, not as a bare Solution" has \
	"solution: SCEP deployment to Windows 10 devices fails after you renew the CA certificate › Solution" \
	"$tmp/text"
expect "RA signed with SHA-1" 1 ios-scep-failure-no-getcacaps/solution other "$(http "$P_RA_SHA1")"
ok "SHA-1: named" has "code: sha1-signature" "$out"
ok "SHA-1: the algorithm shown" has "sha1WithRSAEncryption" "$out"

# GetCACaps answering something that is no list of capabilities.
expect "GetCACaps answers an HTML page" 1 less-common-status-codes other "$(http "$P_CAPS_HTML")"
ok "HTML capabilities: named" has "code: caps-not-a-list" "$out"
ok "HTML capabilities: said what it is" has "detail: an HTML page" "$out"
ok "HTML capabilities: not graded ok" test "$(grep -c 'code: caps$' "$out")" = 0
expect "GetCACaps answers gzip" 1 less-common-status-codes other "$(http "$P_CAPS_GZIP")"
ok "gzip capabilities: said what it is" has "detail: gzip-compressed data" "$out"

expect "another status" 1 less-common-status-codes other "$(http "$P_404")"
expect "broken PKCS#7" 1 less-common-status-codes other "$(http "$P_BROKEN_P7")"
ok "broken PKCS#7: named" has "code: certs-unreadable" "$out"

# No answer from a plain host: nothing listens, no such host, too slow: the
# network path.
expect "connection refused" 1 blocked-on-the-network blocked-on-the-network \
	"$(http "$P_DEAD")"
ok "connection refused: said so" has "code: connect-refused" "$out"
ok "connection refused: curl's words" has "Failed to connect to 127.0.0.1 port $P_DEAD" "$out"
if [ "${SCEPWIZ_NETNS:-}" = 1 ]; then
	expect "unresolvable name" 1 blocked-on-the-network blocked-on-the-network \
		"http://ndes.scepwiz.invalid$SCEP"
	ok "unresolvable name: said so" has "code: dns" "$out"
	ok "unresolvable name: curl's words" has "Could not resolve host: ndes.scepwiz.invalid" "$out"
else
	echo "ok $((tap_n += 1)) # SKIP name lookups need a network namespace here"
fi
expect "slow server" 1 blocked-on-the-network blocked-on-the-network \
	--timeout 1 "$(http "$P_SLOW")"
ok "slow server: a timeout" has "code: timeout" "$out"

# ---- TLS ------------------------------------------------------------------------

healthy "TLS with --cacert" --cacert "$pki/tlsca.pem" "$(https "$P_TLS_GOOD")"
ok "TLS: verified" has "code: tls-verified" "$out"
ok "TLS: the root issued it, nothing is missing" \
	test "$(grep -c 'code: tls-chain-incomplete' "$out")" = 0
expect_advice "TLS, CA not in the system store" "give that root to scepwiz with --cacert" \
	"$(https "$P_TLS_GOOD")"
ok "unknown issuer: said so" has "code: tls-unknown-issuer" "$out"
expect_advice "TLS, untrusted issuer" "isn't issued by a trusted CA" \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_UNTRUSTED")"
ok "untrusted issuer: said so" has "code: tls-unknown-issuer" "$out"
ok "untrusted issuer: curl's words" has "unable to get local issuer certificate" "$out"
expect_advice "TLS, expired certificate" "renew it and bind the new one" \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_EXPIRED")"
ok "expired certificate: said so" has "code: tls-expired" "$out"
expect_advice "TLS, wrong name" "doesn't name the host in the URL" \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_WRONGNAME")"
ok "wrong name: said so" has "code: tls-name-mismatch" "$out"
healthy "TLS --insecure" --insecure "$(https "$P_TLS_UNTRUSTED")"
ok "--insecure: in the yaml" has "insecure: true" "$out"
ok "--insecure: what verification would say" has "code: tls-would-fail" "$out"
ok "--insecure: in the text" has "TLS verification is off (--insecure)." "$tmp/text"
expect_advice "TLS spoken to a plain port" "the TLS handshake fails" \
	"https://127.0.0.1:$P_HEALTHY$SCEP"
ok "plain port: a handshake failure" has "code: tls-handshake" "$out"

# ---- TLS as devices see it --------------------------------------------------------

# The host only in the subject CN: curl accepts it, iOS and Android don't.
cnonly="https://localhost:$P_TLS_CNONLY$SCEP"
ok "CN only: exit 1" exits 1 $W check --cacert "$pki/tlsca.pem" "$cnonly"
ok "CN only: text says it" has "names the host only in its subject CN" "$out"
ok "CN only: text names the host" has "localhost is only in the subject CN=localhost" "$out"
ok "CN only: text asks for the subjectAltName" has "subjectAltName DNS entry" "$out"
ok "CN only: yaml exit 1" exits 1 $W check --format yaml --cacert "$pki/tlsca.pem" "$cnonly"
ok "CN only: the code" has "code: tls-cn-only" "$out"
ok "CN only: the one problem" has "problems: 1" "$out"
ok "CN only: not called valid and trusted, though curl accepted it" sh -c "! grep -q 'code: tls-verified' '$out'"
ok "CN only, --insecure: exit 1" exits 1 $W check --format yaml --insecure \
	--cacert "$pki/tlsca.pem" "$cnonly"
ok "CN only, --insecure: the code" has "code: tls-cn-only" "$out"
ok "CN only, --insecure: nothing else would fail" \
	test "$(grep -c 'code: tls-would-fail' "$out")" = 0

# An intermediate the server doesn't send: this computer's CA file completes
# the chain, devices don't.
healthy "intermediate not sent" --cacert "$pki/tlsca+intca.pem" "$(https "$P_TLS_NOCHAIN")"
ok "intermediate not sent: the code" has "code: tls-chain-incomplete" "$out"
ok "intermediate not sent: a warning" sh -c \
	"grep -A1 'code: tls-chain-incomplete' '$out' | grep -q 'severity: warning'"
ok "intermediate not sent: named" has "not sent: CN=scepwiz test intermediate CA" "$out"
ok "intermediate not sent: the text says it" has \
	"[warning] the server doesn't send the intermediate CA certificates of its chain" "$tmp/text"
ok "intermediate not sent: the text names it" has "CN=scepwiz test intermediate CA" "$tmp/text"
healthy "intermediate sent" --cacert "$pki/tlsca+intca.pem" "$(https "$P_TLS_CHAIN")"
ok "intermediate sent: no warning" test "$(grep -c 'code: tls-chain-incomplete' "$out")" = 0
healthy "intermediate sent, the root alone trusted" --cacert "$pki/tlsca.pem" "$(https "$P_TLS_CHAIN")"
ok "... no warning" test "$(grep -c 'code: tls-chain-incomplete' "$out")" = 0
# The root alone and no intermediate sent: curl can't verify, --insecure reads it.
expect_advice "intermediate not sent, the root alone trusted" "isn't issued by a trusted CA" \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_NOCHAIN")"
# ... and, without --insecure, the chain read apart says why: the server
# doesn't send the intermediate, which the root given can't replace.
ok "... the chain is read apart" exits 1 $W check --format yaml \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_NOCHAIN")"
ok "... the intermediate not sent is named" has "code: tls-chain-incomplete" "$out"
ok "... and the CA file does not hold it" has "hold it either" "$out"
ok "--insecure, intermediate not sent: exit 0" exits 0 $W check --format yaml --insecure \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_NOCHAIN")"
ok "... the code" has "code: tls-chain-incomplete" "$out"
ok "... and verification would fail" has "detail: unable to get local issuer certificate" "$out"
ok "--insecure, intermediate not sent: text" exits 0 $W check --insecure \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_NOCHAIN")"
ok "... the CA file doesn't hold it" has "$pki/tlsca.pem doesn't hold it either" "$out"

# An application proxy host gets the proxy's advice, not the IIS binding's.
if [ "${SCEPWIZ_NETNS:-}" = 1 ] && unshare -m true 2>/dev/null; then
	printf '127.0.0.1 localhost\n127.0.0.1 ndes-contoso.msappproxy.net\n' >"$tmp/hosts"
	proxyhost() { unshare -m sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$tmp/hosts" "$@"; }
	app="https://ndes-contoso.msappproxy.net"
	ok "application proxy, CN only: exit 1" exits 1 proxyhost $W check --cacert "$pki/tlsca.pem" \
		"$app:$P_TLS_APPCN$SCEP"
	ok "... the proxy's advice" has "SCEP external URL yourtenant.msappproxy.net" "$out"
	ok "... its section" has "see section this-page-cant-be-displayed" "$out"
	ok "... not the IIS advice" test "$(grep -c 'in IIS' "$out")" = 0
	ok "... the host named" has "ndes-contoso.msappproxy.net is only in the subject CN" "$out"
	ok "application proxy, CN only: yaml" exits 1 proxyhost $W check --format yaml \
		--cacert "$pki/tlsca.pem" "$app:$P_TLS_APPCN$SCEP"
	ok "... the code" has "code: tls-app-proxy" "$out"
	ok "... not tls-cn-only" test "$(grep -c 'code: tls-cn-only' "$out")" = 0
	ok "... the outcome" has "outcome: this-page-cant-be-displayed" "$out"
	ok "application proxy, wrong name: exit 1" exits 1 proxyhost $W check --format yaml \
		--cacert "$pki/tlsca.pem" "$app:$P_TLS_GOOD$SCEP"
	ok "... the code" has "code: tls-app-proxy" "$out"
	ok "... not tls-name-mismatch" test "$(grep -c 'code: tls-name-mismatch' "$out")" = 0
else
	echo "ok $((tap_n += 1)) # SKIP an application proxy host needs a mount namespace here"
fi

# ---- bounds and bad input ---------------------------------------------------------

expect "more than 1 MiB, announced" 1 less-common-status-codes other "$(http "$P_BIG")"
ok "1 MiB announced: said so" has "code: too-big" "$out"
expect "more than 1 MiB, chunked" 1 less-common-status-codes other "$(http "$P_BIG_CHUNKED")"
ok "1 MiB chunked: said so" has "code: too-big" "$out"
expect "redirect loop" 1 less-common-status-codes other "$(http "$P_LOOP")"
ok "redirect loop: said so" has "code: redirects" "$out"

before=$(wc -l <"$tmp/nginx/access.log")
ok "ftp: refused" exits 64 $W check "ftp://127.0.0.1:$P_HEALTHY$SCEP"
ok "ftp: says why" has "only http and https URLs can be checked" "$err"
for url in "ftp://127.0.0.1:$P_HEALTHY$SCEP" "file:///etc/passwd" "gopher://127.0.0.1:$P_HEALTHY/" \
	"http://" "127.0.0.1:$P_HEALTHY$SCEP" "http://[::1$SCEP" "http://exa mple/"; do
	ok "refused: $url" exits 64 $W check "$url"
	ok "refused with nothing on stdout: $url" test ! -s "$out"
done
ok "refused URLs fetched nothing" test "$(wc -l <"$tmp/nginx/access.log")" = "$before"
ok "check --help: exit 0" exits 0 $W check --help
ok "check --help: names the options" has "--insecure" "$out"
ok "no URL: exit 64" exits 64 $W check
ok "two URLs: both checked (tests/live/check_many.sh has more)" exits 0 $W check \
	"$(http "$P_HEALTHY")" "$(http "$P_HEALTHY")"
ok "... a line each" test "$(grep -c ' ok  *0 problems$' "$out")" = 2
ok "an unknown option: exit 64" exits 64 $W check --bogus "$(http "$P_HEALTHY")"
ok "... the short usage names --enroll" has "[--enroll [--challenge TEXT]]" "$err"
ok "bad format: exit 64" exits 64 $W check --format xml "$(http "$P_HEALTHY")"
ok "bad timeout: exit 64" exits 64 $W check --timeout 0 "$(http "$P_HEALTHY")"
ok "missing --cacert: exit 66" exits 66 $W check --cacert "$tmp/none.pem" "$(http "$P_HEALTHY")"
# An unusable --cacert is a usage error, not the server's TLS failing.
printf 'not a certificate\n' >"$tmp/garbage.pem"
: >"$tmp/empty.pem"
for bad in "$tmp" "$pki/good.key" "$tmp/garbage.pem" "$tmp/empty.pem"; do
	ok "unusable --cacert $(basename "$bad"): exit 64" exits 64 $W check --cacert "$bad" "$(https "$P_TLS_GOOD")"
	ok "... says what it wants" has "is not a file with a PEM certificate" "$err"
	ok "... and checks nothing" test ! -s "$out"
done
ok "a --cacert path is escaped" exits 66 $W check --cacert "$(printf '%s/\033[2Jx' "$tmp")" "$(http "$P_HEALTHY")"
ok "... in the message" has '\x1b[2Jx' "$err"

# With --insecure, the chain is verified apart: the real reason is given.
ok "--insecure, valid with --cacert: exit 0" exits 0 $W check --format yaml --insecure \
	--cacert "$pki/tlsca.pem" "$(https "$P_TLS_GOOD")"
ok "... nothing would fail" test "$(grep -c 'code: tls-would-fail' "$out")" = 0
ok "--insecure, expired" exits 0 $W check --format yaml --insecure --cacert "$pki/tlsca.pem" \
	"$(https "$P_TLS_EXPIRED")"
ok "... would fail: expired" has "detail: certificate has expired" "$out"
ok "--insecure, wrong name" exits 0 $W check --format yaml --insecure --cacert "$pki/tlsca.pem" \
	"$(https "$P_TLS_WRONGNAME")"
ok "... would fail: the name" has "detail: IP address mismatch" "$out"
ok "--insecure, unknown issuer" exits 0 $W check --format yaml --insecure "$(https "$P_TLS_GOOD")"
ok "... would fail: the issuer" has "detail: unable to get local issuer certificate" "$out"

# No system CA store (a fresh minimal system): said so, with the fix.
if [ "${SCEPWIZ_NETNS:-}" = 1 ] && unshare -m true 2>/dev/null; then
	nostore() { unshare -m sh -c 'mount -t tmpfs none /etc/ssl/certs && exec "$@"' sh "$@"; }
	ok "no CA store: exit 66" exits 66 nostore $W check "$(https "$P_TLS_GOOD")"
	ok "... says how to install it" has "apt-get install ca-certificates" "$err"
	ok "... and blames no server" test "$(grep -c 'TLS handshake' "$err")" = 0
	ok "no CA store but --cacert: works" exits 0 nostore $W check --cacert "$pki/tlsca.pem" \
		"$(https "$P_TLS_GOOD")"
else
	echo "ok $((tap_n += 1)) # SKIP hiding the CA store needs a mount namespace here"
fi

# --timeout bounds name resolution too: a DNS server that never answers
# (glibc would wait 5 s twice, and curl used to wait for it at cleanup).
if [ "${SCEPWIZ_NETNS:-}" = 1 ] && unshare -m true 2>/dev/null; then
	silent=$(dirname "$SCEPWIZ")/../tests/live/silent_udp
	"$silent" 53 &
	pids="$pids $!"
	echo "nameserver 127.0.0.1" >"$tmp/resolv.conf"
	silentdns() {
		unshare -m sh -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' "$tmp/resolv.conf" "$@"
	}
	start=$(date +%s)
	ok "a DNS server that never answers: exit 1" exits 1 silentdns $W check --format yaml --timeout 2 \
		"http://ndes.contoso.test$SCEP"
	took=$(($(date +%s) - start))
	ok "... within the timeout (took ${took} s)" test "$took" -le 4
	ok "... said as no answer in time" has "code: timeout" "$out"
else
	echo "ok $((tap_n += 1)) # SKIP a silent DNS server needs a mount namespace here"
fi

# An empty host is refused, not read as host x.
ok "http:///x: refused" exits 64 $W check "http:///x"
ok "... names no host" has "the URL names no host" "$err"

if [ "${SCEPWIZ_NETNS:-}" = 1 ]; then
	ok "a proxy from the environment is used" exits 0 \
		env http_proxy="http://127.0.0.1:$P_PROXY" $W check "http://ndes.scepwiz.invalid$SCEP"
else
	echo "ok $((tap_n += 1)) # SKIP proxy test needs a network namespace here"
fi

done_testing
