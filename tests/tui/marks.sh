# The checklist follows the current walk, and its marks: steps ticked done
# and causes ruled out in the wizard show on the checklist screen, in the
# saved and printed checklist, and survive a resume.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"
S=$XDG_STATE_HOME/scepwiz/sessions

# ---- a branch backed out of leaves the checklist ---------------------------
start 100x40 "$W --goto http-error-503"
ok "the wizard opens at HTTP Error 503" shows "› HTTP Error 503"
keys End Enter
ok "Enter goes on to the causes of a crash" shows "› Common causes for an application pool crash"
keys c
ok "the checklist holds the fix reached" shows "1. Common causes for an application pool crash"
keys Escape BSpace
ok "Backspace backs out of the fix" shows "› HTTP Error 503"
keys c
ok "the checklist no longer holds the fix backed out of" shows "No fix yet"
keys Escape Right
ok "→ goes to the fix again" shows "› Common causes for an application pool crash"

# ---- ticking steps and ruling out causes -----------------------------------
ok "a cause is selected first" shows_line "^> Cause 1 of 5:"
keys x
ok "x on a cause says it ticks steps" shows "x ticks a step; o rules out the whole cause."
keys Down
ok "↓ selects the first step" shows_line "^>   \[ \] 1\. "
keys x
ok "x ticks it done" shows_line "^>   \[x\] 1\. "
keys x
ok "x again unticks it" shows_line "^>   \[ \] 1\. "
keys x Up o
ok "o rules the cause out" shows "Cause 1 of 5 (ruled out):"
keys Down Down Down
keys c
ok "the checklist screen shows the cause ruled out" shows "(ruled out)"
keys Escape p t Enter
ok "the checklist is saved" shows "Checklist saved to"
ok "the saved file ticks the step" sh -c "grep -q '\[x\] 1\.' '$tmp'/docs/scepwiz-checklist-*.txt"
ok "and says the cause is ruled out" sh -c "grep -q 'Cause (ruled out):' '$tmp'/docs/scepwiz-checklist-*.txt"
ok "the session stores the marks as ids" sh -c "grep -q 'cause: 0' '$S'/*.yaml && grep -q 'step: 0' '$S'/*.yaml"
keys q y
ok "quitting exits 0" shows "exit=0"
id=$(basename "$(ls "$S"/*.yaml | head -1)" .yaml)

# ---- the marks survive a resume ---------------------------------------------
ok "checklist --session shows the step done" exits 0 $W checklist --session "$id"
ok "... [x] 1." has "[x] 1." "$out"
ok "... and the cause ruled out" has "Cause (ruled out):" "$out"
ok "... in Markdown too" exits 0 $W checklist --session "$id" --format md
ok "... as a ticked box" has "- [x] " "$out"
start 100x40 "$W resume $id"
ok "resume opens at the fix" shows "› Common causes for an application pool crash"
ok "the cause is still ruled out" shows "Cause 1 of 5 (ruled out):"
ok "the step is still done" shows_line "^ +\[x\] 1\. "
keys q y
ok "and quits" shows "exit=0"

# ---- a session naming a mark the trees don't have is refused ---------------
sed -i 's/cause: 0/cause: 99/' "$S/$id.yaml"
ok "a mark on a cause that isn't there is refused" exits 65 $W checklist --session "$id"
ok "and said" has "no such cause or step" "$err"
done_testing
