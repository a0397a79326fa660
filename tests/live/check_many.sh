# `scepwiz check URL...` and `--from`: many URLs checked in one run against
# real servers on loopback (nginx in front of scepserver, one server block
# per NDES, one of them answering 503), and a small python3 server that
# counts how many requests it holds at once, to see --jobs bound them.
#
# As tests/live/check.sh, it runs in a network namespace with only loopback
# when the system allows one (tests/live/harness.sh).
. "$top_srcdir/tests/live/harness.sh"
need nginx scepserver curl timeout
ports 18000
P_SCEP=$(port 80) P_503=$(port 20) P_COUNT=$(port 30)

scepserver ca -init -depot "$tmp/depot" >/dev/null 2>&1 || bail "scepserver ca -init failed"
scepserver -depot "$tmp/depot" -port "$P_SCEP" >"$tmp/scepserver.log" 2>&1 &
pids="$pids $!"

# Servers 1 to 19 are healthy NDES stand-ins; 20 answers 503.
mkdir -p "$tmp/nginx/tmp"
{
	cat <<EOF
daemon off;
master_process off;
user $(id -un) $(id -gn);
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 512; }
http {
  log_format port '\$server_port \$request';
  access_log $tmp/nginx/access.log port;
  client_body_temp_path $tmp/nginx/tmp/body;
  proxy_temp_path $tmp/nginx/tmp/proxy;
  fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
  uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
  scgi_temp_path $tmp/nginx/tmp/scgi;
  default_type text/html;
  large_client_header_buffers 4 64k;
EOF
	for i in $(seq 1 19); do
		echo "server { listen 127.0.0.1:$(port "$i");"
		echo "  location = /certsrv/mscep/mscep.dll {"
		echo "    if (\$arg_operation = \"\") { return 403; }"
		echo "    proxy_pass http://127.0.0.1:$P_SCEP/scep; } }"
	done
	echo "server { listen 127.0.0.1:$P_503; location / { return 503 'Service Unavailable'; } }"
	echo "}"
} >"$tmp/nginx/nginx.conf"
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" &
pids="$pids $!"

SCEP=/certsrv/mscep/mscep.dll
url() { echo "http://127.0.0.1:$(port "$1")$SCEP"; }
up() { curl -s -o /dev/null --max-time 1 "$1"; }
tries=0
until up "$(url 1)?operation=GetCACaps" && up "$(url 19)?operation=GetCACaps"; do
	tries=$((tries + 1))
	if [ $tries -gt 100 ]; then
		sed 's/^/# /' "$tmp/nginx/error.log" "$tmp/scepserver.log" 2>/dev/null
		bail "nginx and scepserver did not come up"
	fi
	sleep 0.1
done

healthy=""
for i in $(seq 1 19); do healthy="$healthy $(url "$i")"; done
all="$healthy $(url 20)"

# count_lines PATTERN FILE: how many lines of FILE match PATTERN (grep -E).
count_lines() { grep -cE -- "$1" "$2"; }
# lines_are N PATTERN FILE
lines_are() {
	got=$(count_lines "$2" "$3")
	[ "$got" = "$1" ] && return 0
	diag "$got lines match '$2', wanted $1:" && sed 's/^/#   /' "$3" | head -30
	return 1
}

# ---- twenty URLs, one of them broken -------------------------------------

# shellcheck disable=SC2086
ok "20 URLs, one 503: exit 1" exits 1 $W check $all
ok "... a line per URL" lines_are 20 "^http://127\.0\.0\.1:[0-9]+$SCEP " "$out"
ok "... 19 say ok and no problem" lines_are 19 "^http://[^ ]+ +ok +0 problems$" "$out"
ok "... the broken one names its outcome, problem and section" lines_are 1 \
	"^$(url 20) +http-error-503 +1 problem +status-503 \(see section http-error-503\)$" "$out"
ok "... in the order given" test "$(grep -n "$(url 20)" "$out" | cut -d: -f1)" = 20
ok "... the total" has "Checked 20 URLs: 19 healthy, 1 with a problem." "$out"
ok "... no progress line when stderr is not a terminal" test ! -s "$err"
ok "... every URL was fetched" test "$(grep -c 'operation=GetCACert' "$tmp/nginx/access.log")" = 20

