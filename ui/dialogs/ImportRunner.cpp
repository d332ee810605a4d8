#include "ImportRunner.h"

#include "store/StoreSession.h"

#include <QThread>

namespace roster {

ImportRunner::ImportRunner(QString databasePath, ImportOptions options, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_options(std::move(options))
{
}

ImportRunner::~ImportRunner()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void ImportRunner::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { work(); });
    m_thread->setObjectName(QStringLiteral("import"));
    connect(m_thread, &QThread::finished, this, &ImportRunner::finished);
    m_thread->start();
}

bool ImportRunner::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportRunner::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelRequested = true;
    if (m_job)
        m_job->cancel();
}

void ImportRunner::work()
{
    auto session = StoreSession::open(m_databasePath);
    if (!session) {
        m_result = std::unexpected(session.error());
        return;
    }
    ImportJob job(**session, m_options);
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
    m_result = std::move(result);
}

} // namespace roster
