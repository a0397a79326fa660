# Walking from the index to the fix for HTTP 503 at the smallest size, then back and forward.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- from the index to the fix for HTTP 503, at the smallest size --------
start 60x16 "$W"
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
ok "a number whose answer is out of sight brings it into sight" shows "Answer 3 is now in sight"
ok "and does not answer" shows_line "^>  3\. "
keys 3
ok "'another status code' leads to the URL check" shows "Test and troubleshoot the SCEP server URL"
keys PPage NPage NPage
ok "the check says what it tests" shows "GetCACaps"
ok "the check offers a live check" shows "Press r and type the Server URL"
keys Up 3
ok "answer 3 is HTTP Error 503" shows "HTTP Error 503"
ok "it asks whether the SCEP application pool is started" shows "Stopped - the SCEP application pool"
keys Enter
ok "Enter goes on to the causes" shows "Common causes for an application pool crash"
ok "the first cause is shown" shows "Cause 1 of 5:"
ok "the first step is the pool in IIS Manager" shows_joined "On screen: IIS Manager > Application Pools"
ok "its example log is in a box" scroll_to "│ Log Name:      Application"
ok "the command stands on its own line" scroll_to "Get-Childitem -Path cert:\LocalMachine\root"
ok "on a line of its own" shows_line "^ +Get-Childitem -Path cert:.LocalMachine.root"

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

done_testing
