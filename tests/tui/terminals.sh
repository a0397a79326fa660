# Terminals the wizard can and can't draw in: a dumb one is refused with a
# message, a non-UTF-8 locale gets plain ASCII, and a tiny or resized
# terminal never crashes it.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# ---- a terminal that can't address the cursor ------------------------------
start 80x24 "TERM=dumb $W"
ok "TERM=dumb exits non-zero" shows "exit=64"
ok "TERM=dumb says why" shows_joined "the terminal 'dumb' cannot move the cursor"
ok "and what to do" shows_joined "set TERM to your"

# ---- a locale that isn't UTF-8 ---------------------------------------------
only_ascii() { ! LC_ALL=C grep -q '[^ -~]' "$screen"; }
start 80x24 "env -u LC_ALL -u LC_CTYPE LANG=C $W --goto common-causes-for-an-application-pool-crash"
ok "with LANG=C the wizard opens" shows "Cause 1 of 5"
ok "the flow map is drawn in ASCII" shows "SCEP flow +-1-+[2]+-3-+"
ok "the box of the example is ASCII" scroll_to "+- Example -"
ok "every character on the screen is ASCII" only_ascii
keys '?'
ok "the help is ASCII too" shows "Keys"
ok "its arrows are spelled out in ASCII" only_ascii
start 80x24 "env -u LC_ALL LANG=C.UTF-8 $W --goto http-error-503"
ok "with a UTF-8 locale the line characters are back" shows "SCEP flow ├─1─┼"

# ---- tiny and resized terminals --------------------------------------------
start 30x10 "$W --goto http-error-503"
ok "at 30x10 it says the terminal is too small" shows_joined "needs at least 60×16"
keys j k Enter Down End t / Escape
ok "keys at 30x10 don't crash it" lacks_text "exit="
T resize-window -t w -x 80 -y 24
ok "growing to 80x24 draws the section" shows "› HTTP Error 503"
keys End
T resize-window -t w -x 60 -y 16
ok "shrinking to 60x16 mid-screen redraws it" shows "? help"
keys t
T resize-window -t w -x 20 -y 5
T resize-window -t w -x 120 -y 40
ok "a jump to 20x5 and back to 120x40 keeps the contents open" shows "HTTP Error 503  (you are here)"
i=0
while [ $i -lt 20 ]; do
	T resize-window -t w -x $((30 + i * 5)) -y $((8 + i))
	i=$((i + 1))
done
ok "twenty resizes in a row leave it running" shows "HTTP Error 503  (you are here)"
keys Escape q y
ok "and it quits cleanly" shows "exit=0"
done_testing
