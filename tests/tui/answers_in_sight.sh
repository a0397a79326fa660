# An answer is given only when the engineer can see it, and Home and End
# scroll without touching the selected answer.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- Enter on answers below the fold ---------------------------------------
start 80x16 "$W --goto certificate-delivery/android"
ok "the step-5 Android screen opens" shows "› Android"
ok "its answers are below the fold" lacks_text "1. "
keys Enter
ok "Enter brings the selected answer into sight" shows_line "^>  1\. "
ok "and says so" shows "Answer 1 is now in sight"
ok "without answering" shows "› Android"
ok "the walk did not move" sh -c "! grep -q 'choice: 0' '$XDG_STATE_HOME'/scepwiz/sessions/*.yaml"
keys Enter
ok "the next Enter answers" gone "› Android  "

start 80x16 "$W --goto certificate-delivery/android"
ok "the Android screen opens again" shows "› Android"
keys 2
ok "a number out of sight selects and shows its answer" shows_line "^>  2\. "
ok "without answering either" shows "› Android"

# ---- Home and End scroll ---------------------------------------------------
start 80x16 "$W --goto certificate-delivery/android"
keys End
ok "End scrolls to the answers" shows "3. The certificate isn't installed"
keys Down
ok "↓ selects the second answer" shows_line "^>  2\. "
keys Home
ok "Home scrolls to the top" shows "› Android"
ok "Home leaves the answers" lacks_text "2. "
keys End
ok "End scrolls back down" shows "3. The certificate isn't installed"
ok "the second answer is still the one selected" has_line "^>  2\. "
done_testing
