// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Nh::HistoryDb {

/**
 * The results for the last two inputs, for a value a burst of sends computes again and again from
 * the same input (a request's headers repeat; the response's change with every Date). A hit keeps
 * its entry, so the next miss replaces the other one. One per thread (`thread_local`); internal
 * to nh_store (docs/architecture.md, "The history writer").
 */
template<typename In, typename Out> class LastTwo
{
public:
    template<typename Make> Out get(const In &in, Make make)
    {
        for (int i = 0; i < 2; ++i) {
            if (!m_entries[i].in.isEmpty() && m_entries[i].in == in) {
                m_next = i ^ 1;
                return m_entries[i].out;
            }
        }
        Entry &e = m_entries[m_next];
        m_next ^= 1;
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
    Entry m_entries[2];
    int m_next = 0;
};

} // namespace Nh::HistoryDb
