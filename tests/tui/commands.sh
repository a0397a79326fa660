# Commands and registry paths are never broken mid-token: each stands on
# one line, a long one cut with "…" and scrolled sideways with < and >, and
# y copies the selected step's command exactly, through OSC 52 (read back
# from tmux's paste buffer).
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

cmd='Get-Childitem -Path cert:\LocalMachine\root -Recurse | Where-Object {$_.Issuer -ne $_.Subject}'
T set -g set-clipboard on
start 80x40 "$W --goto common-causes-for-an-application-pool-crash"
ok "the causes of a crash open" shows "Cause 1 of 5:"
# Cause 1 and its three steps, then cause 2: its first step has the command.
keys Down Down Down Down Down
ok "↓ selects the first step of the second cause" shows_line '^>   \[ \] 1\. To list every intermediate'
ok "the command starts on a line of its own" shows_line '^ +Get-Childitem -Path cert:.LocalMachine.root'
ok "and is cut with … rather than wrapped" shows_line 'Get-Childitem .*…'
ok "no line carries the end of the command" lacks_text '{$_.Issuer -ne'
keys '>'
ok "> scrolls the selected step's command sideways" shows '{$_.Issuer -ne $_.Subject}'
ok "with … where its start is cut" shows_line '^ +….*\{\$_\.Issuer -ne \$_\.Subject\}'
keys '<'
ok "< scrolls back" gone '{$_.Issuer -ne $_.Subject}'
keys y
ok "y says the command is copied" shows "Command copied to the clipboard."
clip_is() { [ "$(T show-buffer 2>/dev/null)" = "$cmd" ]; }
ok "the clipboard (tmux's buffer) holds the exact command" wait_for clip_is

# A registry path is one line too: never "...\NDESPo" / "licy\...".
keys End
ok "the registry path stands on one line" shows_line 'Path: HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography.*…$'
ok "no line starts inside the path" eval '! grep -qE "^ +(licy|Policy|NDESCertThumbprint)" "$screen"'
done_testing
