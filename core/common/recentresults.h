// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace Nh {

/**
 * The results for the last N inputs, for a value a burst of sends computes again and again from
 * the same input (a request's headers and token repeat; the response's headers change with
 * every Date). A hit keeps its entry, so the next miss replaces another one. An empty input is
 * never remembered. Not thread-safe: one per owner or per thread (`thread_local`).
 */
template<typename In, typename Out, std::size_t N = 1> class RecentResults
{
public:
    template<typename Make> Out get(const In &in, Make make)
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (!m_entries[i].in.isEmpty() && m_entries[i].in == in) {
                m_next = (i + 1) % N;
                return m_entries[i].out;
            }
        }
        Entry &e = m_entries[m_next];
        m_next = (m_next + 1) % N;
        e.in = in;
        e.out = make(in);
        return e.out;
    }

private:
    struct Entry
    {
        In in;
        Out out;
    };
    Entry m_entries[N];
    std::size_t m_next = 0;
};

} // namespace Nh
