// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clicommand.h"
#include "diagnosis/diagnosis.h"

#include <QCommandLineOption>
#include <memory>
#include <optional>

namespace Nh {

class DiagnosisEngine;
class HistoryReader;
struct CliProfiles;

/**
 * `nhcli diagnose` (issue #19, docs/diagnosis-cli.md): why one device did not get a push. Runs
 * the DiagnosisEngine's checks for a handle, registration, installation or user, optionally
 * with the send that did not arrive (a history exchange, or format + tags + template
 * properties), and prints the verdict line, one line per check, then the details; or the
 * report as JSON (--json) or Markdown (--markdown). Nothing is pushed unless --send-test or
 * --send-direct. Exit 0 when every check is ok, ExitCode::DiagnosisProblem when a check found a
 * problem, ExitCode::DiagnosisUnsure when there are only warnings or checks that could not tell.
 */
class DiagnoseCommand final : public CliCommand
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnoseCommand)

public:
    DiagnoseCommand(CliSession &session, QObject *parent);
    ~DiagnoseCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<QCommandLineOption> options() const override;
    void start(const QCommandLineParser &parser, const QStringList &arguments) override;
    void cancel() override;

    /** The exit status for a finished report (Ok, DiagnosisProblem or DiagnosisUnsure; the
     *  failed request's when no check could tell because requests failed). */
    static int exitCodeFor(const DiagnosisReport &report);

private:
    /** Reads the subject and the typed send; false after fail(). */
    bool build(const QCommandLineParser &parser);
    void proceed(const QCommandLineParser &parser);
    void finishedRun(const DiagnosisReport &report);
    /** After the automatic checks: the test or direct send when asked for; false if none. */
    bool requestSend();
    void showProgress(int done, int total, const QString &step);
    void clearProgress();
    void print(const DiagnosisReport &report);
    void printText(const DiagnosisReport &report);

    QCommandLineOption m_handle;
    QCommandLineOption m_registration;
    QCommandLineOption m_installation;
    QCommandLineOption m_user;
    QCommandLineOption m_platform;
    QCommandLineOption m_exchange;
    QCommandLineOption m_format;
    QCommandLineOption m_tags;
    QCommandLineOption m_template;
    QCommandLineOption m_header;
    QCommandLineOption m_sendTest;
    QCommandLineOption m_sendDirect;
    QCommandLineOption m_markdown;
    QCommandLineOption m_profile;
    QCommandLineOption m_history;
    QCommandLineOption m_noHistory;

    DiagnosisSubject m_subject;
    std::optional<DiagnosisSend> m_send;
    bool m_wantTest = false;
    bool m_wantDirect = false;
    bool m_markdownOut = false;
    bool m_sendAsked = false; ///< the test/direct send was started: the next finished() is final
    bool m_sendActivity = false; ///< the engine said something after the send was asked for
    bool m_progressShown = false;
    QString m_sendNote; ///< why the test send could not be made, for the text output
    QString m_profileName;
    std::unique_ptr<CliProfiles> m_profiles;
    std::unique_ptr<HistoryReader> m_historyReader;
    DiagnosisEngine *m_engine = nullptr;
};

} // namespace Nh
