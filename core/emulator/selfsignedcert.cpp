// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/selfsignedcert.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace {

/** The translation context of this file's messages; lupdate reads it from here. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Nh::SelfSignedCertificate)
};

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

Error opensslError(const QString &what)
{
    return makeError(ErrorCode::InvalidValue,
                     Tr::tr("Could not create the certificate: %1").arg(what));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

QDateTime fromAsn1(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString keyFileName(const QString &dir)
{
    return QDir(dir).filePath(u"emulator-key.pem"_s);
}

} // namespace

QString certificateFileName(const QString &dir)
{
    return QDir(dir).filePath(u"emulator-cert.pem"_s);
}

Result<CertificatePair> generateSelfSignedCertificate(const QStringList &dnsNames,
                                                      const QStringList &ipAddresses, int validDays)
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return opensslError(Tr::tr("EC P-256 key generation failed"));

    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return opensslError(Tr::tr("X509_new failed"));
    // A random positive 63-bit serial: browsers and OpenSSL refuse repeated serials per issuer.
    ASN1_INTEGER *serial = X509_get_serialNumber(cert.get());
    BIGNUM *bn = BN_new();
    BN_rand(bn, 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(bn, serial);
    BN_free(bn);
    // Valid from an hour ago, so a client clock slightly behind still accepts it.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());

    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = dnsNames.value(0, u"localhost"_s).toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("nhconsole emulator"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList san;
    for (const QString &d : dnsNames)
        san << u"DNS:"_s + d;
    for (const QString &ip : ipAddresses)
        san << u"IP:"_s + ip;
    const bool extOk = addExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE")
        && addExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign")
        && addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        && addExtension(cert.get(), NID_subject_key_identifier, "hash")
        && addExtension(cert.get(), NID_authority_key_identifier, "keyid:always")
        && addExtension(cert.get(), NID_subject_alt_name, san.join(u',').toUtf8());
    if (!extOk)
        return opensslError(Tr::tr("adding the X.509 extensions failed"));
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return opensslError(Tr::tr("signing failed"));

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return opensslError(Tr::tr("PEM encoding failed"));
    return CertificatePair {bioBytes(certBio.get()), bioBytes(keyBio.get())};
}

Result<QDateTime> certificateExpiry(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return makeError(ErrorCode::Syntax,
                         Tr::tr("The certificate is not a PEM X.509 certificate"));
    return fromAsn1(X509_get0_notAfter(cert.get()));
}

Result<CertificatePair> loadOrCreateCertificate(const QString &dir)
{
    QFile certFile(certificateFileName(dir));
    QFile keyFile(keyFileName(dir));
    if (certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly)) {
        CertificatePair pair {certFile.readAll(), keyFile.readAll()};
        const auto expiry = certificateExpiry(pair.certificatePem);
        if (expiry.ok() && expiry.value() > QDateTime::currentDateTimeUtc().addDays(7)
            && pair.privateKeyPem.contains("PRIVATE KEY"))
            return pair;
    }
    certFile.close();
    keyFile.close();

    auto made = generateSelfSignedCertificate();
    if (!made)
        return made;
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Storage, Tr::tr("Could not create the folder %1").arg(dir));
    const auto write = [](const QString &path, const QByteArray &data, QFile::Permissions perms) {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.setPermissions(perms);
        f.write(data);
        return f.commit();
    };
    if (!write(keyFileName(dir), made->privateKeyPem, QFile::ReadOwner | QFile::WriteOwner)
        || !write(certificateFileName(dir), made->certificatePem,
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("Could not write the emulator certificate to %1").arg(dir));
    }
    return made;
}

} // namespace Nh
