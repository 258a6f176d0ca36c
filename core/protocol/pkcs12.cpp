// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/pkcs12.h"

#include "protocol/crypto.h"

#include <QCoreApplication>
#include <QList>
#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::Pkcs12)
};

struct Pkcs12Deleter
{
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
};
struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};

/**
 * A library context of our own with the default and legacy providers, for RC2/3DES files.
 * Created once and never freed (objects made under it may outlive any one call). Null when the
 * legacy provider cannot be loaded.
 */
OSSL_LIB_CTX *legacyContext()
{
    static OSSL_LIB_CTX *const ctx = []() -> OSSL_LIB_CTX * {
        OSSL_LIB_CTX *c = OSSL_LIB_CTX_new();
        if (!c)
            return nullptr;
        // Loading one provider explicitly turns off the automatic "default": load both.
        if (!OSSL_PROVIDER_load(c, "legacy") || !OSSL_PROVIDER_load(c, "default")) {
            ERR_clear_error();
            OSSL_LIB_CTX_free(c);
            return nullptr;
        }
        return c;
    }();
    return ctx;
}

/** Makes `ctx` this thread's default library context while it lives. */
class ScopedDefaultContext
{
public:
    explicit ScopedDefaultContext(OSSL_LIB_CTX *ctx)
        : m_previous(OSSL_LIB_CTX_set0_default(ctx))
    { }
    ~ScopedDefaultContext() { OSSL_LIB_CTX_set0_default(m_previous); }
    ScopedDefaultContext(const ScopedDefaultContext &) = delete;
    ScopedDefaultContext &operator=(const ScopedDefaultContext &) = delete;

private:
    OSSL_LIB_CTX *m_previous;
};

QString asn1Text(const ASN1_STRING *data)
{
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return {};
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

/** "CN=…, UID=…" in document order, and the value of each wanted attribute. */
QString nameText(const X509_NAME *name)
{
    QStringList parts;
    const int count = X509_NAME_entry_count(name);
    for (int i = 0; i < count; ++i) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(name, i);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        const char *shortName = nid == NID_undef ? nullptr : OBJ_nid2sn(nid);
        QString key;
        if (shortName) {
            key = QString::fromLatin1(shortName);
        } else {
            char oid[80];
            OBJ_obj2txt(oid, sizeof oid, X509_NAME_ENTRY_get_object(entry), 1);
            key = QString::fromLatin1(oid);
        }
        parts.append(key + u'=' + asn1Text(X509_NAME_ENTRY_get_data(entry)));
    }
    return parts.join(u", ");
}

