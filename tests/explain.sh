# scepwiz explain: every finding code, what one means, and the README's table
# of codes agreeing with the program.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ

ok "explain lists the codes" exits 0 $W explain
cp "$out" "$tmp/list"
ok "the list has a code, its severity and its section" \
	grep -qE '^status-503 +problem +http-error-503$' "$tmp/list"
ok "a code without a section shows -" grep -qE '^status-403 +ok +-$' "$tmp/list"

# The README's table: | `code`, `code` (note) | `section` or — (healthy) or null |
sed -n '/^| code | section |$/,/^$/p' "$top_srcdir/README.md" | sed '1,2d;/^$/d' |
while IFS='|' read -r _ codes section _; do
	case $section in
	*'`'*) want=$(printf '%s' "$section" | sed 's/[^`]*`\([^`]*\)`.*/\1/') ;;
	*) want=- ;;
	esac
	printf '%s\n' "$codes" | grep -o '`[^`]*`' | tr -d '`' | while read -r code; do
		case $section in *healthy*) sev=ok ;; *) sev='[a-z]+' ;; esac
		printf '%s %s %s\n' "$code" "$sev" "$want"
	done
done >"$tmp/readme"
ok "the README's table has rows" test -s "$tmp/readme"
while read -r code sev want; do
	ok "README: $code points to $want" grep -qE "^$code +$sev +$want\$" "$tmp/list"
done <"$tmp/readme"
cut -d' ' -f1 "$tmp/readme" | sort >"$tmp/readme.codes"
awk 'NF == 3 { print $1 }' "$tmp/list" | sort >"$tmp/list.codes"
ok "every code the program knows is in the README's table" \
	cmp "$tmp/readme.codes" "$tmp/list.codes"
ok "no code in the README's table is there twice" \
	test -z "$(uniq -d "$tmp/readme.codes")"

ok "explain CODE exits 0" exits 0 $W explain ra-expired
ok "it says what the code means" has "ra-expired: an MSCEP-RA certificate has expired" "$out"
ok "it gives the severity" has "Severity: problem" "$out"
ok "it names the section with its title" has \
	"Section: internal-server-error (500 - Internal server error)" "$out"
ok "it says how to open the section" has "scepwiz --goto internal-server-error" "$out"
ok "a heading several articles share is named with its article" exits 0 $W explain ra-old-ca
ok "... not as a bare Solution" has \
	"(SCEP deployment to Windows 10 devices fails after you renew the CA certificate › Solution)" "$out"
ok "a healthy code says there is nothing to do" exits 0 $W explain status-403
ok "... in words" has "healthy server" "$out"

ok "explain in Spanish" exits 0 $W --lang es explain status-503
ok "... the meaning is translated" test "$(head -1 "$out")" != \
	"status-503: HTTP 503: the service is unavailable"

ok "an unknown code exits 64" exits 64 $W explain tls-expird
ok "... with the closest codes" has "did you mean tls-expired" "$err"
ok "a far-off code gets the list pointer" exits 64 $W explain zzzzzzzzzzzzzzzzzzzzzzzzzzzz
ok "... which says where the codes are" has "'scepwiz explain' lists them" "$err"
ok "escape bytes in a code are not echoed" exits 1 $W explain "$(printf 'x\033[2Jy')"
ok "... raw" test "$(cat "$out" "$err" | grep -c "$(printf '\033')")" = 0
ok "explain takes one code" exits 64 $W explain dns timeout

# Pasted text: an error code, an event ID, a log line.
ok "explain an error code" exits 0 $W explain 0x80094800
ok "... points to the 0x80094800 article" has "devices-receive-scep-certificates-error-0x80094800/symptoms" "$out"
ok "explain 'event 31'" exits 0 $W explain "event 31"
ok "... points to the same section through its evidence" has "[problem] devices-receive-scep-certificates-error-0x80094800/symptoms" "$out"
ok "explain 12175" exits 0 $W explain 12175
ok "... points to the policy module's 12175 section first" sh -c "sed -n 2p '$out' | grep -q 'ndespluginlog-contains-an-error-12175'"
ok "explain a pasted log line" exits 0 $W explain "Failed to send http request /CertificateRegistrationSvc/Certificate/VerifyRequest. Error 12175"
ok "... names the 12175 section" has "ndespluginlog-contains-an-error-12175" "$out"
ok "text nothing matches exits 1" exits 1 $W explain "quite unrelated words here"
ok "... and says so" has "Nothing in the articles matches" "$out"
ok "a pasted line is shown escaped" exits 1 $W explain "$(printf 'zq\033]0;x\007zq')"
ok "... never raw" test "$(grep -c "$(printf '\033')" "$out")" = 0

done_testing
