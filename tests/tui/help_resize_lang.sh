# The help, resizing, the language screen and quitting.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- help ----------------------------------------------------------------
start 60x16 "$W --goto http-414-request-uri-too-long"
ok "the wizard opens at HTTP 414" shows "› HTTP 414 Request-URI Too Long"
keys '?'
ok "? opens the help" shows "go back to the previous screen"
ok "the help lists the table of contents key" scroll_to "table of contents"
ok "the help lists the search key" scroll_to "search every article"
keys Home
ok "Home scrolls the help back to the top" shows "go back to the previous screen"
keys q
ok "q closes the help, not the wizard" gone "go back to the previous screen"

# ---- resizing ------------------------------------------------------------
T resize-window -t w -x 40 -y 10
ok "below 60x16 the screen says it is too small" shows "least 60×16"
T resize-window -t w -x 100 -y 30
ok "growing again redraws the section" shows "Device to NDES server communication › HTTP 414 Request-URI Too Long"
ok "at once, with its keys" shows "? help  q quit"
T resize-window -t w -x 60 -y 16
ok "and again at 60x16" shows "? help  q quit"

keys L
ok "L lists the languages" shows "Svenska"
keys End Enter
ok "choosing Svenska shows in the status line" shows_line "Svenska *$"
keys L Home Enter
ok "and back to English" shows_line "English *$"

# ---- quitting restores the terminal ---------------------------------------
keys q
ok "q asks before quitting" shows "Quit scepwiz?"
keys n
ok "any other key stays" gone "Quit scepwiz?"
keys q y
ok "y quits with status 0" shows "exit=0"
ok "the terminal is back to normal" shows "terminal: icanon echo"
ok "the wizard's screen is gone" lacks_text "SCEP flow"

done_testing
