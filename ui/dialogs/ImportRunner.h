#pragma once

#include "store/ImportJob.h"

#include <QMutex>
#include <QObject>

#include <memory>
#include <optional>

namespace roster {

class StoreWorker;

// Runs one ImportJob on a StoreWorker, with a StoreSession of its own on the same file (a SQLite
// connection belongs to one thread). Progress and the end arrive as queued signals; the window stays
// responsive and cancel() is safe from any thread.
class ImportRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportRunner)

public:
    ImportRunner(QString databasePath, ImportOptions options, QObject* parent = nullptr);
    ~ImportRunner() override;

    void start();
    void cancel();
    bool isRunning() const;
    // Valid after finished().
    const std::optional<Result<ImportSummary>>& result() const { return m_result; }
    // A dry run's rows that would change a contact that exists, in file order; valid after finished().
    const QVector<ImportRowOutcome>& updates() const { return m_updates; }

signals:
    void progress(qint64 rows, qint64 bytes, qint64 totalBytes);
    void finished();

private:
    Result<ImportSummary> work(StoreSession& session);

    QString m_databasePath;
    ImportOptions m_options;
    bool m_running = false;
    mutable QMutex m_mutex;
    ImportJob* m_job = nullptr; // owned by the worker thread while it runs
    bool m_cancelRequested = false;
    std::optional<Result<ImportSummary>> m_result;
    QVector<ImportRowOutcome> m_updates; // written by the worker only, read once it has ended
    // Last: destroyed first, it waits for the job, which uses the members above.
    std::unique_ptr<StoreWorker> m_worker;
};

} // namespace roster
