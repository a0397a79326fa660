# The command-line contract: help, version, usage errors, lint and sections.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ

ok "--help exits 0" exits 0 $W --help
for cmd in sections lint checklist check resume sessions --lang --goto; do
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

done_testing
