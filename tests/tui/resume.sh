# Sessions end to end: walk in the wizard, kill it with SIGTERM, find the
# walk saved, resume it where it stopped, and print its checklist in another
# language.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

start 80x24 "$W"
ok "the wizard opens on the index" shows "SCEP communication flow overview"
keys 2
ok "step 2 opens" shows "Review IIS logs for a connection from"
keys End 3
ok "another status code leads to the URL check" shows "› Test and troubleshoot"
keys End 3
ok "answer 3 is HTTP Error 503" shows "› HTTP Error 503"
keys End Enter
ok "Enter goes on to the causes" shows "› Common causes for an application pool crash"
kill -TERM "$(wizard_pid)"
ok "SIGTERM ends the wizard" shows "exit=143"

ok "sessions lists the walk" exits 0 $W sessions
ok "it stopped at the causes of a 503" has "common-causes-for-an-application-pool-crash" "$out"
id=$(awk 'NR == 2 {print $1}' "$out")
ok "the session file is private" sh -c "stat -c %a '$XDG_STATE_HOME/scepwiz/sessions/$id.yaml' | grep -qx 600"

start 80x24 "$W resume"
ok "resume opens where the walk stopped" shows "› Common causes for an application pool crash"
keys BSpace
ok "the way back is kept" shows "› HTTP Error 503"
keys BSpace
ok "back to the check, as it was answered" shows_line "^> +3\. HTTP Error 503"
keys Right Right
ok "→ → goes forward to the causes again" shows "› Common causes for an application pool crash"
keys q y
ok "quitting the resumed walk exits 0" shows "exit=0"

ok "the checklist of the session prints in Swedish" exits 0 $W checklist --session "$id" --lang sv
ok "the remediation is in Swedish" has "Vanliga orsaker till att en programpool kraschar" "$out"
ok "the command is kept as it is" has 'Get-Childitem -Path cert:\LocalMachine\root' "$out"
ok "and in Spanish, from the same session" exits 0 $W checklist --session "$id" --lang es --format md
ok "the Spanish checklist is Spanish" has "Causas comunes de un bloqueo del grupo de aplicaciones" "$out"

# A session the trees no longer match is refused, and left as it was.
sed -i 's/common-causes-for-an-application-pool-crash/a-section-that-is-gone/' \
	"$XDG_STATE_HOME/scepwiz/sessions/$id.yaml"
cp "$XDG_STATE_HOME/scepwiz/sessions/$id.yaml" "$tmp/before"
ok "resume refuses a session naming a lost section" exits 65 $W resume "$id"
ok "the message names the file and the section" has "a-section-that-is-gone" "$err"
ok "the refused file is untouched" cmp -s "$tmp/before" "$XDG_STATE_HOME/scepwiz/sessions/$id.yaml"

done_testing