# shellcheck disable=SC2086
ok "20 URLs in YAML: exit 1" exits 1 $W check --format yaml $all
cp "$out" "$tmp/many.yaml"
ok "... urls: 20" has "urls: 20" "$out"
ok "... with_problems: 1" has "with_problems: 1" "$out"
ok "... 20 results" lines_are 20 "^- version: 2$" "$out"
ok "... each a full report" lines_are 20 "^  findings:$" "$out"
ok "... 19 outcomes ok" lines_are 19 "^  outcome: ok$" "$out"
ok "... the 503 one" lines_are 1 "^  outcome: http-error-503$" "$out"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
	ok "... a YAML reader sees 20 results, in the order given" python3 -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
r = d["results"]
assert len(r) == 20, len(r)
assert [x["url"] for x in r] == sys.argv[2].split(), "order"
assert sum(x["problems"] > 0 for x in r) == 1
assert r[19]["findings"][0]["code"] == "status-503"
' "$tmp/many.yaml" "$all"
else
	echo "ok $((tap_n += 1)) # SKIP python3-yaml is not installed"
fi

# shellcheck disable=SC2086
ok "19 healthy URLs: exit 0" exits 0 $W check $healthy
ok "... all healthy" has "Checked 19 URLs: 19 healthy, 0 with a problem." "$out"
ok "... no hint for a problem" test "$(grep -c 'full report' "$out")" = 0
# shellcheck disable=SC2086
ok "--jobs 1 checks them one at a time, all the same" exits 0 $W check --jobs 1 $healthy
ok "... 19 lines" lines_are 19 " ok +0 problems$" "$out"
ok "-j 3 is --jobs 3" exits 0 $W check -j 3 $healthy

# ---- --from --------------------------------------------------------------

{
	echo "# the NDES servers of contoso"
	echo ""
	for u in $all; do printf '  %s   # a comment\r\n' "$u"; done
} >"$tmp/list.txt"
ok "--from - reads standard input" exits 1 sh -c '"$1" check --from - <"$2"' sh "$W" "$tmp/list.txt"
ok "... 20 lines, comments and blanks skipped" lines_are 20 "^http://127\.0\.0\.1:" "$out"
ok "... the broken one" has "$(url 20)  http-error-503" "$out"
ok "--from FILE with URLs given too" exits 1 $W check "$(url 1)" --from "$tmp/list.txt" --format yaml
ok "... 21 results" has "urls: 21" "$out"
echo "$(url 1)" >"$tmp/one.txt"
ok "--from a file of one URL: still the summary" exits 0 $W check --from "$tmp/one.txt"
ok "... one line" has "Checked 1 URL: 1 healthy, 0 with a problem." "$out"
ok "one URL on the command line: the single report, as before" exits 0 $W check "$(url 1)"
ok "... is the single report" has "Result: the server behaves as a healthy NDES." "$out"
ok "... no summary" test "$(grep -c 'Checked 1 URL:' "$out")" = 0

mkfifo "$tmp/fifo"
ok "--from a FIFO: refused at once, not read (exit 66)" exits 66 timeout 10 $W check --from "$tmp/fifo"
ok "... says why" has "not a regular file" "$err"
ok "--from /dev/zero: refused" exits 66 timeout 10 $W check --from /dev/zero
ok "--from a missing file: exit 66" exits 66 $W check --from "$tmp/none.txt"
ok "... says why" has "No such file or directory" "$err"
ok "--from a binary file: exit 65" exits 65 $W check --from "$W"
ok "... says why" has "not a text file" "$err"
ok "... and checks nothing" test ! -s "$out"
ok "an endless stream on standard input: refused, not read forever" exits 65 \
	timeout 30 sh -c 'yes "$1" | "$2" check --from -' sh "$(url 1)" "$W"
ok "... says why" has "more than 10000 URLs" "$err"
printf '# nothing\n\n' >"$tmp/empty.txt"
ok "--from a file with no URL: exit 64" exits 64 $W check --from "$tmp/empty.txt"

# ---- bad usage and bad URLs among many --------------------------------------

ok "--jobs 0: refused" exits 64 $W check --jobs 0 "$(url 1)" "$(url 2)"
ok "... says the range" has "--jobs wants a number from 1 to 256, not '0'" "$err"
ok "--jobs 257: refused" exits 64 $W check --jobs 257 "$(url 1)" "$(url 2)"
ok "--jobs x: refused" exits 64 $W check -j x "$(url 1)" "$(url 2)"
ok "no URL: exit 64" exits 64 $W check --jobs 4

