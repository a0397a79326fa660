# The wizard in a real terminal, for the tests in this folder: tmux runs it
# on a private server, sends keys and reads the screen back. Source it after
# tests/tap.sh. Sessions and saved files go to the test's own folder.
export XDG_STATE_HOME="$tmp/state" XDG_DOCUMENTS_DIR="$tmp/docs"
mkdir -p "$XDG_DOCUMENTS_DIR"

# Without tmux these tests cannot see the screen: fail, never skip quietly.
if ! command -v tmux >/dev/null 2>&1; then
	echo "not ok 1 - tmux is installed (./bootstrap installs it; the wizard is tested in a real terminal)"
	echo "1..1"
	exit 1
fi

sock=scepwiz-test-$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
screen=$tmp/screen
# A session that outlives the others: the server would otherwise exit with
# the last session, racing the next new-session.
T new-session -d -s keep "sleep 3600"

# start COLSxROWS COMMAND: a fresh window running COMMAND, then telling how
# it ended and whether the terminal is back in its normal (cooked) state.
start() {
	T kill-session -t w 2>/dev/null
	T new-session -d -s w -x "${1%x*}" -y "${1#*x}" \
		"trap 'echo interrupted' INT; $2; echo \"exit=\$?\";
		 echo \"terminal: \$(stty -a | grep -o -- '-*icanon') \$(stty -a | grep -o -- '-*echo\\b')\";
		 sleep 300"
}
keys() { T send-keys -t w "$@"; }
type_text() { T send-keys -t w -l "$1"; }
capture() { T capture-pane -p -t w "$@" >"$screen"; }

# Waits (up to about 5 s) until the screen shows what CHECK looks for.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		capture && "$@" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	diag "the screen never matched: $*"
	sed 's/^/#   |/' "$screen"
	return 1
}
# Runs COMMAND until it succeeds (up to about 5 s): for a file the wizard
# writes as the screen says so, which a loaded machine may lag behind.
eventually() {
	i=0
	while [ $i -lt 50 ]; do
		"$@" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
has_text() { grep -qF -- "$1" "$screen"; }
has_line() { grep -qE -- "$1" "$screen"; }
lacks_text() { ! grep -qF -- "$1" "$screen"; }
shows() { wait_for has_text "$1"; }
shows_line() { wait_for has_line "$1"; }
gone() { wait_for lacks_text "$1"; }

wizard_pid() { pgrep -P "$(T display -p -t w '#{pane_pid}')" | head -1; }

# Presses PgDn until the screen shows TEXT (at most ten pages).
scroll_to() {
	n=0
	while [ $n -lt 10 ]; do
		sleep 0.2
		capture && has_text "$1" && return 0
		keys NPage
		n=$((n + 1))
	done
	shows "$1"
}

# Whether the screen holds TEXT once its lines are joined and their
# indentation squeezed (text wrapped over several lines).
has_joined() { tr '\n' ' ' <"$screen" | tr -s ' ' | grep -qF -- "$1"; }
shows_joined() { wait_for has_joined "$1"; }
