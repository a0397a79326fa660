# scepwiz logs: what a customer's files, folders and bundles show, as text
# and YAML, and every kind of bad input refused or skipped with a note.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
crlf() { sed 's/$/\r/'; }

mkdir -p "$tmp/case/server" "$tmp/case/client"
# An IIS log as IIS writes it: a header block, then a restart's new header
# with the fields in another order.
crlf >"$tmp/case/server/u_ex261120.log" <<'LOG'
#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2026-11-20 08:00:00
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
2026-11-20 08:00:01 10.0.0.1 GET /certsrv/mscep/mscep.dll/pkiclient.exe operation=GetCACaps&message=default 80 - 10.0.0.9 Mozilla/4.0+(compatible;+Win32;+NDES+client) - 200 0 0 186 0
#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2026-11-20 09:00:00
#Fields: date time cs-method cs-uri-stem cs-uri-query sc-status sc-substatus sc-win32-status s-ip c-ip cs(User-Agent)
2026-11-20 09:00:01 POST /CertificateRegistrationSvc/Certificate/VerifyRequest - 201 0 0 10.0.0.1 10.0.0.1 NDES_Plugin
LOG
printf '%s\n' 'Failed to send http request /CertificateRegistrationSvc/Certificate/VerifyRequest. Error 12175' \
	>"$tmp/case/server/NDESPlugin.log"
printf 'not a log\n' >"$tmp/case/client/notes.txt"

ok "logs on a folder exits 1: a problem was found" exits 1 $W logs "$tmp/case"
cp "$out" "$tmp/report"
ok "it lists the files it read, with their kinds" has "u_ex261120.log  (IIS log (W3C)" "$tmp/report"
ok "the error 12175 points to its section" has \
	"see section ndespluginlog-contains-an-error-12175" "$tmp/report"
ok "... with the line that proves it, file and line number" has \
	"NDESPlugin.log:1: Failed to send http request" "$tmp/report"
ok "the mscep.dll requests are counted by status and platform" has \
	"requests for mscep.dll (HTTP 200, Windows" "$tmp/report"
ok "the flow line says step 3 failed" sh -c "grep -E 'FAILED +Step 3' '$tmp/report' >/dev/null"
ok "the result names the section to start with" has \
	"start with section ndespluginlog-contains-an-error-12175" "$tmp/report"

ok "YAML for scripts" exits 1 $W logs --format yaml "$tmp/case"
ok "... with the schema version" has "version: 1" "$out"
ok "... a finding's code and section" has "section: ndespluginlog-contains-an-error-12175" "$out"
ok "... its evidence line" has "line: 1" "$out"
ok "... the flow" has "state: failed" "$out"
ok "options may follow the paths" exits 1 $W logs "$tmp/case" --format yaml

ok "standard input" sh -c "$W logs - <'$tmp/case/server/NDESPlugin.log' >'$out'; test \$? = 1"
ok "... is read like a file" has "Error 12175" "$out"

if command -v zip >/dev/null 2>&1; then
	(cd "$tmp/case" && zip -qr "$tmp/bundle.zip" server client)
	ok "a zip bundle is read entry by entry" exits 1 $W logs "$tmp/bundle.zip"
	ok "... its entries named inside the bundle" has "bundle.zip!server/NDESPlugin.log:1:" "$out"
else
	ok "zip is installed (./bootstrap installs it)" false
fi

ok "a path that doesn't exist exits 66" exits 66 $W logs "$tmp/nowhere"
ok "... and says which" has "nowhere" "$err"
ok "nothing scepwiz knows exits 65" exits 65 $W logs "$tmp/case/client/notes.txt"
ok "no path is a usage error" exits 64 $W logs
mkfifo "$tmp/case/fifo.log"
ok "a FIFO is skipped with a note, never a hang" \
	sh -c "timeout 10 $W logs '$tmp/case' >'$out' 2>'$err'; test \$? = 1"
ok "... the note names it" has "fifo.log" "$out"
rm -f "$tmp/case/fifo.log"
head -c 4096 /dev/urandom >"$tmp/case/blob.log"
ok "a binary file is skipped with a note" exits 1 $W logs "$tmp/case"
ok "... naming it" has "blob.log" "$out"
printf '\033]0;owned\007 Failed to send http request /CertificateRegistrationSvc/Certificate/VerifyRequest. Error 12175\n' >"$tmp/evil.log"
ok "escape sequences from a file never reach the terminal" exits 1 $W logs "$tmp/evil.log"
ok "... they are shown escaped" test "$(grep -c "$(printf '\033')" "$out")" = 0

done_testing
