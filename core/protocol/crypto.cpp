// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/crypto.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace Nh::Crypto {

namespace {
struct MacDeleter
{
    void operator()(EVP_MAC *m) const { EVP_MAC_free(m); }
};
struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX *c) const { EVP_MAC_CTX_free(c); }
};

EVP_MAC *hmacAlgorithm()
{
    // Fetched once; EVP_MAC objects are reference counted and safe to share between threads.
    static const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return mac.get();
}
} // namespace

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    EVP_MAC *mac = hmacAlgorithm();
    Q_ASSERT(mac);
    std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_new(mac));
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty key is legal for HMAC, but EVP wants a non-null pointer.
    static const unsigned char kEmpty = 0;
    const auto *keyData =
        key.isEmpty() ? &kEmpty : reinterpret_cast<const unsigned char *>(key.data());
    QByteArray out(32, Qt::Uninitialized);
    size_t outLen = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), keyData, static_cast<size_t>(key.size()), params) != 1
        || EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char *>(message.data()),
                          static_cast<size_t>(message.size()))
            != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen,
                         static_cast<size_t>(out.size()))
            != 1
        || outLen != 32) {
        qFatal("OpenSSL HMAC-SHA256 failed");
    }
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

qsizetype firstInvalidBase64Index(QStringView text)
{
    const auto isAlphabet = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
            || u == u'+' || u == u'/';
    };
    qsizetype i = 0;
    for (; i < text.size() && isAlphabet(text[i]); ++i) { }
    const qsizetype dataEnd = i;
    for (; i < text.size() && text[i] == u'=' && i - dataEnd < 2; ++i) { }
    if (i < text.size())
        return i;
    if (text.isEmpty() || text.size() % 4 != 0)
        return text.size();
    return -1;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        qFatal("OpenSSL RAND_bytes failed");
    return out;
}

} // namespace Nh::Crypto
