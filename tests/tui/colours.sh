# Colour by default, monochrome with NO_COLOR and --no-color.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- colours -------------------------------------------------------------
# SGR 3x / 38 set a foreground colour; reverse video (7) marks the selection.
colour_sgr() { grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-7]|38)[;m]" "$screen"; }
reverse_sgr() { grep -qE "$(printf '\033')\[([0-9;]*;)?7[;m]" "$screen"; }
start 80x24 "$W --goto http-error-503"
ok "--goto opens at the section" shows "HTTP Error 503"
capture -e
ok "colours are used by default" colour_sgr
start 80x24 "NO_COLOR=1 $W --goto http-error-503"
ok "NO_COLOR opens too" shows "HTTP Error 503"
capture -e
ok "NO_COLOR gives no colour" eval '! colour_sgr'
ok "NO_COLOR still shows the selection in reverse video" reverse_sgr
start 80x24 "$W --no-color --lang sv"
ok "--no-color --lang sv opens in Swedish" shows "Svenska"
capture -e
ok "--no-color gives no colour" eval '! colour_sgr'

done_testing
