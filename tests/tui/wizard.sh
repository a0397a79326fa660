# The wizard in a real terminal: tmux runs it, sends keys and reads the
# screen back, asserting what a support engineer would see.
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

# ---- from the index to the fix for HTTP 503, at the smallest size --------
start 60x16 "SCEPWIZ_PRINT='cat >$tmp/printed.txt' $W"
ok "the wizard opens on the index question" shows "SCEP communication flow overview"
ok "the flow map is drawn" shows "SCEP flow ├─1─┼─2─┼─3─┼─4─┼─5─┼─6─┤"
ok "the status line names the article and section" shows_line "Troubleshoot.* › SCEP communication flow overview"
ok "the status line names the language" shows "English"
ok "the screen says there is more below" shows "PgDn more"
keys Down
ok "the first ↓ brings the answers into sight" shows_line "^>  1\. Step 1: the device"
keys j Enter
ok "answering step 2 opens its article" shows "Review IIS logs for a connection from"
ok "the flow map marks step 2" shows "┼[2]┼"
ok "the status line follows the section" shows_line "Device to NDES.* › Review IIS logs"
keys 3
ok "'another status code' leads to the URL check" shows "Test and troubleshoot the SCEP server URL"
keys PPage NPage NPage
ok "the check says what it tests" shows "GetCACaps"
ok "the check offers a live check" shows "Press r and type the Server URL"
keys 3
ok "answer 3 is HTTP Error 503" shows "HTTP Error 503"
ok "it asks whether the SCEP application pool is started" shows "Stopped - the SCEP application pool"
keys Enter
ok "Enter goes on to the causes" shows "Common causes for an application pool crash"
ok "the first cause is shown" shows "Cause 1 of 5:"
ok "the first step is the pool in IIS Manager" shows "On screen: IIS Manager > Application Pools"
keys NPage NPage
ok "its example log is in a box" shows "│ Log Name:      Application"
keys NPage NPage
ok "the command stands on its own line" shows_line "^ +Get-Childitem -Path cert:.LocalMachine.root"

# ---- back and forward ----------------------------------------------------
keys BSpace
ok "Backspace goes back to HTTP Error 503" shows "Started - the SCEP application pool"
ok "the answer given there is selected" shows_line "^>  1\. Stopped - the SCEP application"
keys Left
ok "← goes back to the check" shows "› Test and troubleshoot"
ok "as it was left, the answer given selected" shows_line "^>  3\. HTTP Error 503\. The service is"
keys Right
ok "→ goes forward again" shows "Stopped - the SCEP application pool"
keys Left

# ---- the live-check URL field keeps what was typed -----------------------
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
keys NPage
ok "the finding says the connection is refused" shows "connection is refused"
ok "the session keeps the URL tested" sh -c "grep -q '127.0.0.1:9' '$XDG_STATE_HOME'/scepwiz/sessions/*.yaml"

# ---- table of contents ---------------------------------------------------
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
keys Down Enter
ok "Enter opens the result" shows "› HTTP 414 Request-URI Too Long"
keys /
ok "the search field keeps its text" shows "Search: 414"
keys C-u
type_text "policy module communication"
ok "results come from the device-to-NDES article" shows_line "^  Device to NDES server communication$"
ok "and from the index" shows_line "^  Troubleshooting SCEP certificate profiles with Intune$"
keys C-u
type_text "maxfieldlength"
ok "a result shows the words around the match" shows_line "^ +….*MaxFieldLength"
keys Escape
ok "Esc closes the search" gone "Search:"

# ---- checklist, print, help, language ------------------------------------
keys c
ok "c shows the checklist so far" shows "Checklist so far"
ok "the checklist holds the fixes reached" shows "1. GatewayTimeout (Device to NDES"
ok "with their causes to tick off" shows "[ ] The Microsoft Entra application proxy"
keys p
ok "p offers to save or print" shows "t save as text, m save as Markdown, p print"
keys t
ok "t asks where to save" shows "Save to:"
keys Enter
ok "Enter saves the checklist" shows "Checklist saved to"
ok "the default is in the documents folder" sh -c "ls '$tmp'/docs/scepwiz-checklist-*.txt"
ok "the saved file holds the fixes reached" sh -c "grep -q 'GatewayTimeout' '$tmp'/docs/scepwiz-checklist-*.txt"
ok "the saved file names the URL tested" sh -c "grep -q '127.0.0.1:9' '$tmp'/docs/scepwiz-checklist-*.txt"
keys p t Enter
ok "saving again asks before overwriting" shows "Press y to overwrite"
keys y
ok "y overwrites" shows "Checklist saved to"
keys p m Enter
ok "m saves Markdown" sh -c "sleep 0.3; grep -q -- '- \\[ \\] ' '$tmp'/docs/scepwiz-checklist-*.md"
keys p p
ok "p p sends the checklist to the print command" shows "Checklist sent to"
ok "the print command got the checklist" sh -c "grep -q 'GatewayTimeout' '$tmp/printed.txt'"
keys Escape '?'
ok "? opens the help" shows "go back to the previous screen"
keys NPage
ok "the help lists the table of contents key" shows "table of contents"
ok "the help lists the search key" shows "search every article"
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
