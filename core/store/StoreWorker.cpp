#include "StoreWorker.h"

#include <QPointer>

namespace roster {

StoreWorker::StoreWorker(QString databasePath, const QString& name, QThread::Priority priority, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_home(new QObject)
{
    m_thread.setObjectName(name.isEmpty() ? QStringLiteral("store") : name);
    m_home->moveToThread(&m_thread);
    // Opened on the worker thread, before any task: the connection is that thread's.
    QMetaObject::invokeMethod(
        m_home,
        [this] {
            auto session = StoreSession::open(m_path);
            if (session)
                m_session = std::move(*session);
            else
                m_openError = session.error();
        },
        Qt::QueuedConnection);
    m_thread.start(priority);
}

StoreWorker::~StoreWorker()
{
    // Queued behind every task posted so far: they run first, then what lives on the thread goes while the
    // session is still open (a sync job records its end), then the session, on the thread that opened it.
    QMetaObject::invokeMethod(
        m_home,
        [this] {
            while (!m_home->children().isEmpty())
                delete m_home->children().constLast();
            m_session.reset();
            m_thread.quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_home;
}

void StoreWorker::post(std::function<void(StoreSession&)> work)
{
    QMetaObject::invokeMethod(
        m_home,
        [this, work = std::move(work)] {
            if (m_session)
                work(*m_session);
        },
        Qt::QueuedConnection);
}

void StoreWorker::enqueue(QObject* context, Task task)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Q_ASSERT(context && context->thread() == thread());
    // Read on this object's thread only, where the context lives and dies.
    QPointer<QObject> receiver(context);
    QMetaObject::invokeMethod(
        m_home,
        [this, receiver, task = std::move(task)] {
            Delivery deliver = task(m_session.get(), m_openError);
            // This object outlives the thread (its destructor joins it), so it can take the answer; an
            // answer still queued when it goes is dropped with it.
            QMetaObject::invokeMethod(
                this,
                [receiver, deliver = std::move(deliver)] {
                    if (receiver)
                        deliver();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace roster
