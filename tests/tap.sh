# A few lines of TAP for the shell tests: source it, call `ok`, end with `done_testing`.
tap_n=0
tap_failed=0

# ok DESCRIPTION COMMAND...: one test case, passing when COMMAND succeeds.
ok() {
	desc=$1
	shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $desc"
	else
		echo "not ok $tap_n - $desc"
		tap_failed=$((tap_failed + 1))
	fi
}

# diag TEXT: a note in the log.
diag() { printf '# %s\n' "$@"; }

# has TEXT FILE: FILE contains TEXT (fixed string), or say what it held.
has() {
	grep -qF -- "$1" "$2" && return 0
	diag "expected '$1' in:" && sed 's/^/#   /' "$2" | head -30
	return 1
}

# exits CODE COMMAND...: COMMAND exits with CODE (stdout and stderr in $out/$err).
exits() {
	want=$1
	shift
	"$@" >"$out" 2>"$err"
	got=$?
	[ "$got" = "$want" ] && return 0
	diag "exit $got, wanted $want: $*" && sed 's/^/#   /' "$err" | head -10
	return 1
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" = 0 ]
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/stdout
err=$tmp/stderr