before=$(wc -l <"$tmp/nginx/access.log")
ok "a malformed URL among many: the others are checked (exit 1)" exits 1 \
	$W check "$(url 1)" "ftp://127.0.0.1:$(port 2)$SCEP" "http://exa mple/" "$(url 3)"
ok "... the ftp one is bad-url" lines_are 1 "^ftp://127\.0\.0\.1:$(port 2)$SCEP +- +1 problem +bad-url$" "$out"
ok "... two bad-url lines" lines_are 2 " bad-url$" "$out"
ok "... two healthy" has "Checked 4 URLs: 2 healthy, 2 with a problem." "$out"
ok "... the good ones were fetched" \
	test "$(tail -n +$((before + 1)) "$tmp/nginx/access.log" | grep -c "^$(port 3) ")" -gt 0
ok "... the malformed ones were not" \
	test "$(tail -n +$((before + 1)) "$tmp/nginx/access.log" | grep -c "^$(port 2) ")" = 0
ok "in YAML, its finding and no outcome" exits 1 $W check --format yaml "$(url 1)" "ftp://x/"
ok "... code bad-url" has "code: bad-url" "$out"
ok "... outcome null" has "outcome: null" "$out"

ok "a password among many is hidden" exits 0 $W check \
	"http://alice:s3cret@127.0.0.1:$(port 1)$SCEP" "$(url 2)"
ok "... shown as ***" has "http://alice:***@127.0.0.1:$(port 1)$SCEP" "$out"
ok "... never in clear" test "$(grep -c s3cret "$out" "$err" | awk -F: '{s += $2} END {print s}')" = 0

# ---- the progress line on a terminal --------------------------------------

if command -v script >/dev/null 2>&1; then
	# shellcheck disable=SC2086
	script -qec "$W check $healthy >$tmp/tty.out" /dev/null >"$tmp/tty.err" 2>&1
	ok "on a terminal, a progress line" grep -q "checked 19/19" "$tmp/tty.err"
	ok "... and the report on stdout all the same" has "Checked 19 URLs" "$tmp/tty.out"
else
	echo "ok $((tap_n += 1)) # SKIP script (util-linux) is not installed"
fi

# ---- --jobs bounds the requests in flight -----------------------------------

if command -v python3 >/dev/null 2>&1; then
	python3 - "$P_COUNT" "$tmp/inflight" <<'EOF' &
import http.server, sys, threading, time
lock, now, top = threading.Lock(), [0], [0]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            if self.path == "/reset":
                top[0] = 0
            else:
                now[0] += 1
                top[0] = max(top[0], now[0])
            open(sys.argv[2], "w").write(str(top[0]))
        if self.path != "/reset":
            time.sleep(0.5)
            with lock:
                now[0] -= 1
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
EOF
	pids="$pids $!"
	tries=0
	until up "http://127.0.0.1:$P_COUNT/"; do
		tries=$((tries + 1))
		[ $tries -gt 100 ] && bail "the python3 server did not come up"
		sleep 0.1
	done
	slow=""
	for i in $(seq 1 12); do slow="$slow http://127.0.0.1:$P_COUNT/ndes$i$SCEP"; done
	inflight() { cat "$tmp/inflight"; }
	# shellcheck disable=SC2086
	up "http://127.0.0.1:$P_COUNT/reset"
	$W check --jobs 1 $slow >"$out" 2>"$err"
	ok "--jobs 1: at most one check's 4 requests at once (saw $(inflight))" test "$(inflight)" -le 4
	up "http://127.0.0.1:$P_COUNT/reset"
	# shellcheck disable=SC2086
	$W check --jobs 3 $slow >"$out" 2>"$err"
	ok "--jobs 3: never more than 3 checks' requests at once (saw $(inflight))" test "$(inflight)" -le 12
	ok "--jobs 3: more than one check at once" test "$(inflight)" -gt 4
	ok "... and every URL reported" lines_are 12 "^http://127\.0\.0\.1:$P_COUNT/ndes" "$out"
else
	echo "ok $((tap_n += 1)) # SKIP python3 is not installed"
fi

done_testing
