# A log file on a question's screen (o): the wizard reads what the customer
# sent and selects the answer its lines point to, showing them.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

logs=$tmp/customer
mkdir -p "$logs"
printf '%s\r\n' '#Software: Microsoft Internet Information Services 10.0' \
	'#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken' \
	'2026-11-20 08:00:01 10.0.0.1 GET /certsrv/mscep/mscep.dll/pkiclient.exe operation=GetCACert&message=default 80 - 10.0.0.9 Mozilla/4.0+(compatible;+Win32;+NDES+client) - 500 0 0 186 0' \
	>"$logs/u_ex261120.log"

start 100x40 "$W --goto review-iis-logs-for-a-connection-from-the-device"
ok "the IIS question opens" shows "Which status code appears"
ok "the first answer is selected" shows_line "^> +1\. 200"
keys o
ok "o asks for a log file" shows "Log file:"
type_text "$logs"
keys Enter
ok "the lines point to the 500 answer" shows "points to answer 2"
ok "... which is selected, for the engineer to confirm" shows_line "^> +2\. 500"
ok "the line that proves it is shown" shows "u_ex261120.log:3:"
keys Enter
ok "Enter confirms it: the status 500 section" shows "Troubleshoot status code 500"

start 100x40 "$W --goto review-iis-logs-for-a-connection-from-the-device"
keys o
type_text "$tmp/nowhere"
keys Enter
ok "a path that doesn't exist is said, not a crash" shows "Can't read"
ok "... and the answer is as it was" shows_line "^> +1\. 200"
keys o Escape
ok "Esc closes the field" gone "Log file:"
done_testing
