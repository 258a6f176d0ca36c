// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One libFuzzer main per target: NH_FUZZ_TARGET (a string literal) picks the entry.
#include "fuzzentries.h"

#include <cstdio>
#include <cstdlib>

namespace {

Nh::Fuzz::Entry g_entry = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const Nh::Fuzz::Target *t = Nh::Fuzz::target(NH_FUZZ_TARGET);
    if (!t) {
        std::fprintf(stderr, "no fuzz target called %s\n", NH_FUZZ_TARGET);
        std::abort();
    }
    g_entry = t->entry;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    g_entry(QByteArrayView(data, static_cast<qsizetype>(size)));
    return 0;
}
