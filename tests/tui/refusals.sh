# The wizard refuses what it cannot run, before the screen starts.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- refused before the screen starts ------------------------------------
ok "without a terminal it exits 64" exits 64 $W </dev/null
ok "without a terminal it says so" has "needs a terminal" "$err"
ok "an unknown --goto exits 64" exits 64 $W --goto nowhere
ok "an unknown --goto names the section" has "'nowhere'" "$err"
ok "an unknown --goto points at 'scepwiz sections'" has "scepwiz sections" "$err"
ok "an anchor in two articles exits 64" exits 64 $W --goto next-steps
ok "an anchor in two articles asks for TREE/ANCHOR" has "TREE/next-steps" "$err"

start 80x24 "TERM=no-such-terminal $W"
ok "an unknown terminal type exits 64" shows "exit=64"
ok "an unknown terminal type is named" shows "cannot drive the terminal 'no-such-terminal'"

done_testing
