/* The GetCACert certificates graded: each finding names the certificates it
 * is about (subject, serial, dates) in its detail and their description,
 * role included, in its evidence lines. */
#include <config.h>

#include "cacert_checks.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* NDES's MSCEP-RA certificates (Exchange Enrollment Agent (Offline request)
 * and CEP Encryption) carry it. */
#define OID_REQUEST_AGENT "1.3.6.1.4.1.311.20.2.1"

static const char *or_unknown(const char *s)
{
	return s && *s ? s : "?";
}

static void format_time(char *s, size_t size, time_t t)
{
	struct tm tm;
	if (!t || !gmtime_r(&t, &tm) || !strftime(s, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(s, size, "?");
}

static int has_key_usage(const scep_cert *c, const char *name)
{
	for (size_t i = 0; i < c->nku; i++)
		if (strcmp(c->key_usage[i], name) == 0)
			return 1;
	return 0;
}

unsigned cacert_ra_roles(const scep_cert *c)
{
	if (c->is_ca)
		return 0;
	/* Without the extension the key may serve any purpose (RFC 5280). */
	if (c->nku == 0)
		return CACERT_SIGNING | CACERT_ENCRYPTION;
	return (has_key_usage(c, "digitalSignature") ? CACERT_SIGNING : 0) |
	       (has_key_usage(c, "keyEncipherment") ? CACERT_ENCRYPTION : 0);
}

const char *cacert_role_text(const scep_cert *c)
{
	if (c->is_ca)
		return "CA";
	switch (cacert_ra_roles(c)) {
	case CACERT_SIGNING: return "RA signing";
	case CACERT_ENCRYPTION: return "RA encryption";
	case CACERT_SIGNING | CACERT_ENCRYPTION: return "RA signing, RA encryption";
	}
	return "RA (no signing or encryption key usage)";
}

static void add_list(strbuf *b, const char *label, const char *const *items, size_t n)
{
	sb_add(b, label);
	for (size_t i = 0; i < n; i++)
		sb_addf(b, "%s %s", i ? "," : "", items[i]);
	sb_add(b, n ? "\n" : " (none)\n");
}

static void add_evidence(strbuf *b, const scep_cert *c)
{
	sb_addf(b, "%s certificate\nrole: %s\nsubject: %s\nissuer: %s\nserial: %s\nvalid: ",
		c->is_ca ? "CA" : "RA", cacert_role_text(c), or_unknown(c->subject),
		or_unknown(c->issuer), or_unknown(c->serial));
	char from[32], until[32];
	format_time(from, sizeof from, c->not_before);
	format_time(until, sizeof until, c->not_after);
	sb_addf(b, "%s to %s", from, until);
	sb_add(b, "\n");
	add_list(b, "key usage:", c->key_usage, c->nku);
	add_list(b, "extended key usage:", (const char *const *)c->eku, c->neku);
	sb_addf(b, "signature: %s\nkey id: %s\nSHA-256: %s\n", or_unknown(c->sig_alg),
		or_unknown(c->key_id), c->sha256);
}

static char *evidence_of(const scep_cert *c)
{
	strbuf b = { 0 };
	add_evidence(&b, c);
	return sb_take(&b);
}

/* Adds a finding of kind ID whose detail is NOTE around the facts A..D
 * (NULL past the last); EVIDENCE ("\n"-separated lines) is taken. */
static void add(finding_list *out, finding_kind_id id, finding_note_id note, const char *a,
		const char *b, const char *c, const char *d, char *evidence)
{
	const char *facts[] = { a, b, c, d, NULL };
	finding *f = finding_add(out, finding_builtin(id), NULL);
	if (f && note != FN_COUNT)
		finding_set_note(f, finding_note_builtin(note), facts);
	for (const char *s = evidence; f && s && *s;) {
		size_t n = strcspn(s, "\n");
		finding_add_line(f, NULL, 0, s, n);
		s += n + (s[n] == '\n');
	}
	free(evidence);
}

/* A finding about certificate C: "SUBJECT, serial S". */
static void add_cert(finding_list *out, finding_kind_id id, const scep_cert *c, char *evidence)
{
	add(out, id, FN_CERT, or_unknown(c->subject), or_unknown(c->serial), NULL, NULL, evidence);
}

/* ---- dates ----------------------------------------------------------------- */

static void check_validity(const scep_cert *c, time_t now, finding_list *out)
{
	const time_t warn = (time_t)CACERT_EXPIRY_WARN_DAYS * 24 * 3600;
	finding_kind_id v = FK_COUNT;
	/* An expired MSCEP-RA certificate is the article's "500" cause 2; NDES
	 * fails on it the moment it expires, so the section is named early. */
	if (c->not_after && c->not_after < now)
		v = c->is_ca ? FK_CA_EXPIRED : FK_RA_EXPIRED;
	else if (c->not_after && c->not_after - now < warn)
		v = c->is_ca ? FK_CA_EXPIRING : FK_RA_EXPIRING;
	else if (c->not_before > now)
		v = FK_NOT_YET_VALID;
	if (v == FK_COUNT)
		return;
	char until[32];
	format_time(until, sizeof until, c->not_after);
	add(out, v, FN_NOT_AFTER, or_unknown(c->subject), until, NULL, NULL, evidence_of(c));
}

/* ---- the chain to the current CA key ------------------------------------------ */

/* A renewed certificate starts later (or, issued the same second, ends
 * later). */
static int newer(const scep_cert *a, const scep_cert *b)
{
	return a->not_before > b->not_before ||
	       (a->not_before == b->not_before && a->not_after > b->not_after);
}

/* Certificate J is a CA's and another certificate of the same CA (the same
 * name) with another key is newer: J is the CA's certificate before a
 * renewal. */
static int superseded(const scep_certs *certs, size_t j)
{
	const scep_cert *c = &certs->certs[j];
	for (size_t k = 0; k < certs->ncerts; k++) {
		const scep_cert *o = &certs->certs[k];
		if (o->is_ca && o->subject_of == c->subject_of && strcmp(o->key_id, c->key_id) != 0 &&
		    newer(o, c))
			return 1;
	}
	return 0;
}

/* The newest of the CA certificates named NAME (an index of subject_of)
 * among MASK (bit J: certificate J), or -1. */
static int newest_ca(const scep_certs *certs, int name, unsigned mask)
{
	int best = -1;
	for (size_t j = 0; j < certs->ncerts; j++) {
		const scep_cert *c = &certs->certs[j];
		if (!c->is_ca || c->subject_of != name || !(mask & (1u << j)))
			continue;
		if (best < 0 || newer(c, &certs->certs[best]))
			best = (int)j;
	}
	return best;
}

static void old_ca(const scep_certs *certs, const scep_cert *ra, int signer, finding_list *out)
{
	const scep_cert *by = &certs->certs[signer];
	const scep_cert *now = &certs->certs[newest_ca(certs, by->subject_of, ~0u)];
	strbuf e = { 0 };
	add_evidence(&e, ra);
	add_evidence(&e, by);
	add_evidence(&e, now);
	add(out, FK_RA_OLD_CA, FN_CERT_OLD_CA, or_unknown(ra->subject), or_unknown(ra->serial),
	    or_unknown(by->serial), or_unknown(now->serial), sb_take(&e));
}

static void check_chain(const scep_certs *certs, const scep_cert *ra, finding_list *out)
{
	int name = ra->issuer_of;
	int issuer = name < 0 ? -1 : newest_ca(certs, name, ~0u);
	if (issuer < 0) {
		add(out, FK_RA_ISSUER_MISSING, FN_CERT_ISSUER, or_unknown(ra->subject),
		    or_unknown(ra->serial), or_unknown(ra->issuer), NULL, evidence_of(ra));
		return;
	}
	int signer = newest_ca(certs, name, ra->signed_by);
	if (signer < 0) {
		strbuf e = { 0 };
		add_evidence(&e, ra);
		add_evidence(&e, &certs->certs[issuer]);
		add_cert(out, FK_RA_UNKNOWN_KEY, ra, sb_take(&e));
		return;
	}
	if (superseded(certs, (size_t)signer))
		old_ca(certs, ra, signer, out);
}

/* ---- signature algorithms ------------------------------------------------------ */

static void check_signature(const scep_cert *c, finding_list *out)
{
	finding_kind_id v = c->sig_pss ? FK_PSS_SIGNATURE
		: strcmp(c->sig_hash, "SHA1") == 0 ? FK_SHA1_SIGNATURE : FK_COUNT;
	if (v == FK_COUNT)
		return;
	char alg[96];
	snprintf(alg, sizeof alg, c->sig_pss && *c->sig_hash ? "%s (%s)" : "%s", or_unknown(c->sig_alg),
		 c->sig_hash);
	add(out, v, FN_CERT_SIGNATURE, or_unknown(c->subject), or_unknown(c->serial), alg, NULL,
	    evidence_of(c));
}

/* ---- the RA roles ------------------------------------------------------------- */

static int has_request_agent_eku(const scep_cert *c)
{
	const size_t n = strlen(OID_REQUEST_AGENT);
	for (size_t i = 0; i < c->neku; i++) {
		const char *e = c->eku[i];
		size_t len = strlen(e);
		/* "Certificate Request Agent (OID)", or the OID alone */
		if (strcmp(e, OID_REQUEST_AGENT) == 0 ||
		    (len > n + 2 && e[len - 1] == ')' && e[len - n - 2] == '(' &&
		     strncmp(e + len - n - 1, OID_REQUEST_AGENT, n) == 0))
			return 1;
	}
	return 0;
}

/* The RA certificates that hold ROLE, as facts: "SUBJECT (serial); ...". */
static char *holders(const scep_certs *certs, unsigned role)
{
	strbuf b = { 0 };
	for (size_t i = 0; i < certs->ncerts; i++)
		if (cacert_ra_roles(&certs->certs[i]) & role)
			sb_addf(&b, "%s%s (%s)", b.len ? "; " : "", or_unknown(certs->certs[i].subject),
				or_unknown(certs->certs[i].serial));
	return sb_take(&b);
}

static char *ra_evidence(const scep_certs *certs)
{
	strbuf e = { 0 };
	for (size_t i = 0; i < certs->ncerts; i++)
		if (!certs->certs[i].is_ca)
			add_evidence(&e, &certs->certs[i]);
	return sb_take(&e);
}

static void check_roles(const scep_certs *certs, finding_list *out)
{
	unsigned roles = 0;
	for (size_t i = 0; i < certs->ncerts; i++)
		roles |= cacert_ra_roles(&certs->certs[i]);
	char *sign = holders(certs, CACERT_SIGNING), *crypt = holders(certs, CACERT_ENCRYPTION);
	if (roles == (CACERT_SIGNING | CACERT_ENCRYPTION))
		add(out, FK_RA_ROLES, FN_RA_ROLES, sign, crypt, NULL, NULL, ra_evidence(certs));
	/* A role missing: the detail names the certificates of the other. */
	if (roles == CACERT_ENCRYPTION)
		add(out, FK_RA_NO_SIGNING, FN_RA_ENCRYPTION, crypt, NULL, NULL, NULL, ra_evidence(certs));
	if (roles == CACERT_SIGNING)
		add(out, FK_RA_NO_ENCRYPTION, FN_RA_SIGNING, sign, NULL, NULL, NULL, ra_evidence(certs));
	if (roles == 0) {
		add(out, FK_RA_NO_SIGNING, FN_COUNT, NULL, NULL, NULL, NULL, ra_evidence(certs));
		add(out, FK_RA_NO_ENCRYPTION, FN_COUNT, NULL, NULL, NULL, NULL, ra_evidence(certs));
	}
	free(sign);
	free(crypt);
}

/* The RA certificates that hold ROLE: when their keys differ, one of them
 * is left over (NDES uses one), and the finding names them all. */
static void check_duplicate(const scep_certs *certs, unsigned role, finding_list *out)
{
	const scep_cert *first = NULL;
	int differ = 0;
	for (size_t i = 0; i < certs->ncerts; i++) {
		const scep_cert *c = &certs->certs[i];
		if (!(cacert_ra_roles(c) & role))
			continue;
		if (first == NULL)
			first = c;
		else if (strcmp(c->key_id, first->key_id) != 0)
			differ = 1;
	}
	if (!differ)
		return;
	strbuf d = { 0 }, e = { 0 };
	for (size_t i = 0; i < certs->ncerts; i++) {
		const scep_cert *c = &certs->certs[i];
		char until[32];
		if (!(cacert_ra_roles(c) & role))
			continue;
		format_time(until, sizeof until, c->not_after);
		sb_addf(&d, "%s%s (%s)", d.len ? "; " : "", or_unknown(c->serial), until);
		add_evidence(&e, c);
	}
	add(out, FK_RA_DUPLICATE, role == CACERT_SIGNING ? FN_DUPLICATE_SIGNING : FN_DUPLICATE_ENCRYPTION,
	    d.s ? d.s : "", NULL, NULL, NULL, sb_take(&e));
	free(sb_take(&d));
}

void cacert_check(const scep_certs *certs, time_t now, finding_list *out)
{
	size_t ra = 0;
	for (size_t i = 0; i < certs->ncerts; i++) {
		check_validity(&certs->certs[i], now, out);
		ra += !certs->certs[i].is_ca;
	}
	if (ra == 0) {
		/* The CA signs and decrypts itself: no roles to check. */
		add(out, FK_NO_RA, FN_COUNT, NULL, NULL, NULL, NULL, NULL);
	}
	for (size_t i = 0; i < certs->ncerts; i++)
		if (!certs->certs[i].is_ca)
			check_chain(certs, &certs->certs[i], out);
	for (size_t i = 0; i < certs->ncerts; i++)
		check_signature(&certs->certs[i], out);
	if (ra == 0)
		return;
	check_roles(certs, out);
	for (size_t i = 0; i < certs->ncerts; i++)
		if (!certs->certs[i].is_ca && !has_request_agent_eku(&certs->certs[i]))
			add_cert(out, FK_RA_NO_EKU, &certs->certs[i], evidence_of(&certs->certs[i]));
	check_duplicate(certs, CACERT_SIGNING, out);
	check_duplicate(certs, CACERT_ENCRYPTION, out);
}
