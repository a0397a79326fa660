/* The built-in finding kinds: one row each, read by evidence/finding.c
 * (the table) and evidence/finding.h's users (the enum FK_NAME). A new kind
 * of finding is one row here plus the code that detects it; `scepwiz
 * explain` lists every row. No include guard: the includer defines KIND.
 *
 * KIND(NAME, code, severity, section or NULL, source, message) */
KIND(BAD_URL, "bad-url", PROBLEM, NULL, "url",
     N_("the URL can't be checked"))
KIND(STATUS_403, "status-403", OK, NULL, "url",
     N_("HTTP 403 Forbidden, as a working NDES answers"))
KIND(NDES_PAGE, "ndes-page", PROBLEM, "general-ndes-message", "url",
     N_("the general Network Device Enrollment Service page instead of HTTP 403"))
KIND(STATUS_503, "status-503", PROBLEM, "http-error-503", "url",
     N_("HTTP 503: the service is unavailable"))
KIND(STATUS_504, "status-504", PROBLEM, "gatewaytimeout", "url",
     N_("HTTP 504: the gateway timed out"))
KIND(GATEWAYTIMEOUT_PAGE, "gatewaytimeout-page", PROBLEM, "gatewaytimeout", "url",
     N_("the application proxy's GatewayTimeout error"))
KIND(STATUS_414, "status-414", PROBLEM, "http-414-request-uri-too-long", "url",
     N_("HTTP 414: the request URI is too long"))
KIND(REQUEST_FILTERING, "request-filtering", PROBLEM, "http-414-request-uri-too-long", "url",
     N_("HTTP 404.14 or 404.15: IIS request filtering refuses the URL or its query as too long"))
KIND(REQUEST_TOO_LONG, "request-too-long", PROBLEM, "http-414-request-uri-too-long", "url",
     N_("HTTP 400: the server refuses the request as too long"))
KIND(STATUS_500, "status-500", PROBLEM, "internal-server-error", "url",
     N_("HTTP 500: internal server error"))
KIND(STATUS_OTHER, "status-other", PROBLEM, "less-common-status-codes", "url",
     N_("an answer the article doesn't list"))
KIND(DNS, "dns", PROBLEM, "blocked-on-the-network", "url",
     N_("the host name doesn't resolve"))
KIND(CONNECT_REFUSED, "connect-refused", PROBLEM, "blocked-on-the-network", "url",
     N_("the connection is refused: nothing listens on that port"))
KIND(CONNECT, "connect", PROBLEM, "blocked-on-the-network", "url",
     N_("the host can't be reached"))
KIND(TIMEOUT, "timeout", PROBLEM, "blocked-on-the-network", "url",
     N_("no answer within the time limit (--timeout)"))
KIND(APP_PROXY_UNREACHABLE, "app-proxy-unreachable", PROBLEM, "this-page-cant-be-displayed", "url",
     N_("the application proxy's external URL (msappproxy.net) can't be reached"))
KIND(TLS_HANDSHAKE, "tls-handshake", PROBLEM, NULL, "url",
     N_("the TLS handshake fails"))
KIND(TLS_UNKNOWN_ISSUER, "tls-unknown-issuer", PROBLEM, NULL, "url",
     N_("the server's certificate isn't issued by a trusted CA: devices must trust its " "root (a root, not an intermediate, in the trusted certificate profile); give " "that root to scepwiz with --cacert"))
KIND(TLS_EXPIRED, "tls-expired", PROBLEM, NULL, "url",
     N_("the server's certificate has expired: renew it and bind the new one to the " "site in IIS (or upload it to the application proxy)"))
KIND(TLS_NOT_YET_VALID, "tls-not-yet-valid", PROBLEM, NULL, "url",
     N_("the server's certificate isn't valid yet: check its dates and " "this computer's clock"))
KIND(TLS_NAME_MISMATCH, "tls-name-mismatch", PROBLEM, NULL, "url",
     N_("the server's certificate doesn't name the host in the URL: use the external URL " "the certificate was issued for (with Application Proxy, yourtenant.msappproxy.net)"))
KIND(TLS_VERIFY, "tls-verify", PROBLEM, NULL, "url",
     N_("the server's certificate isn't accepted"))
KIND(TLS_APP_PROXY, "tls-app-proxy", PROBLEM, "this-page-cant-be-displayed", "url",
     N_("the application proxy's certificate (msappproxy.net) fails as devices check it: " "Microsoft provides the certificate of the default domain, so make the SCEP external " "URL yourtenant.msappproxy.net, as the Application Proxy configuration gives it, and " "check that nothing on the way (a TLS-inspecting proxy) replaces the certificate"))
KIND(TOO_BIG, "too-big", PROBLEM, "less-common-status-codes", "url",
     N_("the answer is larger than 1 MiB; the rest was not read"))
KIND(REDIRECTS, "redirects", PROBLEM, "less-common-status-codes", "url",
     N_("more than 5 redirects"))
KIND(PROXY, "proxy", PROBLEM, NULL, "url",
     N_("the proxy from the environment (https_proxy, http_proxy) fails"))
