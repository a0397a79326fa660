/* A DNS server that never answers, for tests/live/check.sh: binds a UDP
 * port on 127.0.0.1 and reads every query without replying, until killed. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
				 .sin_port = htons(argc > 1 ? (unsigned short)atoi(argv[1]) : 53) };
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0) {
		perror("silent_udp");
		return 1;
	}
	char buf[4096];
	for (;;)
		if (recv(s, buf, sizeof buf, 0) < 0)
			return 1;
}
