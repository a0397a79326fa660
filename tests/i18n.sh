# Translations: every catalog complete, every tree string and program message
# in it, and each language's checklist written with the Windows labels its
# localized article uses.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
po=$top_srcdir/po
langs=$(sed 's/#.*//' "$po/LINGUAS")

# The template as `make update-po` makes it: the code's messages and the trees'.
ok "the template can be extracted" \
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --directory="$top_srcdir" \
	--files-from="$po/POTFILES.in" --output="$tmp/full.pot"
# A file of messages missing from POTFILES.in would never be translated.
unlisted() {
	for f in $(cd "$top_srcdir" && grep -rlE '(^|[^A-Za-z0-9_])N?_\("' src --include='*.c' --include='*.h'); do
		grep -qx "$f" "$po/POTFILES.in" || { echo "not in po/POTFILES.in: $f"; return 1; }
	done
}
ok "every source file with messages is in po/POTFILES.in" unlisted
for l in $langs; do
	ok "$l: msgfmt --check passes" msgfmt --check --statistics -o /dev/null "$po/$l.po"
	msgfmt --statistics -o /dev/null "$po/$l.po" 2>"$tmp/stats"
	ok "$l: nothing fuzzy or untranslated" sh -c "! grep -Eq 'fuzzy|untranslated' '$tmp/stats'"
	ok "$l: every message of the code and the trees is translated" \
		msgcmp "$po/$l.po" "$tmp/full.pot"
done

# checklist LANG SECTION TEXT...: the checklist in LANG holds every TEXT.
checklist_has() {
	lang=$1 section=$2
	shift 2
	# Markdown, which is not wrapped, so a label stays on one line.
	$W checklist --lang "$lang" --format md --section "$section" >"$out" 2>"$err" || return 1
	for text in "$@"; do has "$text" "$out" || return 1; done
}

ok "es: secpol labels as the Spanish article writes them" checklist_has es troubleshoot-status-code-500 \
	"Asignación de derechos de usuario" "Suplantar un cliente después de la autenticación" \
	"secpol.msc" "IIS_IUSRS"
ok "it: secpol labels as the Italian article writes them" checklist_has it troubleshoot-status-code-500 \
	"Assegnazione diritti utente" "Rappresenta un client dopo l'autenticazione" "secpol.msc" "IIS_IUSRS"
ok "pt: secpol labels as the Portuguese article writes them" checklist_has pt troubleshoot-status-code-500 \
	"Atribuição de Direitos de Usuário" "Representar um cliente após a autenticação" "secpol.msc"
ok "sv: secpol labels as the Swedish article writes them" checklist_has sv troubleshoot-status-code-500 \
	"Tilldelning av användarrättigheter" "Personifiera en klient efter autentisering" "secpol.msc"
ok "sv: commands and registry values stay as they are" checklist_has sv http-414-request-uri-too-long \
	'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\HTTP\Parameters' "MaxFieldLength" "65534"
for l in es it pt sv; do
	ok "$l: no English heading left in the checklist" sh -c \
		"'$W' checklist --lang $l --section gatewaytimeout | grep -Eq '^(Remediation|Sources|  Cause:|  Solution:)' && exit 1 || exit 0"
done

# The language comes from the environment as gettext reads it, even where
# the only locale installed is C.UTF-8.
S500="checklist --format md --section troubleshoot-status-code-500"
ok "LANG=es_ES.UTF-8 alone gives Spanish" sh -c \
	"env -u LC_ALL -u LANGUAGE LANG=es_ES.UTF-8 '$W' $S500 | grep -q 'Suplantar un cliente'"
ok "LANGUAGE=it gives Italian" sh -c \
	"env -u LC_ALL LANGUAGE=it '$W' $S500 | grep -q 'Rappresenta un client'"
ok "--lang wins over the environment" sh -c \
	"env -u LC_ALL LANGUAGE=it '$W' --lang sv $S500 | grep -q 'Personifiera en klient'"
ok "--lang pt means Brazilian Portuguese" sh -c \
	"'$W' --lang pt $S500 | grep -q 'Representar um cliente'"
ok "an unknown language gives English" sh -c \
	"'$W' --lang xx $S500 2>/dev/null | grep -q 'Impersonate a client after authentication'"
ok "error messages follow the language" exits 64 $W --lang es frobnicate
ok "the Spanish error names the command" sh -c "grep -q 'frobnicate' '$err' && ! grep -q 'unknown command' '$err'"
ok "a refused URL is refused in the language asked" exits 64 $W check --lang es ftp://ndes.contoso.com/
ok "the reason is Spanish" has "solo se pueden comprobar direcciones URL http y https" "$err"
ok "sections titles are translated" exits 0 $W --lang pt sections
ok "the Portuguese section list is Portuguese" sh -c "! grep -q 'Review the device' '$out'"

# Every help fits an 80-column terminal in every language (translations run
# longer than English, and a wrapped help line breaks its columns).
fits() {
	for l in en es it pt sv; do
		for c in "" check logs checklist explain sessions lint resume; do
			# (but for the line naming the trees' folder, as long as its path)
			w=$($W --lang $l $c --help 2>/dev/null | grep -v decision-trees | LC_ALL=C.UTF-8 wc -L)
			[ "$w" -le 80 ] || { echo "$l ${c:-(main)} --help is $w columns wide"; return 1; }
		done
	done
}
ok "every --help fits 80 columns, in every language" fits

# An answer that is also a heading has its own msgctxt: the Italian article
# titles the 414 section in Italian, while the browser shows the server's
# English words, which is what the engineer must find among the answers.
export XDG_STATE_HOME=$tmp/state
mkdir -p "$XDG_STATE_HOME/scepwiz/sessions"
cat >"$XDG_STATE_HOME/scepwiz/sessions/ctx.yaml" <<'YAML'
scepwiz-session: 1
created: 2026-11-20T10:00:00Z
updated: 2026-11-20T10:05:00Z
lang: en
position: 1
entries:
  - {node: device-to-ndes/test-and-troubleshoot-the-scep-server-url, how: start, choice: 4, outcome: http-414-request-uri-too-long}
  - {node: device-to-ndes/http-414-request-uri-too-long, how: answer}
findings:
  - {code: caps-not-a-list, detail: an HTML page, note: html-page}
  - {code: caps, detail: "AES; unknown keywords ignored: 2", note: caps-unknown, facts: [AES, 2]}
YAML
$W checklist --lang es --format md --session ctx >"$out.es" 2>&1
ok "it: a session through the 414 answer renders" exits 0 $W checklist --lang it --format md --session ctx
ok "it: the answer quotes what the browser shows" has "HTTP 414 Request-URI Too Long" "$out"
ok "it: the heading is the Italian article's" has "HTTP 414 URI della richiesta troppo lungo" "$out"
# A finding's words are a note rendered in the language asked, its facts as seen.
ok "es: a stored finding's detail is Spanish" has "(una página HTML)" "$out.es"
ok "es: ... the facts kept within the Spanish words" has "(AES; palabras clave desconocidas omitidas: 2)" "$out.es"
ok "sv: and Swedish in Swedish" sh -c \
	"'$W' checklist --lang sv --format md --session ctx | grep -q 'en HTML-sida'"
ok "sv: the same answer in a Swedish checklist" sh -c \
	"'$W' checklist --lang sv --format md --session ctx | grep -q 'URL: HTTP 414 Request-URI Too Long'"

done_testing