KIND(HEADER_TOO_BIG, "header-too-big", PROBLEM, "less-common-status-codes", "url",
     N_("the server sends a header line longer than 100 KB, which no client accepts"))
KIND(TRANSFER_FAILED, "transfer-failed", PROBLEM, "less-common-status-codes", "url",
     N_("the request fails"))
KIND(CA_STORE_MISSING, "ca-store-missing", PROBLEM, NULL, "tls",
     N_("this computer has no CA certificates to verify TLS with: install them "
	"(apt-get install ca-certificates) or give the CA's certificate with --cacert"))
KIND(NO_TLS, "no-tls", INFO, NULL, "tls",
     N_("plain http: there is no certificate to check"))
KIND(TLS_VERIFIED, "tls-verified", OK, NULL, "tls",
     N_("the server's certificate is valid and trusted"))
KIND(TLS_NOT_VERIFIED, "tls-not-verified", WARNING, NULL, "tls",
     N_("the server's certificate was NOT verified (--insecure)"))
KIND(TLS_WOULD_FAIL, "tls-would-fail", WARNING, NULL, "tls",
     N_("the server's certificate would fail verification"))
KIND(TLS_CN_ONLY, "tls-cn-only", PROBLEM, NULL, "tls",
     N_("the server's certificate names the host only in its subject CN, without a " "subjectAltName: iOS, Android and current browsers ignore the CN and refuse it; " "reissue it with the host as a subjectAltName DNS entry and bind it to the site in IIS"))
KIND(TLS_CHAIN_INCOMPLETE, "tls-chain-incomplete", WARNING, NULL, "tls",
     N_("the server doesn't send the intermediate CA certificates of its chain: devices " "(Android especially) don't fetch missing intermediates and refuse the certificate; " "install them on the server (for IIS, in the computer's Intermediate Certification " "Authorities store) so that it sends them"))
KIND(CAPS, "caps", OK, NULL, "GetCACaps",
     N_("the server names its capabilities"))
KIND(CAPS_NOT_A_LIST, "caps-not-a-list", PROBLEM, "less-common-status-codes", "GetCACaps",
     N_("GetCACaps answers with something that is not a list of capabilities"))
KIND(CAPS_NO_SHA256, "caps-no-sha256", WARNING, NULL, "GetCACaps",
     N_("SHA-256 isn't offered: devices fall back to weaker hashes"))
KIND(CAPS_NO_POST, "caps-no-post", WARNING, NULL, "GetCACaps",
     N_("POSTPKIOperation isn't offered: devices must send requests as long GET URLs"))
KIND(CERTS, "certs", OK, NULL, "GetCACert",
     N_("the CA certificates are readable"))
KIND(CERTS_UNREADABLE, "certs-unreadable", PROBLEM, "less-common-status-codes", "GetCACert",
     N_("the answer isn't a certificate the devices can read"))
KIND(CERTS_UNEXPECTED_TYPE, "certs-unexpected-type", WARNING, NULL, "GetCACert",
     N_("the Content-Type doesn't match the certificates sent"))
KIND(RA_EXPIRED, "ra-expired", PROBLEM, "internal-server-error", "GetCACert",
     N_("an MSCEP-RA certificate has expired"))
KIND(RA_EXPIRING, "ra-expiring", WARNING, "internal-server-error", "GetCACert",
     N_("an MSCEP-RA certificate expires within 30 days"))
KIND(CA_EXPIRED, "ca-expired", PROBLEM, NULL, "GetCACert",
     N_("a CA certificate has expired"))
KIND(CA_EXPIRING, "ca-expiring", WARNING, NULL, "GetCACert",
     N_("a CA certificate expires within 30 days"))
KIND(NOT_YET_VALID, "not-yet-valid", WARNING, NULL, "GetCACert",
     N_("a certificate isn't valid yet"))
KIND(NO_RA, "no-ra", INFO, NULL, "GetCACert",
     N_("no RA certificate: NDES sends its MSCEP-RA certificates with the CA's"))
KIND(RA_ROLES, "ra-roles", OK, NULL, "GetCACert",
     N_("the RA certificates can sign and encrypt, as NDES's MSCEP-RA pair does"))
KIND(RA_OLD_CA, "ra-old-ca", PROBLEM, "scep-deployment-to-win10-devices-fails/solution", "GetCACert",
     N_("an RA certificate chains to the CA's old certificate, not to its current key: the RA certificates weren't reissued after the CA renewal"))
KIND(RA_UNKNOWN_KEY, "ra-unknown-key", PROBLEM, "scep-deployment-to-win10-devices-fails/solution", "GetCACert",
     N_("no certificate of the CA that an RA certificate names verifies its signature: it was signed with another key of that CA, such as the one before a CA renewal"))
KIND(RA_ISSUER_MISSING, "ra-issuer-missing", PROBLEM, NULL, "GetCACert",
     N_("an RA certificate's issuer isn't among the CA certificates GetCACert sends: devices can't chain it to the CA"))
KIND(RA_NO_SIGNING, "ra-no-signing", PROBLEM, "internal-server-error", "GetCACert",
     N_("no RA certificate can sign (key usage digitalSignature): NDES needs its Exchange Enrollment Agent (Offline request) certificate"))
