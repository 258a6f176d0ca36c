#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the throwaway PKCS#12 files of tests/core/tst_pkcs12.cpp and tst_hubchecks.cpp (README.md).
# Run once by hand from this directory; the outputs are committed. Every key is generated here and
# thrown away with the CA: nothing in these files belongs to anyone.
set -eu
PASS=nhconsole-test
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = $work
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[ any ]
commonName = supplied
userId = optional
organizationalUnitName = optional
organizationName = optional
countryName = optional
CNF
: > "$work/index.txt"
echo 1000 > "$work/serial"

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/ca.key" -out "$work/ca.pem" -days 36500 \
    -subj "/CN=nhconsole Test CA (not Apple)/O=nhconsole tests" 2>/dev/null

# cert NAME SUBJECT START END
cert() {
    openssl req -new -newkey rsa:2048 -nodes -keyout "$work/$1.key" -out "$work/$1.csr" \
        -subj "$2" 2>/dev/null
    openssl ca -batch -config "$work/ca.cnf" -cert "$work/ca.pem" -keyfile "$work/ca.key" \
        -in "$work/$1.csr" -out "$work/$1.pem" -startdate "$3" -enddate "$4" -notext 2>/dev/null
}

cert production "/UID=com.example.nhconsole/CN=Apple Push Services: com.example.nhconsole/OU=ABCDE12345/O=Example Ltd/C=US" \
    20260101000000Z 20270101000000Z
cert development "/UID=com.example.nhconsole/CN=Apple Development IOS Push Services: com.example.nhconsole/OU=ABCDE12345/O=Example Ltd/C=US" \
    20260101000000Z 20270101000000Z
cert expired "/UID=com.example.nhconsole/CN=Apple Sandbox Push Services: com.example.nhconsole/OU=ABCDE12345/O=Example Ltd/C=US" \
    20240101000000Z 20250101000000Z
cert other "/CN=client.example.com/O=Example Ltd/C=US" 20260101000000Z 20270101000000Z

# OpenSSL 3 defaults: AES-256-CBC, PBKDF2, HMAC-SHA256 MAC.
openssl pkcs12 -export -in "$work/production.pem" -inkey "$work/production.key" \
    -name "nhconsole production" -passout "pass:$PASS" -out apns-production-aes.p12
# The pre-OpenSSL-3 defaults (RC2-40-CBC for the certificate, 3DES for the key, SHA-1 MAC),
# which macOS Keychain exports still use: needs OpenSSL's legacy provider to read.
openssl pkcs12 -export -legacy -in "$work/development.pem" -inkey "$work/development.key" \
    -name "nhconsole development" -passout "pass:$PASS" -out apns-development-legacy.p12
openssl pkcs12 -export -in "$work/expired.pem" -inkey "$work/expired.key" \
    -passout "pass:$PASS" -out apns-sandbox-expired.p12
openssl pkcs12 -export -nokeys -in "$work/production.pem" \
    -passout "pass:$PASS" -out apns-production-nokey.p12
openssl pkcs12 -export -nocerts -inkey "$work/production.key" \
    -passout "pass:$PASS" -out key-only.p12
openssl pkcs12 -export -in "$work/other.pem" -inkey "$work/other.key" \
    -passout "pass:$PASS" -out not-apple.p12
