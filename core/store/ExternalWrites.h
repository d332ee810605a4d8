#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace roster {

class Database;

// Notices what other programs write to the file a window shows: a command-line import or sync, a second
// window, the sqlite3 shell. It polls, on the window's own connection, SQLite's data_version (which moves when
// any other connection commits, and never for the connection's own commits) and who holds the write lock
// (DatabaseLockHolder, from the kernel's lock table: it opens nothing of the file). Both are cheap enough for a
// poll a second.
class ExternalWrites final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 1000;
    // A writer stays named for this many polls after its lock was last seen: an import lets go of the lock
    // between its transactions for a moment only.
    static constexpr int kQuietPolls = 3;

    explicit ExternalWrites(Database& db, QObject* parent = nullptr);

    void start(int intervalMs = kIntervalMs);
    void stop() { m_timer.stop(); }
    // The other process writing to the file, 0 when none. Connections of this process (the window's own imports
    // and syncs) do not count: the window shows their progress itself.
    qint64 writerPid() const { return m_writerPid; }
    // Its name as the system gives it ("roster", "sqlite3"), empty when it cannot tell.
    const QString& writerName() const { return m_writerName; }

public slots:
    void poll();

signals:
    // Another connection committed since the last poll.
    void committed();
    // Another process began or stopped writing (writerPid() and writerName() say which).
    void writerChanged();

private:
    Database& m_db;
    QTimer m_timer;
    qint64 m_version = 0;
    qint64 m_writerPid = 0;
    QString m_writerName;
    int m_quiet = 0;
};

} // namespace roster
