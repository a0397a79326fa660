/* The probe enrollment's network side: GetCACert fetched for its raw
 * certificates, the PKIOperation sent by POST or GET as the server's
 * capabilities say, and the answer turned into one finding. */
#include <config.h>

#include "enroll.h"
#include "probe.h"
#include "scep_msg.h"
#include "strbuf.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static finding *add(check_report *rep, finding_kind_id kind, const char *detail)
{
	return finding_add(&rep->findings, finding_builtin(kind), detail ? strdup(detail) : NULL);
}

/* A finding whose detail is NOTE around the facts A..D (NULL past the last). */
static finding *add_note(check_report *rep, finding_kind_id kind, finding_note_id note,
			 const char *a, const char *b, const char *c, const char *d)
{
	const char *facts[] = { a, b, c, d, NULL };
	return finding_add_note(&rep->findings, finding_builtin(kind), finding_note_builtin(note), facts);
}

static int fetch(probe_result *r, const char *url, const char *query, const check_options *opt)
{
	probe_options po = { .timeout_s = opt->timeout_s, .cacert = opt->cacert,
			     .insecure = opt->insecure };
	r->url = probe_url_with_query(url, query);
	if (r->url == NULL)
		return -1;
	probe_run(r, 1, &po, NULL, NULL);
	return 0;
}

/* The GET form devices use: the base64 message, URL-encoded. */
static char *get_query(const scep_request *req)
{
	size_t b64 = 4 * ((req->der_len + 2) / 3) + 1;
	unsigned char *enc = malloc(b64);
	char *q = malloc(sizeof "operation=PKIOperation&message=" + 3 * b64);
	if (enc == NULL || q == NULL) {
		free(enc);
		free(q);
		return NULL;
	}
	int n = EVP_EncodeBlock(enc, req->der, (int)req->der_len);
	char *p = q + sprintf(q, "operation=PKIOperation&message=");
	for (int i = 0; i < n; i++)
		p += enc[i] == '+' ? sprintf(p, "%%2B") : enc[i] == '/' ? sprintf(p, "%%2F")
			: enc[i] == '=' ? sprintf(p, "%%3D") : sprintf(p, "%c", enc[i]);
	free(enc);
	return q;
}

static void send_request(const char *url, const check_options *opt, const check_report *rep,
			 const scep_request *req, probe_result *r)
{
	if (rep->have_caps && scep_caps_offers(&rep->caps, SCEP_CAP_POSTPKIOPERATION)) {
		r->post = req->der;
		r->post_len = req->der_len;
		r->post_type = "application/x-pki-message";
		fetch(r, url, "operation=PKIOperation", opt);
		return;
	}
	char *q = get_query(req);
	if (q)
		fetch(r, url, q, opt);
	free(q);
}

/* A refusal as too long: HTTP.sys's 400 or a 414, or IIS request
 * filtering's 404.14 (URL) or 404.15 (query string), which only its page
 * names: the status line says 404. */
static int too_long(const probe_result *r)
{
	if (r->status == 414 || r->status == 400)
		return 1;
	return r->status == 404 && r->body &&
	       (probe_body_has(r, "404.14") || probe_body_has(r, "404.15"));
}

/* An answer that isn't a CertRep, by what the HTTP status says. */
static void not_certrep(const probe_result *r, check_report *rep)
{
	finding_kind_id k = r->status == 500 ? FK_ENROLL_STATUS_500
			  : too_long(r) ? FK_ENROLL_TOO_LONG
			  : FK_ENROLL_NOT_CERTREP;
	if (r->end != PROBE_ANSWERED) {
		add_note(rep, k, FN_ENROLL_NO_ANSWER, r->error ? r->error : "?", NULL, NULL, NULL);
		return;
	}
	/* Facts only: a status and a type (escaped, as the detail is shown). */
	char d[512];
	snprintf(d, sizeof d, "HTTP %ld, Content-Type %s", r->status, r->content_type ? r->content_type : "-");
	char *shown = untrusted_text(d, strlen(d), 600);
	add(rep, k, shown);
	free(shown);
}

static void refused(const scep_certrep *c, int challenge_given, check_report *rep,
		    const char *status, const char *signer)
{
	const char *name = scep_fail_info_name(c->fail_info);
	char fail[512];
	snprintf(fail, sizeof fail, "%s (%d)%s%s%s", name ? name : "-", c->fail_info,
		 c->fail_info_text ? ", failInfoText \"" : "",
		 c->fail_info_text ? c->fail_info_text : "", c->fail_info_text ? "\"" : "");
	finding_kind_id k = c->fail_info == 0 || c->fail_info == 1 ? FK_ENROLL_REFUSED_MESSAGE
			  : challenge_given ? FK_ENROLL_REFUSED_CHALLENGE : FK_ENROLL_REFUSED_PROBE;
	add_note(rep, k, FN_ENROLL_REFUSED, status, signer, fail, NULL);
}