QString nameEntry(const X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    return asn1Text(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

QDateTime asn1Time(const ASN1_TIME *time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

Error failure(ErrorCode code, QString message)
{
    ERR_clear_error(); // leave nothing behind for the next OpenSSL user on this thread
    return makeError(code, std::move(message), -1, 0, u"ApnsCertificate"_s);
}

struct Parsed
{
    std::unique_ptr<EVP_PKEY, PkeyDeleter> key;
    std::unique_ptr<X509, X509Deleter> cert;
    bool ok = false;
};

Parsed parseWith(PKCS12 *p12, const char *password)
{
    EVP_PKEY *key = nullptr;
    X509 *cert = nullptr;
    STACK_OF(X509) *chain = nullptr;
    Parsed parsed;
    parsed.ok = PKCS12_parse(p12, password, &key, &cert, &chain) == 1;
    parsed.key.reset(key);
    std::unique_ptr<STACK_OF(X509), X509StackDeleter> chainOwner(chain);
    // Without a key, PKCS12_parse() has no key id to pick "the" certificate by and puts every
    // certificate in the chain: then the first one is the file's certificate.
    if (!cert && chain && sk_X509_num(chain) > 0)
        cert = sk_X509_shift(chain);
    parsed.cert.reset(cert);
    if (!parsed.ok)
        ERR_clear_error();
    return parsed;
}

} // namespace

ApnsCertificateEnvironment apnsEnvironmentFromCommonName(QStringView commonName)
{
    // "Apple Push Services: com.example.app"; the part before ": " is the kind.
    QStringView kind = commonName;
    if (const qsizetype colon = kind.indexOf(u':'); colon >= 0)
        kind = kind.left(colon);
    kind = kind.trimmed();
    if (kind.compare(u"Apple Push Services", Qt::CaseInsensitive) == 0)
        return ApnsCertificateEnvironment::SandboxAndProduction;
    if (!kind.startsWith(u"Apple ", Qt::CaseInsensitive)
        || !kind.endsWith(u" Push Services", Qt::CaseInsensitive))
        return ApnsCertificateEnvironment::NotApplePush;
    if (kind.contains(u" Development ", Qt::CaseInsensitive)
        || kind.contains(u" Sandbox ", Qt::CaseInsensitive))
        return ApnsCertificateEnvironment::Sandbox;
    if (kind.contains(u" Production ", Qt::CaseInsensitive))
        return ApnsCertificateEnvironment::Production;
    return ApnsCertificateEnvironment::NotApplePush;
}

QString Pkcs12Certificate::bundleId() const
{
    if (!userId.isEmpty())
        return userId;
    const qsizetype colon = commonName.indexOf(u':');
    return colon < 0 ? QString() : commonName.mid(colon + 1).trimmed();
}

bool pkcs12LegacyProviderAvailable()
{
    return legacyContext() != nullptr;
}

Result<Pkcs12Certificate> readPkcs12(const QByteArray &der, const QString &password)
{
    if (der.isEmpty())
        return failure(ErrorCode::Empty, Tr::tr("The certificate is empty"));
    const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<PKCS12, Pkcs12Deleter> p12(d2i_PKCS12(nullptr, &cursor, der.size()));
    if (!p12)
        return failure(ErrorCode::Syntax, Tr::tr("The certificate is not a PKCS#12 (.p12) file"));

    // The MAC says whether the password is right before any decryption is tried: a wrong
    // password and an unreadable algorithm are different advice.
    const QByteArray pass = password.toUtf8();
    const char *usePassword = pass.constData();
    if (PKCS12_mac_present(p12.get())) {
        bool verified = PKCS12_verify_mac(p12.get(), pass.constData(), int(pass.size())) == 1;
        if (!verified && pass.isEmpty()) {
            verified = PKCS12_verify_mac(p12.get(), nullptr, 0) == 1;
            if (verified)
                usePassword = nullptr;
        }
        if (!verified)
            return failure(ErrorCode::InvalidSignature,
                           Tr::tr("The certificate's password (CertificateKey) does not open "
                                  "the .p12 file"));
        ERR_clear_error();
    }

    Pkcs12Certificate info;
    Parsed parsed = parseWith(p12.get(), usePassword);
    if (!parsed.ok) {
        OSSL_LIB_CTX *legacy = legacyContext();
        if (!legacy)
            return failure(ErrorCode::InvalidValue,
                           Tr::tr("The .p12 file cannot be decrypted: it may use older "
                                  "encryption (RC2, 3DES) and OpenSSL's legacy provider is not "
                                  "installed"));
        ScopedDefaultContext scope(legacy);
        parsed = parseWith(p12.get(), usePassword);
        if (!parsed.ok)
            return failure(ErrorCode::InvalidValue,
                           Tr::tr("The .p12 file cannot be decrypted with this password"));
        info.usedLegacyAlgorithms = true;
    }
    if (!parsed.cert)
        return failure(ErrorCode::MissingField, Tr::tr("The .p12 file holds no certificate"));

    X509 *cert = parsed.cert.get();
    const X509_NAME *subject = X509_get_subject_name(cert);
    const X509_NAME *issuer = X509_get_issuer_name(cert);
    info.subject = nameText(subject);
    info.commonName = nameEntry(subject, NID_commonName);
    info.userId = nameEntry(subject, NID_userId);
    info.organizationalUnit = nameEntry(subject, NID_organizationalUnitName);
    info.issuer = nameText(issuer);
    info.issuerCommonName = nameEntry(issuer, NID_commonName);
    info.notBefore = asn1Time(X509_get0_notBefore(cert));
    info.notAfter = asn1Time(X509_get0_notAfter(cert));
    info.hasPrivateKey = parsed.key != nullptr;
    info.privateKeyMatches = parsed.key && X509_check_private_key(cert, parsed.key.get()) == 1;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (X509_digest(cert, EVP_sha1(), digest, &digestLength) == 1)
        info.sha1Thumbprint = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(digest), int(digestLength))
                .toHex()
                .toUpper());
    info.apnsEnvironment = apnsEnvironmentFromCommonName(info.commonName);
    ERR_clear_error();
    return info;
}

Result<Pkcs12Certificate> readPkcs12Base64(QStringView base64, const QString &password)
{
    QString compact;
    QList<qsizetype> offsets; // compact index → index in base64
    compact.reserve(base64.size());
    offsets.reserve(base64.size());
    for (qsizetype i = 0; i < base64.size(); ++i) {
        if (base64[i].isSpace())
            continue;
        compact.append(base64[i]);
        offsets.append(i);
    }
    if (compact.isEmpty())
        return failure(ErrorCode::Empty, Tr::tr("The certificate is empty"));
    if (const qsizetype bad = Crypto::firstInvalidBase64Index(compact); bad >= 0) {
        const qsizetype at = bad < offsets.size() ? offsets[bad] : base64.size();
        Error error = failure(ErrorCode::InvalidValue,
                              Tr::tr("The certificate is not valid base64 at position %1").arg(at));
        error.offset = at;
        error.length = bad < offsets.size() ? 1 : 0;
        return error;
    }
    return readPkcs12(QByteArray::fromBase64(compact.toLatin1()), password);
}

} // namespace Nh
