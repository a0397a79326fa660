# Bash completion: the file that is installed, sourced into bash with
# bash-completion, and its function called as bash calls it on <TAB>.
. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
export XDG_STATE_HOME=$tmp/state
bc=/usr/share/bash-completion/bash_completion
[ -r "$bc" ] || { echo "Bail out! bash-completion is missing: run ./bootstrap"; exit 1; }

# offers WORD...: the words bash offers for the last WORD (in $out).
offers() {
	bash -c '. "$1"; . "$2"; shift 2
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_scepwiz "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' \
		sh "$bc" "$top_srcdir/completions/bash/scepwiz.bash" "$W" "$@" >"$out" 2>"$err"
}
# only WORD...: the offer is exactly these words, one a line.
only() {
	printf '%s\n' "$@" | sort >"$tmp/want"
	sort "$out" | cmp -s - "$tmp/want" && return 0
	diag "offered:" && sed 's/^/#   /' "$out" | head -20
	return 1
}

ok "sections --ids exits 0" exits 0 $W sections --ids
cp "$out" "$tmp/ids"
$W sections | awk '/^ / { print $1 }' >"$tmp/listed"
ok "sections --ids prints the ids sections lists, one a line" cmp -s "$tmp/ids" "$tmp/listed"
ok "sections --ids has ids" test "$(wc -l <"$tmp/ids")" -gt 20

offers --goto http-er
ok "--goto http-er offers http-error-503" only http-error-503
offers -g device-to-ndes/next
ok "-g offers TREE/ANCHOR ids" only device-to-ndes/next-steps
offers --goto ''
ok "--goto offers every section id" cmp -s "$out" "$tmp/ids"
offers checklist --section gatewayt
ok "checklist --section completes ids" only gatewaytimeout
offers checklist --section gatewaytimeout http-414
ok "further sections after --section complete too" only http-414-request-uri-too-long
offers ch
ok "commands complete" only check checklist
offers ''
ok "every command is offered" only sections lint checklist check logs explain resume sessions
offers --lang ''
ok "--lang offers the languages" only en es it pt pt_BR sv
offers --lang sv --no
ok "options complete after --lang L" only --no-color
offers check --in
ok "check's options complete" only --insecure
offers check --fr
ok "check --from completes" only --from
offers check --jo
ok "check --jobs completes" only --jobs
offers check --en
ok "check --enroll completes" only --enroll
offers checklist --format ''
ok "checklist's formats" only text md
offers explain status-50
ok "explain completes finding codes" only status-503 status-504 status-500
mkdir "$tmp/empty"
cd "$tmp/empty"
offers resume ''
ok "resume offers no session when none is saved" only
cd - >/dev/null
mkdir -p "$XDG_STATE_HOME/scepwiz/sessions"
printf 'scepwiz-session: 1\ncreated: 2026-11-20T10:00:00Z\nupdated: 2026-11-20T10:05:00Z\nlang: en\nposition: 0\nentries:\n  - {node: index/scep-communication-flow-overview, how: start}\n' \
	>"$XDG_STATE_HOME/scepwiz/sessions/20261120-100000.yaml"
offers resume 2026
ok "resume offers the saved session's id" only 20261120-100000
offers sessions ''
ok "sessions offers its commands" only rename delete prune
offers sessions delete 2026
ok "sessions delete offers session ids" only 20261120-100000
offers sessions rename 20261120-100000 ''
ok "sessions rename ID NAME: no id for the name" only
mkdir -p "$tmp/logs/iis"
: >"$tmp/logs/u_ex261120.log"
offers logs "$tmp/logs/u_"
ok "logs completes file names" only "$tmp/logs/u_ex261120.log"
done_testing
