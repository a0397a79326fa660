# The checklist screen, saving it and printing it.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- a fix reached after a live check -------------------------------------
start 60x16 "SCEPWIZ_PRINT='cat >$tmp/printed.txt' $W --goto test-and-troubleshoot-the-scep-server-url"
keys r
type_text "http://127.0.0.1:9/certsrv/mscep/mscep.dll"
keys Enter
ok "the live check ran" shows "connection is refused"
keys t j j j j j Enter
ok "the walk reaches GatewayTimeout" shows "› GatewayTimeout"

# ---- the checklist, saved and printed ------------------------------------
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
ok "m saves Markdown" eventually sh -c "grep -q -- '- \\[ \\] ' '$tmp'/docs/scepwiz-checklist-*.md"
keys p p
ok "p p sends the checklist to the print command" shows "Checklist sent to"
ok "the print command got the checklist" eventually grep -q GatewayTimeout "$tmp/printed.txt"
done_testing