KIND(RA_NO_ENCRYPTION, "ra-no-encryption", PROBLEM, "internal-server-error", "GetCACert",
     N_("no RA certificate can encrypt (key usage keyEncipherment): NDES needs its CEP Encryption certificate"))
KIND(RA_NO_EKU, "ra-no-eku", WARNING, "internal-server-error", "GetCACert",
     N_("an RA certificate lacks the Certificate Request Agent EKU (1.3.6.1.4.1.311.20.2.1) that NDES's MSCEP-RA certificates carry"))
KIND(RA_DUPLICATE, "ra-duplicate", WARNING, NULL, "GetCACert",
     N_("two RA certificates with different keys hold the same role: an old one is left, as after a renewal"))
KIND(SHA1_SIGNATURE, "sha1-signature", PROBLEM, "ios-scep-failure-no-getcacaps/solution", "GetCACert",
     N_("a CA or RA certificate is signed with SHA-1, which iOS/iPadOS devices don't support"))
KIND(PSS_SIGNATURE, "pss-signature", PROBLEM, "ios-scep-failure-no-getcacaps/solution", "GetCACert",
     N_("a CA or RA certificate is signed with RSASSA-PSS, which iOS/iPadOS devices don't support"))
KIND(LONG_OK, "long-ok", OK, NULL, "long-request",
     N_("a request of 65534 bytes, the size the article sets NDES up for, is accepted"))
KIND(LONG_BELOW_TARGET, "long-below-target", WARNING, "http-414-request-uri-too-long", "long-request",
     N_("requests as large as devices send (up to 40 KB) are accepted, but not the 65534 bytes the article sets"))
KIND(LONG_DIFFERS, "long-differs", PROBLEM, "http-414-request-uri-too-long", "long-request",
     N_("requests smaller than devices send (up to 40 KB) are refused while short ones work"))
KIND(ENROLL_SENT, "enroll-sent", INFO, NULL, "enroll",
     N_("a probe enrollment was sent (--enroll): the NDES logs hold its events under this subject and transaction ID"))
KIND(ENROLL_ISSUED, "enroll-issued", OK, NULL, "enroll",
     N_("the probe enrollment was issued a certificate: revoke it on the CA"))
KIND(ENROLL_REFUSED_PROBE, "enroll-refused-probe", OK, NULL, "enroll",
     N_("the RA refused the probe's deliberately invalid challenge with a signed answer: requests of a device's size reach NDES and its answers come back"))
KIND(ENROLL_REFUSED_CHALLENGE, "enroll-refused-challenge", PROBLEM, "ndespluginlog-indicates-the-challenge-returns-false", "enroll",
     N_("the request with the given challenge was refused"))
KIND(ENROLL_REFUSED_MESSAGE, "enroll-refused-message", PROBLEM, "internal-server-error", "enroll",
     N_("the RA couldn't read the request (badAlg or badMessageCheck): it can't decrypt or verify what devices send"))
KIND(ENROLL_PENDING, "enroll-pending", WARNING, NULL, "enroll",
     N_("the request is pending: the CA waits for a manager's approval, which Intune devices don't"))
KIND(ENROLL_BAD_SIGNATURE, "enroll-bad-signature", PROBLEM, NULL, "enroll",
     N_("the answer isn't signed by a certificate GetCACert sends: devices refuse it"))
KIND(ENROLL_NONCE_MISMATCH, "enroll-nonce-mismatch", PROBLEM, NULL, "enroll",
     N_("the answer's recipientNonce or transactionID isn't the request's: it answers another request"))
KIND(ENROLL_UNDECRYPTABLE, "enroll-undecryptable", PROBLEM, NULL, "enroll",
     N_("the answer says SUCCESS, but its certificate can't be decrypted with the probe's key"))
KIND(ENROLL_NOT_CERTREP, "enroll-not-certrep", PROBLEM, "less-common-status-codes", "enroll",
     N_("the PKIOperation answer isn't a CertRep (application/x-pki-message)"))
KIND(ENROLL_STATUS_500, "enroll-status-500", PROBLEM, "internal-server-error", "enroll",
     N_("the PKIOperation request gets HTTP 500: internal server error"))
KIND(ENROLL_TOO_LONG, "enroll-too-long", PROBLEM, "http-414-request-uri-too-long", "enroll",
     N_("the PKIOperation request is refused as too long (HTTP 400, 414, 404.14 or 404.15)"))
KIND(ENROLL_NO_RA_ENCRYPTION, "enroll-no-ra-encryption", PROBLEM, NULL, "enroll",
     N_("GetCACert sends no certificate the request can be encrypted to (key usage keyEncipherment): the probe enrollment didn't run"))
KIND(IIS_NO_MSCEP, "iis-no-mscep", PROBLEM, "blocked-on-the-network", "iis",
     N_("the IIS log holds no request for mscep.dll: the device's contact may be blocked on the network"))
KIND(IIS_MSCEP_REQUESTS, "iis-mscep-requests", INFO, NULL, "iis",
     N_("requests for mscep.dll"))
