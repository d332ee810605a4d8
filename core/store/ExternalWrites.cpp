#include "ExternalWrites.h"

#include "Database.h"
#include "DatabaseLockHolder.h"

#include <QCoreApplication>

namespace roster {

ExternalWrites::ExternalWrites(Database& db, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_version(db.dataVersion())
{
    connect(&m_timer, &QTimer::timeout, this, &ExternalWrites::poll);
}

void ExternalWrites::start(int intervalMs)
{
    m_version = m_db.dataVersion();
    m_timer.start(intervalMs);
}

void ExternalWrites::poll()
{
    const qint64 pid = DatabaseLockHolder::writerPid(m_db.path());
    if (pid != 0 && pid != QCoreApplication::applicationPid()) {
        m_quiet = 0;
        if (pid != m_writerPid) {
            m_writerPid = pid;
            m_writerName = DatabaseLockHolder::processName(pid);
            emit writerChanged();
        }
    } else if (m_writerPid != 0 && ++m_quiet >= kQuietPolls) {
        m_writerPid = 0;
        m_writerName.clear();
        emit writerChanged();
    }
    // While this connection holds a transaction no other can commit, and what it would read is its own snapshot:
    // asked again at the next poll.
    if (m_db.inTransaction())
        return;
    const qint64 version = m_db.dataVersion();
    if (version != m_version) {
        m_version = version;
        emit committed();
    }
}

} // namespace roster
