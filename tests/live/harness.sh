# What the live tests share: a private network, the servers they need, the
# ports and the clean-up. Source it first; it sources tests/tap.sh.
#
# The script runs itself again inside a new network namespace that has only
# a loopback interface, when the system allows one (unshare -rn): then no
# request, not even the lookup of a .invalid name, can leave this machine,
# and every port is free. Without one it uses the host's 127.0.0.1.
if [ -z "${SCEPWIZ_NETNS:-}" ] && command -v unshare >/dev/null 2>&1 &&
	unshare -rn true 2>/dev/null; then
	SCEPWIZ_NETNS=1 exec unshare -rn /bin/sh "$0" "$@"
fi

. "$top_srcdir/tests/tap.sh"
W=$SCEPWIZ
PATH=$PATH:/usr/sbin:/sbin
# Proxies from the environment would take the requests elsewhere (a test
# that wants one sets its own).
unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

bail() {
	echo "Bail out! $*"
	exit 1
}

# need TOOL...: a missing server fails the run, since a skipped live test
# would pass unseen.
need() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 ||
			bail "$tool is missing: run ./bootstrap (it installs nginx-light scep openssl curl)"
	done
}

# ports BASE: in the namespace ports from BASE are free (each script has
# its own BASE, so two can run at once); on the host, a range from the pid,
# below the kernel's ephemeral ports (32768 and up), where a client socket of
# this machine could hold one of them. Then port N is the Nth of them.
ports() {
	if [ "${SCEPWIZ_NETNS:-}" = 1 ]; then
		ip link set lo up 2>/dev/null || bail "can't bring up loopback in the network namespace"
		base=$1
	else
		diag "no network namespace: using the host's 127.0.0.1"
		base=$((20000 + $$ % 12000))
	fi
}
port() { echo $((base + $1)); }

# The servers a script starts add their pids here; all are stopped at exit.
pids=""
cleanup() {
	for pid in $pids; do
		kill "$pid" 2>/dev/null
	done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
