# The man page: groff (through man) and mandoc read it without a single
# warning. Each check runs where its tool is installed, and says when not.
. "$top_srcdir/tests/tap.sh"
page=$top_srcdir/doc/scepwiz.1

# quiet COMMAND...: COMMAND succeeds and prints nothing on either stream.
quiet() {
	"$@" >"$out" 2>&1 && ! [ -s "$out" ] && return 0
	diag "$* said:" && sed 's/^/#   /' "$out" | head -20
	return 1
}

if command -v man >/dev/null 2>&1; then
	ok "man --warnings reports nothing" quiet sh -c 'man --warnings -l "$1" >/dev/null' sh "$page"
	MANWIDTH=80 man -l "$page" >"$tmp/page" 2>/dev/null
	for heading in SYNOPSIS KEYS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES; do
		ok "the page has $heading" grep -q "^$heading" "$tmp/page"
	done
	for cmd in sections lint checklist check logs explain resume sessions; do
		ok "the synopsis names $cmd" grep -qE "^ *scepwiz +$cmd" "$tmp/page"
	done
else
	diag "man is not installed: skipping its checks"
fi
if command -v mandoc >/dev/null 2>&1; then
	ok "mandoc -Tlint reports nothing" quiet mandoc -Tlint "$page"
else
	diag "mandoc is not installed: skipping its check (apt-get install mandoc)"
fi
done_testing
