# The live-check URL field, and a live check against a dead port.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- the live-check URL field keeps what was typed -----------------------
start 60x16 "$W --goto test-and-troubleshoot-the-scep-server-url"
ok "the check screen opens" shows "› Test and troubleshoot the SCEP"
keys r
type_text "https://ndes.contoso.com/certsrv/mscep/mscep.dll"
ok "r opens the URL field" shows "SCEP server URL:"
ok "the field shows what is typed" shows "/certsrv/mscep/mscep.dll"
keys Escape
ok "Esc closes the field" gone "SCEP server URL:"
keys r
ok "the field still holds the URL" shows "/certsrv/mscep/mscep.dll"
# A dead port on loopback: the check must say so and point to its section.
keys C-u
type_text "http://127.0.0.1:9/certsrv/mscep/mscep.dll"
keys Enter
ok "Enter runs the live check; a refused connection selects the network answer" \
	shows_line "^> +[0-9]\. No answer at all"
ok "the finding says the connection is refused" shows_joined "connection is refused"
keys Enter
ok "Enter takes the answer the check selected" shows "› No connection request is logged"
ok "the session keeps the URL tested" sh -c "grep -q '127.0.0.1:9' '$XDG_STATE_HOME'/scepwiz/sessions/*.yaml"

done_testing
