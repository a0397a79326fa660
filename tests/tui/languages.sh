# The wizard in each language, in a real terminal: the walk to the fix for a
# status code 500 shows the secpol.msc labels exactly as the localized
# article writes them, and L switches the language of the screen at once.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# LANG NAME "USER RIGHTS ASSIGNMENT" "IMPERSONATE A CLIENT…", from the seeds.
while IFS='|' read -r lang name rights impersonate; do
	start 100x40 "$W --lang $lang"
	ok "$lang: the status line names $name" shows "$name"
	keys 2
	ok "$lang: step 2 opens" shows "┼[2]┼"
	keys 2
	ok "$lang: status 500 leads to its fix" shows "secpol.msc"
	ok "$lang: '$rights' as the article writes it" shows "$rights"
	ok "$lang: '$impersonate' as the article writes it" shows "$impersonate"
	ok "$lang: the group name stays IIS_IUSRS" shows "IIS_IUSRS"
	ok "$lang: the hint line is translated" lacks_text "Enter answer"
done <<'LANGS'
es|Español|Asignación de derechos de usuario|Suplantar un cliente después de la autenticación
it|Italiano|Assegnazione diritti utente|Rappresenta un client dopo l'autenticazione
pt|Português (Brasil)|Atribuição de Direitos de Usuário|Representar um cliente após a autenticação
sv|Svenska|Tilldelning av användarrättigheter|Personifiera en klient efter autentisering
LANGS

# L redraws the current screen in the new language at once.
start 100x40 "$W --goto troubleshoot-status-code-500"
ok "English first" shows "Impersonate a client after authentication"
keys L
ok "L lists the languages" shows "Svenska"
keys End Enter
ok "choosing Svenska redraws the section in Swedish" shows "Personifiera en klient efter autentisering"
ok "nothing of the English text is left" gone "Impersonate a client after authentication"
ok "the session records the language" sh -c "grep -q '^lang: sv' '$XDG_STATE_HOME'/scepwiz/sessions/*.yaml"

done_testing
