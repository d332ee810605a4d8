#pragma once

#include <QLabel>
#include <QTimer>

#include <functional>

namespace roster {

class Database;
class ExternalWrites;

// What another program does to the file the window shows (a command-line import, a sync from cron, a second
// window): the status bar names the process while it writes, and the list is shown again after its commits, at
// most every kRefreshDelayMs. Not while the window runs an import or a sync of its own: it shows those itself
// and refreshes when they end.
class ExternalWritesStatus final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExternalWritesStatus)

public:
    static constexpr int kRefreshDelayMs = 2000;

    // `busy`: whether the window runs an import or a sync of its own. `refresh`: show what the file holds now.
    ExternalWritesStatus(Database& db, std::function<bool()> busy, std::function<void()> refresh,
                         QWidget* parent = nullptr);

    ExternalWrites& writes() { return *m_writes; }

private:
    void showWriter();
    void refreshWhenIdle();

    ExternalWrites* m_writes = nullptr;
    std::function<bool()> m_busy;
    std::function<void()> m_refresh;
    QTimer m_delay;
    bool m_pending = false; // a commit came during the delay
};

} // namespace roster
