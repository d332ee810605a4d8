#include "ImportRunner.h"

#include "store/StoreSession.h"
#include "store/StoreWorker.h"

namespace roster {

ImportRunner::ImportRunner(QString databasePath, ImportOptions options, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_options(std::move(options))
{
}

ImportRunner::~ImportRunner()
{
    // The worker's destructor waits for the job: stop it first.
    cancel();
}

void ImportRunner::start()
{
    if (m_worker)
        return;
    m_worker = std::make_unique<StoreWorker>(m_databasePath, QStringLiteral("import"));
    m_running = true;
    m_worker->post(
        this, [this](StoreSession& session) { return work(session); },
        [this](Result<ImportSummary> result) {
            m_result = std::move(result);
            m_running = false;
            emit finished();
        });
}

bool ImportRunner::isRunning() const
{
    return m_running;
}

void ImportRunner::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelRequested = true;
    if (m_job)
        m_job->cancel();
}

Result<ImportSummary> ImportRunner::work(StoreSession& session)
{
    ImportJob job(session, m_options);
    if (m_options.dryRun) {
        job.setRowSink([this](const ImportRowOutcome& outcome) {
            if (outcome.result.status == UpsertResult::Status::Updated && !outcome.result.changes.isEmpty())
                m_updates.append(outcome);
        });
    }
    // Queued to this object's thread (the window's): the job emits from the worker.
    connect(&job, &ImportJob::progress, this, &ImportRunner::progress, Qt::QueuedConnection);
    {
        QMutexLocker lock(&m_mutex);
        m_job = &job;
        if (m_cancelRequested)
            job.cancel();
    }
    auto result = job.run();
    {
        QMutexLocker lock(&m_mutex);
        m_job = nullptr;
    }
    return result;
}

} // namespace roster
