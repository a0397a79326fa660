# A live check runs without freezing the screen: progress and a countdown
# show, Esc and Ctrl-C stop it at once and leave the answer as it was (in
# the long request's later rounds too), keys pressed meanwhile are not
# replayed, and --timeout bounds it.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
. "$top_srcdir/tests/tui/tmux.sh"

# A server that takes connections and never answers (perl-base is in every
# Debian system).
perl -MIO::Socket::INET -e '
	my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
				      Listen => 16, ReuseAddr => 1) or die "listen: $!";
	open(my $f, ">", $ARGV[0]) or die; print $f $s->sockport, "\n"; close $f;
	my @held; while (my $c = $s->accept) { push @held, $c }' "$tmp/port" &
silent=$!
trap 'kill $silent 2>/dev/null; T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
url="http://127.0.0.1:$(cat "$tmp/port")/certsrv/mscep/mscep.dll"

# Run a check on the URL check screen, answer 1 selected.
begin_check() {
	keys r C-u
	type_text "$url"
	keys Enter
}
# Whether the line holding "s left" changes within two seconds.
countdown_moves() {
	capture
	first=$(grep -o '[0-9]* s left' "$screen")
	sleep 2
	capture
	second=$(grep -o '[0-9]* s left' "$screen")
	[ -n "$first" ] && [ -n "$second" ] && [ "$first" != "$second" ]
}
# Waits at most a second for TEXT to go.
gone_within_a_second() {
	i=0
	while [ $i -lt 10 ]; do
		capture && lacks_text "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	sed 's/^/#   |/' "$screen"
	return 1
}

start 80x30 "$W --timeout 30 --goto test-and-troubleshoot-the-scep-server-url"
ok "the check screen opens" shows "› Test and troubleshoot the SCEP"
begin_check
ok "the check shows what it is doing" shows "Checking http://127.0.0.1:"
ok "and how long it may take" shows_line "[0-9]+ s left"
ok "the countdown moves: the screen is not frozen" countdown_moves
keys Down Down
ok "keys pressed meanwhile are refused, with a word" shows "A live check is running: Esc stops it."
keys Escape
ok "Esc stops the check at once" gone_within_a_second "s left"
ok "and says the answer is as it was" shows "Live check stopped; the answer is as it was."
ok "the keys pressed meanwhile were not replayed" shows_line "^>  1\. HTTP Error 403"
ok "the wizard is still up" lacks_text "exit="

begin_check
ok "a second check runs" shows_line "[0-9]+ s left"
keys C-c
ok "Ctrl-C stops it at once" gone_within_a_second "s left"
ok "without ending the wizard" shows "Live check stopped"
ok "the answer is still the first" has_line "^>  1\. HTTP Error 403"

# ---- the long request's later rounds -------------------------------------
# A server that answers short requests as NDES does, refuses the first long
# one (65534 bytes) at once and never answers the smaller ones: the check
# moves on to measure the long request, and waits there.
perl -MIO::Socket::INET -MIO::Select -e '
	my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
				      Listen => 16, ReuseAddr => 1) or die "listen: $!";
	open(my $f, ">", $ARGV[0]) or die; print $f $s->sockport, "\n"; close $f;
	my $sel = IO::Select->new($s); my (%req, @held);
	while (1) {
		for my $c ($sel->can_read) {
			if ($c == $s) { $sel->add($s->accept); next }
			my $d;
			if (!sysread($c, $d, 65536)) { $sel->remove($c); close $c; next }
			next unless ($req{$c} .= $d) =~ /\r\n\r\n/;
			my $r = delete $req{$c};
			$sel->remove($c);
			if ($r !~ /operation=/) { print $c "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n" }
			elsif (length $r < 2000) { print $c "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nSHA-256\n" }
			elsif (length $r > 60000) { print $c "HTTP/1.1 414 Request-URI Too Long\r\nContent-Length: 0\r\n\r\n" }
			else { push @held, $c; next }
			close $c;
		}
	}' "$tmp/port2" &
measured=$!
trap 'kill $silent $measured 2>/dev/null; T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while [ ! -s "$tmp/port2" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
silent_url=$url
url="http://127.0.0.1:$(cat "$tmp/port2")/certsrv/mscep/mscep.dll"
begin_check
ok "the long request is measured in later rounds" shows_joined "4 of 8 done: Long request"
ok "with a countdown" shows_line "[0-9]+ s left"
ok "that moves: the screen is not frozen" countdown_moves
keys Escape
ok "Esc stops the measurement at once" gone_within_a_second "s left"
ok "and says the answer is as it was" shows "Live check stopped; the answer is as it was."
ok "the wizard is still up" lacks_text "exit="
url=$silent_url

# ---- --timeout bounds the wizard's check ----------------------------------
start 80x30 "$W --timeout 2 --goto test-and-troubleshoot-the-scep-server-url"
ok "the wizard takes --timeout" shows "› Test and troubleshoot the SCEP"
begin_check
ok "with --timeout 2 the check ends by itself" shows "no answer within the time limit"
ok "its severity is in words" shows "[PROBLEM]"
ok "the answer it points to is selected" shows_line "^> +[0-9]\. No answer at all"

# ---- the options are checked before the screen starts ----------------------
ok "a bad --timeout is refused" exits 64 $W --timeout 0
ok "and named" has "--timeout" "$err"
ok "a missing --cacert is refused" exits 66 $W --cacert "$tmp/nowhere.pem"
echo "not a certificate" >"$tmp/garbage.pem"
ok "a --cacert that holds no certificate is refused" exits 64 $W --cacert "$tmp/garbage.pem"
ok "--insecure is taken" sh -c "$W --insecure </dev/null 2>&1 | grep -q 'needs a terminal'"
done_testing
