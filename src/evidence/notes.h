/* The words a finding's detail may hold around its facts: one row each,
 * so the detail reads in the chosen language while the facts (a count, a
 * name, a date) stay as seen. A session stores the note's code and its
 * facts, and renders them in any language. No include guard: the includer
 * defines NOTE.
 *
 * NOTE(NAME, code, msgid with one %s per fact, at most FINDING_NOTE_ARGS) */
NOTE(HTML_PAGE, "html-page", N_("an HTML page"))
NOTE(GZIP_DATA, "gzip-data", N_("gzip-compressed data"))
NOTE(BINARY_DATA, "binary-data", N_("binary data"))
NOTE(ONE_LONG_LINE, "one-long-line", N_("one line of %s bytes"))
NOTE(NOT_KEYWORDS, "not-keywords", N_("lines that are no capability keyword: %s"))
NOTE(CAPS_UNKNOWN, "caps-unknown", N_("%s; unknown keywords ignored: %s"))
NOTE(NOT_AFTER, "not-after", N_("%s, not after %s"))
NOTE(CERT, "cert", N_("%s, serial %s"))
NOTE(CERT_OLD_CA, "cert-old-ca", N_("%s, serial %s; issued by CA serial %s, current CA serial %s"))
NOTE(CERT_ISSUER, "cert-issuer", N_("%s, serial %s; issuer %s"))
NOTE(CERT_SIGNATURE, "cert-signature", N_("%s, serial %s, signed with %s"))
NOTE(RA_ROLES, "ra-roles", N_("signing: %s; encryption: %s"))
NOTE(RA_SIGNING, "ra-signing", N_("signing: %s"))
NOTE(RA_ENCRYPTION, "ra-encryption", N_("encryption: %s"))
NOTE(DUPLICATE_SIGNING, "duplicate-signing", N_("signing, by serial and end of validity: %s"))
NOTE(DUPLICATE_ENCRYPTION, "duplicate-encryption", N_("encryption, by serial and end of validity: %s"))
NOTE(PKCS7_CERTS, "pkcs7-certs", N_("certificates in a PKCS#7: %s"))
NOTE(ONE_DER, "one-der", N_("one DER certificate"))
NOTE(EMPTY_BODY, "empty-body", N_("an empty body"))
NOTE(NOT_DER, "not-der", N_("not a DER certificate"))
NOTE(NOT_PKCS7, "not-pkcs7", N_("not a PKCS#7 structure"))
NOTE(NOT_SIGNED_DATA, "not-signed-data", N_("a PKCS#7 that is not SignedData"))
NOTE(NO_CERTS, "no-certs", N_("a PKCS#7 SignedData without certificates"))
NOTE(NEITHER_FORMAT, "neither-format", N_("neither a DER certificate nor a PKCS#7 structure"))
NOTE(LONG_ACCEPTED, "long-accepted", N_("%s bytes accepted"))
NOTE(LONG_REFUSED_ABOVE, "long-refused-above", N_("accepted up to %s bytes, refused at %s bytes by %s"))
NOTE(LONG_UNSTEADY, "long-unsteady", N_("accepted %s bytes, yet refused %s bytes (answers that change from one try to the next) by %s"))
NOTE(LONG_REFUSED_SMALLEST, "long-refused-smallest", N_("refused at %s bytes, the smallest size measured, by %s"))
NOTE(LONG_REFUSED_UNMEASURED, "long-refused-unmeasured", N_("refused at %s bytes (smaller sizes not measured) by %s"))
