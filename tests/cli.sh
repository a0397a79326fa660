# The command-line contract: help, version, usage errors, lint and sections.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ

ok "--help exits 0" exits 0 $W --help
for cmd in sections lint checklist check logs resume sessions explain --lang --goto; do
	ok "--help names $cmd" has "$cmd" "$out"
done
ok "--version prints the version" exits 0 $W --version
ok "--version names the program" has "scepwiz 0." "$out"

ok "an unknown command exits 64" exits 64 $W frobnicate
ok "an unknown command is named" has "unknown command 'frobnicate'" "$err"
ok "the hint is one line" test "$(wc -l <"$err")" = 1
ok "an unknown option exits 64" exits 64 $W --frobnicate
ok "an option without its argument exits 64" exits 64 $W --lang
ok "lint refuses options" exits 64 $W lint --strict

ok "lint passes on the shipped trees" exits 0 $W lint
ok "lint says each shipped tree is ok" has "index.yaml: ok" "$out"

# Every bad file: exit 65 and FILE:LINE:COL: error: on stderr.
while read -r file pos msg; do
	case $file in '#'*|'') continue ;; esac
	ok "lint refuses $file" exits 65 $W lint "$top_srcdir/tests/data/bad/$file"
	ok "lint points at $file:$pos" has "$top_srcdir/tests/data/bad/$file:$pos" "$err"
done <"$top_srcdir/tests/data/bad/expect.txt"

ok "lint of a missing file exits 66, as documented" exits 66 $W lint /nonexistent.yaml
ok "lint of a missing file says why" has "/nonexistent.yaml: error: No such file or directory" "$err"

# Keys a tree holds are echoed escaped: no escape sequence reaches the terminal.
ok "lint refuses a key holding escape sequences" exits 65 $W lint "$top_srcdir/tests/data/bad/escape-key.yaml"
ok "the key is shown escaped" has "unknown key '\x1b[2J\x1b]0;owned\x07'" "$err"
ok "no raw escape character is printed" sh -c "! grep -q \"$(printf '\033')\" '$err'"

# Two trees whose starts link to each other: a walk would land on a link.
printf 'id: ping\n_title: P\nflow_step: 2\narticle: p\nstart: a\nnodes:\n  a:\n    type: link\n    _title: A\n    tree: pong\n' >"$tmp/ping.yaml"
printf 'id: pong\n_title: P\nflow_step: 2\narticle: p\nstart: b\nnodes:\n  b:\n    type: link\n    _title: B\n    tree: ping\n' >"$tmp/pong.yaml"
ok "lint refuses two trees linking to each other's start" exits 65 $W lint "$tmp/ping.yaml" "$tmp/pong.yaml"
ok "it points at the link" has "$tmp/ping.yaml:7:3: error: link 'a' leads to another link" "$err"

