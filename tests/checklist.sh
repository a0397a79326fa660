# checklist, sessions and resume from the command line.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
export XDG_STATE_HOME=$tmp/state

ok "checklist of a section exits 0" exits 0 $W checklist --section gatewaytimeout
ok "it holds the remediation" has "Microsoft Entra application proxy Connector" "$out"
ok "it has a box per step" has "[ ] 1." "$out"
ok "it names its source" has "troubleshoot-scep-certificate-device-to-ndes" "$out"
ok "several sections follow --section" exits 0 $W checklist --section gatewaytimeout http-414-request-uri-too-long
ok "both are listed" has "2. HTTP 414 Request-URI Too Long" "$out"
ok "a question stands for the fixes it leads to" exits 0 $W checklist --section http-error-503
ok "the 503 question leads to the pool crash causes" has "Common causes for an application pool crash" "$out"
ok "Markdown is asked with --format md" exits 0 $W checklist --section gatewaytimeout --format md
ok "Markdown has task items" has "- [ ] " "$out"
ok "-o writes a file" exits 0 $W checklist --section gatewaytimeout -o "$tmp/list.txt"
ok "the file holds the checklist" has "GatewayTimeout" "$tmp/list.txt"
ok "an unwritable -o exits 73" exits 73 $W checklist --section gatewaytimeout -o /nonexistent/dir/list.txt
ok "and says why" has "No such file or directory" "$err"
ok "an unknown section exits 64" exits 64 $W checklist --section no-such-section
ok "the unknown section is named" has "no section 'no-such-section'" "$err"
ok "a shared anchor asks for its tree" exits 64 $W checklist --section next-steps
ok "the shared anchor hint names TREE/" has "TREE/next-steps" "$err"
ok "an unknown format exits 64" exits 64 $W checklist --section gatewaytimeout --format pdf
ok "checklist without sections exits 64" exits 64 $W checklist

ok "sessions with none saved exits 0" exits 0 $W sessions
ok "sessions says there are none" has "No saved sessions" "$out"
ok "resume with none saved exits 66" exits 66 $W resume

mkdir -p "$XDG_STATE_HOME/scepwiz/sessions"
s=$XDG_STATE_HOME/scepwiz/sessions/20261120-100000.yaml
cat >"$s" <<'YAML'
scepwiz-session: 1
created: 2026-11-20T10:00:00Z
updated: 2026-11-20T10:05:00Z
lang: en
ticket: T-1234
url: https://ndes.contoso.com/certsrv/mscep/mscep.dll
position: 4
entries:
  - {node: index/scep-communication-flow-overview, how: start, choice: 1}
  - {node: device-to-ndes/review-iis-logs-for-a-connection-from-the-device, how: answer, choice: 2}
  - {node: device-to-ndes/test-and-troubleshoot-the-scep-server-url, how: answer, choice: 2, outcome: http-error-503}
  - {node: device-to-ndes/http-error-503, how: answer, choice: 0}
  - {node: device-to-ndes/common-causes-for-an-application-pool-crash, how: answer}
findings:
  - {section: http-error-503, severity: problem, code: status-503, detail: HTTP 503 Service Unavailable}
YAML
ok "sessions lists a saved walk" exits 0 $W sessions
ok "the listing names where it stopped" has "common-causes-for-an-application-pool-crash" "$out"
ok "checklist of a session exits 0" exits 0 $W checklist --session 20261120-100000
ok "the session's ticket is shown" has "T-1234" "$out"
ok "the path walked is shown" has "Another status code" "$out"
ok "the live finding is shown" has "[problem] HTTP 503: the service is unavailable" "$out"
ok "the remediation reached is listed" has "1. Common causes for an application pool crash" "$out"

printf 'scepwiz-session: 1\nentries: [' >"$XDG_STATE_HOME/scepwiz/sessions/broken.yaml"
cp "$XDG_STATE_HOME/scepwiz/sessions/broken.yaml" "$tmp/broken.copy"
ok "a corrupt session exits 65" exits 65 $W checklist --session broken
ok "the message names the file" has "broken.yaml" "$err"
ok "the corrupt file is left as it was" cmp -s "$tmp/broken.copy" "$XDG_STATE_HOME/scepwiz/sessions/broken.yaml"
ok "resume refuses it too" exits 65 $W resume broken
ok "sessions still lists the others" exits 0 $W sessions
ok "and marks the corrupt one" has "unreadable" "$out"
ok "resume of an unknown id exits 66" exits 66 $W resume nope

# A finding keeps only its code, detail and evidence; the code must be known.
sed 's/code: status-503/code: status-999/' "$XDG_STATE_HOME/scepwiz/sessions/20261120-100000.yaml" \
	>"$XDG_STATE_HOME/scepwiz/sessions/badcode.yaml"
ok "a session with an unknown finding code exits 65" exits 65 $W checklist --session badcode
ok "... naming the code" has "unknown finding code 'status-999'" "$err"

done_testing
