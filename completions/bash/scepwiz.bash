# bash completion for scepwiz: its commands and options, and the section ids,
# session ids and finding codes the program itself lists, so they never drift
# from the installed trees.

# _scepwiz_words KIND: what the program says can follow an option or command.
_scepwiz_words()
{
	local prog=$1
	case $2 in
	sections) "$prog" sections --ids 2>/dev/null ;;
	# `sessions` prints a header, then one session a line (ID first); a
	# session it can't read is shown by its path instead.
	sessions) "$prog" sessions 2>/dev/null | awk 'NR > 1 && $1 !~ /\// { print $1 }' ;;
	codes) "$prog" explain 2>/dev/null | awk '{ print $1 }' ;;
	esac
}

_scepwiz()
{
	local cur prev words cword split
	_init_completion -s || return
	local prog=${words[0]}
	command -v "$prog" >/dev/null 2>&1 || prog=scepwiz

	# The command is the first word that is neither an option nor its argument.
	local cmd="" i
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--lang | -l | --goto | -g) ((i++)) ;;
		-*) ;;
		*) cmd=${words[i]} && break ;;
		esac
	done

	case $prev in
	--lang | -l)
		COMPREPLY=($(compgen -W 'en es it pt pt_BR sv' -- "$cur"))
		return ;;
	--goto | -g | --section | -s)
		COMPREPLY=($(compgen -W "$(_scepwiz_words "$prog" sections)" -- "$cur"))
		return ;;
	--session | -S)
		COMPREPLY=($(compgen -W "$(_scepwiz_words "$prog" sessions)" -- "$cur"))
		_filedir yaml
		return ;;
	--format | -f)
		case $cmd in
		checklist) COMPREPLY=($(compgen -W 'text md' -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W 'text yaml' -- "$cur")) ;;
		esac
		return ;;
	--output | -o | --cacert | --from)
		_filedir
		return ;;
	--timeout | --engineer | --ticket | -e | -t | --older-than | --jobs | -j | --challenge)
		return ;;
	esac
	$split && return

	local opts=""
	case $cmd in
	"")
		opts='--lang --goto --no-color --help --version'
		[[ $cur == -* ]] ||
			opts='sections lint checklist check logs explain resume sessions' ;;
	sections) opts='--lang' ;;
	lint)
		[[ $cur == -* ]] || { _filedir '@(yaml|yml)'; return; } ;;
	checklist)
		opts='--section --session --lang --format --output --engineer --ticket'
		# "--section a b c" names three sections.
		if [[ $cur != -* ]] && [[ " ${words[*]:0:cword} " == *" --section "* ]]; then
			COMPREPLY=($(compgen -W "$(_scepwiz_words "$prog" sections)" -- "$cur"))
			return
		fi ;;
	check) opts='--format --timeout --cacert --insecure --from --jobs --enroll --challenge --lang --help' ;;
	logs)
		opts='--format --lang --help'
		[[ $cur == -* ]] || { _filedir; return; } ;;
	explain)
		opts='--lang --help'
		[[ $cur == -* ]] || opts=$(_scepwiz_words "$prog" codes) ;;
	resume)
		opts='--no-color'
		if [[ $cur != -* ]]; then
			COMPREPLY=($(compgen -W "$(_scepwiz_words "$prog" sessions)" -- "$cur"))
			_filedir yaml
			return
		fi ;;
	sessions)
		# sessions rename ID NAME, delete ID..., prune --older-than DAYS
		local sub=${words[i + 1]}
		if ((cword == i + 1)); then
			opts='rename delete prune'
		elif [[ $sub == delete ]] || { [[ $sub == rename ]] && ((cword == i + 2)); }; then
			opts=$(_scepwiz_words "$prog" sessions)
		elif [[ $sub == prune ]]; then
			opts='--older-than'
		fi ;;
	esac
	COMPREPLY=($(compgen -W "$opts" -- "$cur"))
} &&
	complete -F _scepwiz scepwiz
