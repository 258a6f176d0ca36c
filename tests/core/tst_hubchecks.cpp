// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/hubchecks.h"

#include <QTest>

class TestHubChecks final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestHubChecks)
#include "tst_hubchecks.moc"