# Files that are not regular are refused at once, by name, never read.
mkfifo "$tmp/fifo.yaml"
ok "lint of a FIFO does not hang" exits 65 timeout 10 $W lint "$tmp/fifo.yaml"
ok "lint names the FIFO" has "$tmp/fifo.yaml: error: not a regular file" "$err"
mkdir "$tmp/trees" && cp "$top_srcdir"/decision-trees/*.yaml "$tmp/trees/" && mkfifo "$tmp/trees/zz.yaml"
ok "lint of a trees folder holding a FIFO does not hang" exits 65 env SCEPWIZ_TREES="$tmp/trees" timeout 10 $W lint
ok "it names the FIFO" has "$tmp/trees/zz.yaml: error: not a regular file" "$err"
ok "check with a FIFO among the trees does not hang" exits 1 env SCEPWIZ_TREES="$tmp/trees" timeout 10 $W check http://127.0.0.1:9/
head -c 5000000 /dev/zero >"$tmp/big.yaml"
ok "lint refuses a file over the size limit" exits 65 $W lint "$tmp/big.yaml"
ok "the size refusal names the file" has "$tmp/big.yaml: error: larger than" "$err"
ok "lint of good files that link each other passes" exits 0 $W lint \
	"$top_srcdir/tests/data/good/mini.yaml" "$top_srcdir/tests/data/good/other.yaml"

ok "sections exits 0" exits 0 $W sections
ok "sections lists the index" has "index" "$out"
ok "trees that cannot be found exit 66" exits 66 env SCEPWIZ_TREES=/nonexistent $W sections
ok "a broken tree folder exits 65" exits 65 env SCEPWIZ_TREES="$top_srcdir/tests/data/bad" $W sections
ok "an unknown language falls back with a notice" exits 0 $W --lang xx sections
ok "the notice names the language" has "unknown language 'xx'" "$err"

# Options go anywhere, as in GNU tools, for every command; --lang after the
# command too.
ok "check URL --format yaml --timeout 2" exits 1 $W check http://127.0.0.1:1/x --format yaml --timeout 2
ok "... writes YAML" has "version: " "$out"
ok "check --format yaml URL still works" exits 1 $W check --timeout 2 --format=yaml http://127.0.0.1:1/x
ok "... YAML too" has "version: " "$out"
ok "check with two URLs checks both" exits 1 $W check --timeout 2 http://127.0.0.1:1/a http://127.0.0.1:1/b
ok "... a line each" test "$(grep -c '^http://127.0.0.1:1/[ab] ' "$out")" = 2
ok "sections --lang sv" exits 0 $W sections --lang sv
ok "... is in Swedish" has "Felsöka" "$out"
ok "checklist --section ID --format md" exits 0 $W checklist --section http-error-503 --format md
ok "... is Markdown" has "- [ ]" "$out"
ok "checklist --section ID --lang es" exits 0 $W checklist --section http-error-503 --lang es
ok "... is in Spanish" has "Lista de correcciones" "$out"
ok "lint FILE --lang es" exits 0 $W lint "$top_srcdir/decision-trees/index.yaml" --lang es
ok "explain CODE --lang es" exits 0 $W explain status-503 --lang es
ok "... is in Spanish" has "el servicio no está disponible" "$out"
ok "sessions --lang sv" exits 0 env XDG_STATE_HOME="$tmp/state" $W sessions --lang sv
ok "resume ID --lang sv looks for the session" exits 66 env XDG_STATE_HOME="$tmp/state" $W resume nope --lang sv
ok "an unknown option after the command exits 64" exits 64 $W sections --frobnicate
ok "... and names the command" has "scepwiz sections: unrecognized option '--frobnicate'" "$err"

# A password in the URL is never printed: text, YAML, refusal.
ok "check with a password in the URL" exits 1 $W check --timeout 2 "http://alice:secret@127.0.0.1:1/x"
ok "... shows the user, not the password" has "http://alice:***@127.0.0.1:1/x" "$out"
ok "... nowhere in the text" test "$(grep -c secret "$out" "$err" | grep -vc ':0$')" = 0
ok "the same in YAML" exits 1 $W check --format yaml --timeout 2 "http://alice:secret@127.0.0.1:1/x"
ok "... shows the user, not the password" has "alice:***@127.0.0.1" "$out"
ok "... nowhere in the YAML" test "$(grep -c secret "$out" "$err" | grep -vc ':0$')" = 0
ok "a refused URL with a password" exits 64 $W check "ftp://alice:secret@ndes/x"
ok "... is named without it" has "'ftp://alice:***@ndes/x'" "$err"
ok "... nowhere in the message" test "$(grep -c secret "$err")" = 0

ok "check --format yaml > /dev/full exits 74" exits 74 sh -c "$W check --format yaml --timeout 2 http://127.0.0.1:1/x >/dev/full"
ok "... with the system's reason" has "can't write the report: No space left on device" "$err"
ok "the summary of many > /dev/full exits 74" exits 74 sh -c "$W check --timeout 2 http://127.0.0.1:1/a http://127.0.0.1:1/b >/dev/full"

# What does not reach standard output is an error (a full disk).
for cmd in "sections" "--help" "explain" "checklist --section http-error-503" "lint"; do
	ok "$cmd > /dev/full exits 74" exits 74 sh -c "$W $cmd >/dev/full"
	ok "... saying why, once" has "No space left on device" "$err"
	ok "... in one line" test "$(wc -l <"$err")" = 1
done

done_testing
