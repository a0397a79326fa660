# `scepwiz check --enroll` against micromdm's scepserver started with
# -challenge, behind nginx as in tests/live/check.sh (403 to a browser, the
# operations passed on): the right challenge is issued a certificate, a
# wrong one and the probe's invalid one are refused and named, by POST and,
# where GetCACaps doesn't offer POSTPKIOperation, by GET as devices send it.
# Runs in its own network namespace when the system allows one.
. "$top_srcdir/tests/live/harness.sh"
need nginx scepserver curl
ports 18100
P_SCEP=$(port 80) P_POST=$(port 1) P_GET=$(port 2) P_500=$(port 3)
P_404_15=$(port 4)
CHALLENGE=right-$$-challenge

scepserver ca -init -depot "$tmp/depot" >/dev/null 2>&1 || bail "scepserver ca -init failed"
scepserver -depot "$tmp/depot" -port "$P_SCEP" -challenge "$CHALLENGE" \
	>"$tmp/scepserver.log" 2>&1 &
pids="$pids $!"

mkdir -p "$tmp/nginx/tmp" "$tmp/www"
# GetCACaps without POSTPKIOperation: the probe must send its GET.
printf 'AES\nSHA-256\nRenewal\n' >"$tmp/www/caps-get.txt"

# ndes [EXTRA]: the SCEP URL as NDES serves it, EXTRA before the proxy.
ndes() {
	echo "location = /certsrv/mscep/mscep.dll {"
	echo "  if (\$arg_operation = \"\") { return 403; }"
	[ -n "${1:-}" ] && echo "  $1"
	echo "  proxy_pass http://127.0.0.1:$P_SCEP/scep;"
	echo "}"
	echo "location = /caps-get.txt { internal; default_type text/plain; }"
}

cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
user $(id -un) $(id -gn);
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log $tmp/nginx/access.log;
  client_body_temp_path $tmp/nginx/tmp/body;
  proxy_temp_path $tmp/nginx/tmp/proxy;
  fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
  uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
  scgi_temp_path $tmp/nginx/tmp/scgi;
  root $tmp/www;
  large_client_header_buffers 4 64k;
  server { listen 127.0.0.1:$P_POST; $(ndes) }
  server { listen 127.0.0.1:$P_GET;
    $(ndes 'if ($arg_operation = GetCACaps) { rewrite ^ /caps-get.txt last; }') }
  server { listen 127.0.0.1:$P_500;
    $(ndes 'if ($arg_operation = PKIOperation) { return 500; }') }
  # IIS request filtering with its default maxQueryString (2048): its page
  # names 404.15, its status line says 404.
  server { listen 127.0.0.1:$P_404_15;
    $(ndes 'if ($arg_operation = GetCACaps) { rewrite ^ /caps-get.txt last; }
  if ($args ~ "^.{2048}") { return 404 "<title>IIS 10.0 Detailed Error - 404.15 - Not Found</title><h3>HTTP Error 404.15 - Not Found</h3>"; }') }
}
EOF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
pids="$pids $!"

SCEP=/certsrv/mscep/mscep.dll
url() { echo "http://127.0.0.1:$1$SCEP"; }
tries=0
until curl -s -o /dev/null --max-time 1 "$(url $P_POST)?operation=GetCACaps"; do
	tries=$((tries + 1))
	[ $tries -gt 100 ] && sed 's/^/# /' "$tmp/nginx/error.log" "$tmp/scepserver.log" &&
		bail "nginx and scepserver did not come up"
	sleep 0.1
done

# ---- by POST ------------------------------------------------------------------

ok "right challenge: exit 0" exits 0 $W check "$(url $P_POST)" --enroll --challenge "$CHALLENGE"
ok "right challenge: issued" has "[ok] the probe enrollment was issued a certificate" "$out"
ok "right challenge: the issued certificate named" has "issued: CN=scepwiz-probe-" "$out"
ok "right challenge: sent by POST" has "sent by POST, AES-256-CBC, SHA256," "$out"
ok "right challenge: the probe names itself" has "subject CN=scepwiz-probe-" "$out"
ok "right challenge: the challenge is never printed" sh -c "! grep -qF -- '$CHALLENGE' '$out' '$err'"
txid=$(sed -n 's/.*transaction ID \([0-9a-f]\{64\}\).*/\1/p' "$out")
ok "right challenge: the transaction ID printed" test -n "$txid"
ok "right challenge: the request reached scepserver by POST" \
	grep -q '"POST /certsrv/mscep/mscep.dll?operation=PKIOperation ' "$tmp/nginx/access.log"

ok "wrong challenge: exit 1" exits 1 $W check "$(url $P_POST)" --enroll --challenge wrong
ok "wrong challenge: refusal named" has "[PROBLEM] the request with the given challenge was refused" "$out"
ok "wrong challenge: failInfo read" has "failInfo badRequest (2)" "$out"
ok "wrong challenge: signed by the CA" has "signed by OU=SCEP CA,O=scep-ca,C=US" "$out"
ok "wrong challenge: points to the policy module's challenge section" \
	has "see section ndespluginlog-indicates-the-challenge-returns-false" "$out"

ok "no challenge: exit 0" exits 0 $W check --format yaml "$(url $P_POST)" --enroll
ok "no challenge: the invalid challenge's refusal" has "code: enroll-refused-probe" "$out"
ok "no challenge: the probe is listed" has "code: enroll-sent" "$out"
ok "no challenge: nothing issued" sh -c "! grep -q enroll-issued '$out'"

# ---- by GET, as devices do without POSTPKIOperation -----------------------------

ok "GET: right challenge: exit 0" exits 0 $W check "$(url $P_GET)" --enroll --challenge "$CHALLENGE"
ok "GET: issued" has "the probe enrollment was issued a certificate" "$out"
ok "GET: sent by GET" has "sent by GET, AES-256-CBC, SHA256," "$out"
ok "GET: the message reached scepserver in the URL" \
	grep -q '"GET /certsrv/mscep/mscep.dll?operation=PKIOperation&message=MI' "$tmp/nginx/access.log"
ok "GET: wrong challenge: exit 1" exits 1 $W check "$(url $P_GET)" --enroll --challenge wrong
ok "GET: wrong challenge refused" has "the request with the given challenge was refused" "$out"

# ---- answers that are no CertRep -------------------------------------------------

ok "PKIOperation 500: exit 1" exits 1 $W check "$(url $P_500)" --enroll
ok "PKIOperation 500: named" has "[PROBLEM] the PKIOperation request gets HTTP 500" "$out"
ok "PKIOperation 500: its section" has "see section internal-server-error" "$out"

ok "PKIOperation by GET, IIS 404.15: exit 1" exits 1 $W check "$(url $P_404_15)" --enroll
ok "IIS 404.15: refused as too long" has "[PROBLEM] the PKIOperation request is refused as too long" "$out"
ok "IIS 404.15: its section" has "see section http-414-request-uri-too-long" "$out"
ok "IIS 404.15: it was sent by GET" has "sent by GET, AES-256-CBC, SHA256," "$out"

# ---- usage ---------------------------------------------------------------------

ok "--challenge without --enroll: usage error" exits 64 $W check "$(url $P_POST)" --challenge x
ok "--challenge without --enroll: says so" has "add --enroll" "$err"

done_testing
