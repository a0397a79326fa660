# A session that cannot be saved, and signals that restore the terminal.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- a session that cannot be saved is said, and the wizard still works ---
start 80x24 "XDG_STATE_HOME=/dev/null/state $W"
keys 2
ok "and the walk goes on" shows "Review IIS logs for a connection from"
ok "a session that cannot be saved is said" shows "cannot be saved to /dev/null/state"

# ---- signals restore the terminal ----------------------------------------
for sig in TERM HUP; do
	start 80x24 "$W"
	ok "the wizard is up before SIG$sig" shows "SCEP communication flow overview"
	kill -$sig "$(wizard_pid)"
	ok "SIG$sig ends the wizard" shows "exit=$((128 + $(kill -l $sig)))"
	ok "SIG$sig restores the terminal" shows "terminal: icanon echo"
done
start 80x24 "$W"
ok "the wizard is up before Ctrl-C" shows "SCEP communication flow overview"
keys C-c
ok "Ctrl-C ends the wizard" shows "exit=130"
ok "Ctrl-C restores the terminal" shows "terminal: icanon echo"

done_testing
