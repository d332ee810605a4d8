#pragma once

#include "sync/SyncReport.h"

#include <QJsonArray>

#include <functional>

namespace roster::cli {

// What `roster sync` prints, account by account. A dry run's plan lines are written as the run makes them
// (never held whole: a plan over a million contacts would not fit): as text, one line each before the
// account's summary; with --json, as the account object's "plan" array, which then opens the object, the
// other keys following. Runs that are not dry print as they always did, once all accounts are done.
class SyncOutputWriter final
{
public:
    using PlanLine = std::function<QString(const SyncReport::PlanEntry&)>;

    SyncOutputWriter(bool json, bool dryRun, PlanLine planLine);

    void beginAccount();
    void entry(const SyncReport::PlanEntry& entry);
    void endAccount(const SyncReport& report, const QString& summary);
    void finish();

private:
    void write(const QByteArray& bytes);

    bool m_json;
    bool m_dryRun;
    PlanLine m_planLine;
    QJsonArray m_reports; // not a dry run, with --json
    int m_accounts = 0;
    qint64 m_entries = 0; // of the current account
};

} // namespace roster::cli
