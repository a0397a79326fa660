# Sessions are never lost silently: a walk is saved once it has a move, a
# failed save is said at every move and retried, the wizard says at exit
# when the walk is not on disk, a second wizard cannot take a session that
# is open, and saved checklists are private and land in the desktop's
# documents folder.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"
S=$XDG_STATE_HOME/scepwiz/sessions
no_session() { ! ls "$S"/*.yaml >/dev/null 2>&1; }

start 80x24 "$W"
ok "the wizard opens" shows "SCEP communication flow overview"
keys q y
ok "a launch that is only quit exits 0" shows "exit=0"
ok "and leaves no session behind" no_session

start 80x24 "$W"
ok "the wizard opens again" shows "SCEP communication flow overview"
keys 2
ok "step 2 opens" shows "Review IIS logs for a connection from"
ok "the first move saves the walk" wait_for sh -c "ls '$S'/*.yaml >/dev/null 2>&1"
id=$(basename "$(ls "$S"/*.yaml)" .yaml)

# A second wizard on the same session: refused, the first keeps it.
ok "a second wizard on the open session is refused" exits 75 $W resume "$id"
ok "it says the session is open elsewhere" has "is open in another scepwiz" "$err"
ok "deleting an open session is refused" exits 75 $W sessions delete "$id"

# The disk goes away after the first save: every failed move says so.
mv "$S" "$S.away" && touch "$S"
keys 3
ok "a save that fails after the first is said" shows "This walk cannot be saved to"
keys Z
ok "the next key clears the status line" gone "cannot be saved"
keys BSpace
ok "the next move is tried again, and its failure said again" shows "This walk cannot be saved to"
# The disk comes back: the next move is saved, and the notice goes.
rm "$S" && mv "$S.away" "$S"
keys 3
ok "the move after that is saved" gone "cannot be saved"
keys q y
ok "a saved walk quits with 0" shows "exit=0"
ok "the session holds the last move" exits 0 $W sessions
ok "it stopped at the URL check" has "test-and-troubleshoot-the-scep-server-url" "$out"

# Quitting while the walk is not on disk: said at exit, and not 0.
start 80x24 "$W resume $id"
ok "resume opens the walk" shows "› Test and troubleshoot"
mv "$S" "$S.away" && touch "$S"
keys BSpace
ok "the failed save is said" shows "This walk cannot be saved to"
keys q y
ok "at exit the wizard says the walk is not saved" shows "the last moves of this walk are not saved"
ok "and exits 74" shows "exit=74"
rm "$S" && mv "$S.away" "$S"

# A language asked for wins over the one the session was saved in.
start 80x24 "$W resume --lang es $id"
ok "resume --lang es opens in Spanish" shows "Español"
keys q y
ok "and quits" shows "exit=0"

# 'p' saves into the documents folder that user-dirs.dirs names, 0600.
mkdir -p "$tmp/home/Dokument" "$tmp/cfg"
echo 'XDG_DOCUMENTS_DIR="$HOME/Dokument"' >"$tmp/cfg/user-dirs.dirs"
start 80x24 "umask 022; env -u XDG_DOCUMENTS_DIR HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/cfg' $W --goto gatewaytimeout"
ok "the wizard opens at a fix" shows "GatewayTimeout"
keys p t Enter
ok "p t Enter saves the checklist" shows "Checklist saved to $tmp/home/Dokument/"
ok "into the folder user-dirs.dirs names" sh -c "ls '$tmp'/home/Dokument/scepwiz-checklist-*.txt"
ok "the saved checklist is private (0600)" sh -c "stat -c %a '$tmp'/home/Dokument/scepwiz-checklist-*.txt | grep -qx 600"

done_testing
