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

ok "lint of a missing file exits 65" exits 65 $W lint /nonexistent.yaml
ok "lint of a missing file says why" has "/nonexistent.yaml: error: No such file or directory" "$err"
ok "lint of good files that link each other passes" exits 0 $W lint \
	"$top_srcdir/tests/data/good/mini.yaml" "$top_srcdir/tests/data/good/other.yaml"

ok "sections exits 0" exits 0 $W sections
ok "sections lists the index" has "index" "$out"
ok "trees that cannot be found exit 66" exits 66 env SCEPWIZ_TREES=/nonexistent $W sections
ok "a broken tree folder exits 65" exits 65 env SCEPWIZ_TREES="$top_srcdir/tests/data/bad" $W sections
ok "an unknown language falls back with a notice" exits 0 $W --lang xx sections
ok "the notice names the language" has "unknown language 'xx'" "$err"

done_testing
