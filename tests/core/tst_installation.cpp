// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

class Tst_installation final : public QObject
{
    Q_OBJECT
private slots:
    void notWrittenYet() { QSKIP("suite not written yet"); }
};

QTEST_GUILESS_MAIN(Tst_installation)
#include "tst_installation.moc"
