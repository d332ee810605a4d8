#include "ExternalWritesStatus.h"

#include "store/ExternalWrites.h"

namespace roster {

ExternalWritesStatus::ExternalWritesStatus(Database& db, std::function<bool()> busy, std::function<void()> refresh,
                                           QWidget* parent)
    : QLabel(parent)
    , m_writes(new ExternalWrites(db, this))
    , m_busy(std::move(busy))
    , m_refresh(std::move(refresh))
{
    setObjectName(QStringLiteral("externalWritesLabel"));
    hide();
    m_delay.setSingleShot(true);
    m_delay.setInterval(kRefreshDelayMs);
    // The first commit seen is shown at once; later ones wait for the delay, so an import's stream of commits
    // reloads the list every few seconds, not at every poll.
    connect(&m_delay, &QTimer::timeout, this, [this] {
        if (m_pending)
            refreshWhenIdle();
    });
    connect(m_writes, &ExternalWrites::committed, this, [this] {
        if (m_delay.isActive()) {
            m_pending = true;
            return;
        }
        refreshWhenIdle();
    });
    connect(m_writes, &ExternalWrites::writerChanged, this, &ExternalWritesStatus::showWriter);
    m_writes->start();
}

void ExternalWritesStatus::showWriter()
{
    const qint64 pid = m_writes->writerPid();
    if (pid == 0) {
        hide();
        return;
    }
    const QString name = m_writes->writerName();
    setText(name.isEmpty()
                ? tr("Process %1 is writing to this file; the list follows its changes.").arg(pid)
                : tr("%1 (process %2) is writing to this file; the list follows its changes.").arg(name).arg(pid));
    show();
}

void ExternalWritesStatus::refreshWhenIdle()
{
    m_pending = false;
    m_delay.start();
    if (!m_busy())
        m_refresh();
}

} // namespace roster
