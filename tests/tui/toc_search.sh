# The table of contents, and the search across every article.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- table of contents ---------------------------------------------------
start 60x16 "$W --goto test-and-troubleshoot-the-scep-server-url"
ok "the check screen opens" shows "› Test and troubleshoot the SCEP"
keys t
ok "t opens the contents of the article" shows "Contents: Device to NDES server"
ok "the contents mark the current section" shows "Test and troubleshoot the SCEP server URL  (you are"
keys j j j j j
keys Enter
ok "Enter jumps to the section chosen" shows "Microsoft Entra application proxy Connector"
ok "the status line follows the jump" shows "› GatewayTimeout"

# ---- search across every article -----------------------------------------
keys /
type_text "414"
ok "/ searches as you type" shows "Sections found: 2"
ok "search finds the 414 section" shows "HTTP 414 Request-URI Too Long"
keys Enter
ok "Enter opens the result" shows "› HTTP 414 Request-URI Too Long"
keys /
ok "the search field keeps its text" shows "Search: 414"
keys C-u
type_text "policy module communication"
ok "results come from the device-to-NDES article" shows_line "^  Device to NDES server communication$"
ok "and from the index, further down" scroll_to "  Troubleshooting SCEP certificate profiles with Intune"
keys C-u
type_text "maxfieldlength"
ok "a result shows the words around the match" shows_line "^ +….*MaxFieldLength"
keys Escape
ok "Esc closes the search" gone "Search:"

# Hits of one article stand under its heading once, however they rank (a
# tall terminal shows all of them: titles rank above text, so the articles
# came round again, each heading three times).
start 120x300 "$W"
keys /
type_text "certificate"
ok "a wide search lists its results" shows "Search: certificate"
once_each() { capture && ! grep -E '^  [^ ]' "$screen" | sort | uniq -d | grep -q .; }
ok "no article heading is repeated" once_each

done_testing