/* The first certificate issued in the detail; each of them in the evidence. */
static void issued(const scep_certrep *c, check_report *rep, const char *signer)
{
	const scep_cert *x = c->issued.ncerts ? &c->issued.certs[0] : NULL;
	char until[32] = "?";
	if (x && x->not_after)
		strftime(until, sizeof until, "%Y-%m-%d %H:%M UTC", gmtime(&x->not_after));
	finding *f = add_note(rep, FK_ENROLL_ISSUED, FN_ENROLL_ISSUED, signer,
			      x && x->subject ? x->subject : "?", x && x->serial ? x->serial : "?", until);
	for (size_t i = 0; f && i < c->issued.ncerts; i++) {
		x = &c->issued.certs[i];
		char line[1024], from[32] = "?", to[32] = "?";
		strftime(from, sizeof from, "%Y-%m-%d %H:%M UTC", gmtime(&x->not_before));
		strftime(to, sizeof to, "%Y-%m-%d %H:%M UTC", gmtime(&x->not_after));
		snprintf(line, sizeof line, "issued: subject %s, issuer %s, serial %s, valid %s to %s",
			 x->subject ? x->subject : "?", x->issuer ? x->issuer : "?",
			 x->serial ? x->serial : "?", from, to);
		finding_add_line(f, NULL, 0, line, strlen(line));
	}
}

static void read_answer(const probe_result *r, const probe_result *ca, const scep_request *req,
			int challenge_given, check_report *rep)
{
	if (r->end != PROBE_ANSWERED || r->status != 200) {
		not_certrep(r, rep);
		return;
	}
	scep_certrep c;
	scep_rep_status st = scep_certrep_read(req, ca->body, ca->body_len, r->body, r->body_len, &c);
	char status[16];
	snprintf(status, sizeof status, "%d", (int)c.pki_status);
	/* No signer: none of GetCACert's certificates signed it. */
	const char *signer = c.signer ? c.signer : "-";
	finding_kind_id k = FK_COUNT;
	switch (st) {
	case SCEP_REP_NOT_PKCS7:
	case SCEP_REP_NOT_CERTREP: not_certrep(r, rep); break;
	case SCEP_REP_BAD_SIGNATURE: k = FK_ENROLL_BAD_SIGNATURE; break;
	case SCEP_REP_NONCE_MISMATCH:
	case SCEP_REP_TXID_MISMATCH: k = FK_ENROLL_NONCE_MISMATCH; break;
	case SCEP_REP_UNDECRYPTABLE: k = FK_ENROLL_UNDECRYPTABLE; break;
	case SCEP_REP_OK:
		if (c.pki_status == SCEP_PKI_SUCCESS)
			issued(&c, rep, signer);
		else if (c.pki_status == SCEP_PKI_PENDING)
			k = FK_ENROLL_PENDING;
		else
			refused(&c, challenge_given, rep, status, signer);
		break;
	}
	if (k != FK_COUNT)
		add_note(rep, k, FN_ENROLL_ANSWER, status, signer, NULL, NULL);
	scep_certrep_free(&c);
}

void enroll_run(const char *url, const check_options *opt, const char *challenge,
		check_report *rep)
{
	probe_result ca = { .name = "enroll-GetCACert" }, r = { .name = "enroll" };
	scep_request req;
	int aes = rep->have_caps && scep_caps_offers(&rep->caps, SCEP_CAP_AES);
	int sha256 = rep->have_caps && scep_caps_offers(&rep->caps, SCEP_CAP_SHA256);
	fetch(&ca, url, "operation=GetCACert&message=scepwiz", opt);
	scep_msg_status st = scep_request_build(ca.body, ca.body_len, challenge, aes, sha256, &req);
	if (st != SCEP_MSG_OK) {
		if (st == SCEP_MSG_CRYPTO)
			add_note(rep, FK_ENROLL_NOT_CERTREP, FN_ENROLL_NOT_BUILT, NULL, NULL, NULL, NULL);
		else
			add(rep, FK_ENROLL_NO_RA_ENCRYPTION, NULL);
		probe_result_free(&ca);
		return;
	}
	int post = rep->have_caps && scep_caps_offers(&rep->caps, SCEP_CAP_POSTPKIOPERATION);
	char how[128];
	snprintf(how, sizeof how, "%s, %s, %s", post ? "POST" : "GET", req.cipher, req.digest);
	add_note(rep, FK_ENROLL_SENT, FN_ENROLL_SENT, req.subject, req.transaction_id, how,
		 req.ra_subject ? req.ra_subject : "?");
	send_request(url, opt, rep, &req, &r);
	read_answer(&r, &ca, &req, challenge != NULL, rep);
	scep_request_free(&req);
	probe_result_free(&r);
	probe_result_free(&ca);
}
