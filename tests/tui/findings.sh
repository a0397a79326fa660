# The findings of a live check on the check screen: whole however long,
# their severity in words, and the lines they rest on on demand.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

dead="http://127.0.0.1:9/certsrv/mscep/mscep.dll"
for lang in en sv es; do
	start 80x40 "$W --lang $lang --goto test-and-troubleshoot-the-scep-server-url"
	ok "$lang: the check screen opens" shows "┼[2]┼"
	keys r C-u
	type_text "$dead"
	keys Enter
	# The finding ends with curl's words, after the reason: all of it shows.
	ok "$lang: the finding is shown whole" shows_joined "Couldn't connect to server)"
	ok "$lang: its severity is in words" shows_line "^ +\[[^]]+\] "
	ok "$lang: the evidence is not shown at first" lacks_text "(error 7)"
	keys e
	ok "$lang: e shows the lines it rests on" shows "curl: Failed to connect to 127.0.0.1 port 9"
	ok "$lang: in a box" shows_line "│ +GET http://127.0.0.1:9/"
	keys e
	ok "$lang: e hides them again" gone "(error 7)"
done

# The findings are kept as kinds and facts: a language switch says them anew.
start 80x40 "$W --lang en --goto test-and-troubleshoot-the-scep-server-url"
ok "the check screen opens again" shows "┼[2]┼"
keys r C-u
type_text "$dead"
keys Enter
ok "en: the refusal in English" shows_joined "the connection is refused"
keys L End Enter
ok "after L, Svenska: the same finding in Swedish" shows_joined "anslutningen nekas"
done_testing
