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
ok "... numbered, as the steps refer to each other by number" has "- [ ] 1. " "$out"
ok "-o writes a file" exits 0 sh -c "umask 022; $W checklist --section gatewaytimeout -o '$tmp/list.txt'"
ok "the file holds the checklist" has "GatewayTimeout" "$tmp/list.txt"
ok "the file is private (0600), like sessions" sh -c "stat -c %a '$tmp/list.txt' | grep -qx 600"
chmod 644 "$tmp/list.txt"
ok "-o over an existing file" exits 0 $W checklist --section gatewaytimeout -o "$tmp/list.txt"
ok "makes it private too" sh -c "stat -c %a '$tmp/list.txt' | grep -qx 600"
ok "an unwritable -o exits 73" exits 73 $W checklist --section gatewaytimeout -o /nonexistent/dir/list.txt
ok "and says why" has "No such file or directory" "$err"
ok "an unknown section exits 64" exits 64 $W checklist --section no-such-section
ok "the unknown section is named" has "no section 'no-such-section'" "$err"
ok "a mistyped section exits 64" exits 64 $W checklist --section http-eror-503
ok "... with the closest section as a did-you-mean" has "did you mean http-error-503?" "$err"
ok "--goto gets the same did-you-mean" exits 64 $W --goto internal-server-eror
ok "... naming the section" has "did you mean internal-server-error" "$err"
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

# Every byte the session holds is escaped before it reaches the terminal.
E=$(printf '\033')
esc=$XDG_STATE_HOME/scepwiz/sessions/escapes.yaml
sed -e 's/^ticket: .*/ticket: "T-1\\e]0;owned\\a"/' \
    -e 's|^url: .*|url: "https://ndes\\e[2J.contoso.com/"\nengineer: "José \\e[31mred"|' \
    -e 's/detail: HTTP 503 Service Unavailable/detail: "HTTP 503 \\e[5mblink"/' "$s" >"$esc"
ok "checklist of a session full of escapes exits 0" exits 0 $W checklist --session escapes
ok "no raw escape character is printed" sh -c "! grep -q '$E' '$out'"
ok "the ticket is shown escaped" has 'T-1\x1b]0;owned\x07' "$out"
ok "the url is shown escaped" has 'https://ndes\x1b[2J.contoso.com/' "$out"
ok "the engineer is shown escaped, accents kept" has 'José \x1b[31mred' "$out"
ok "the finding is shown escaped" has '\x1b[5mblink' "$out"
rm "$esc"

# Sizes and kinds of file that are no session are refused by name, at once.
head -c 10000000 /dev/zero | tr '\0' a >"$XDG_STATE_HOME/scepwiz/sessions/huge.yaml"
ok "a 10 MB session is refused" exits 65 $W checklist --session huge
ok "as too large for a session" has "too large for a session" "$err"
rm "$XDG_STATE_HOME/scepwiz/sessions/huge.yaml"
mkfifo "$XDG_STATE_HOME/scepwiz/sessions/zz-fifo.yaml"
ok "sessions does not hang on a FIFO" exits 0 timeout 10 $W sessions
ok "it names the FIFO as not a regular file" has "zz-fifo.yaml  (unreadable: not a regular file)" "$out"
ok "checklist --session of a FIFO does not hang" exits 65 timeout 10 $W checklist --session zz-fifo
ok "and says it is not a regular file" has "zz-fifo.yaml: not a regular file" "$err"
ok "resume of a FIFO does not hang" exits 65 timeout 10 $W resume zz-fifo
touch "$XDG_STATE_HOME/scepwiz/sessions/zz-fifo.yaml"  # the newest: FIFO touched last
ok "resume skips a newest session it cannot read" exits 64 timeout 10 $W resume </dev/null
ok "with a note naming it" has "skipping $XDG_STATE_HOME/scepwiz/sessions/zz-fifo.yaml" "$err"
ok "and opens the newest readable one (it needs a terminal)" has "the wizard needs a terminal" "$err"
rm "$XDG_STATE_HOME/scepwiz/sessions/zz-fifo.yaml"

# A save killed half-way leaves ID.yaml.XXXXXX: the next start removes it.
echo 'scepwiz-session: 1' >"$XDG_STATE_HOME/scepwiz/sessions/20261120-100000.yaml.k1LLed"
ok "sessions after a killed save exits 0" exits 0 $W sessions
ok "the stale temporary is gone" test ! -e "$XDG_STATE_HOME/scepwiz/sessions/20261120-100000.yaml.k1LLed"

# Naming, deleting and pruning sessions.
ok "sessions rename gives a session a name" exits 0 $W sessions rename 20261120-100000 T-1234
ok "the session is listed under its name" exits 0 $W sessions
ok "the listing shows the name" has "T-1234 " "$out"
ok "the checklist opens by the name" exits 0 $W checklist --session T-1234
ok "rename refuses a name with a slash" exits 64 $W sessions rename T-1234 ../evil
ok "and says what a name holds" has "a session name holds only letters" "$err"
cp "$XDG_STATE_HOME/scepwiz/sessions/T-1234.yaml" "$XDG_STATE_HOME/scepwiz/sessions/other.yaml"
ok "rename never replaces another session" exits 73 $W sessions rename other T-1234
ok "and says the name is taken" has "File exists" "$err"
ok "sessions delete removes a session" exits 0 $W sessions delete other
ok "the file is gone" test ! -e "$XDG_STATE_HOME/scepwiz/sessions/other.yaml"
ok "delete of an unknown session exits 66" exits 66 $W sessions delete other
touch -d '40 days ago' "$XDG_STATE_HOME/scepwiz/sessions/T-1234.yaml"
cp "$XDG_STATE_HOME/scepwiz/sessions/T-1234.yaml" "$XDG_STATE_HOME/scepwiz/sessions/recent.yaml"
ok "prune needs --older-than" exits 64 $W sessions prune
ok "prune --older-than 30 exits 0" exits 0 $W sessions prune --older-than 30
ok "it says how many it deleted" has "Deleted 1 session." "$out"
ok "the old session is gone" test ! -e "$XDG_STATE_HOME/scepwiz/sessions/T-1234.yaml"
ok "the recent one stays" test -e "$XDG_STATE_HOME/scepwiz/sessions/recent.yaml"

done_testing
