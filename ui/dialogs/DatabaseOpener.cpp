#include "DatabaseOpener.h"

#include "store/Database.h"

#include <QDir>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <memory>

namespace roster {

Result<void> DatabaseOpener::prepare(const QString& path)
{
    Result<void> result;
    // The connection is closed before the worker ends: the session opens the file only after it.
    std::unique_ptr<QThread> worker(QThread::create([&] {
        auto opened = Database::open(path);
        if (!opened)
            result = std::unexpected(opened.error());
    }));
    QProgressDialog notice(tr("Preparing the contacts database…\n%1\n\nA database from an earlier version of Roster is "
                              "upgraded once, and one another program removed contacts from is cleaned up; a large "
                              "one takes a few minutes.")
                               .arg(QDir::toNativeSeparators(path)),
                           QString(), 0, 0);
    notice.setObjectName(QStringLiteral("databaseOpenerNotice"));
    notice.setWindowTitle(tr("Roster"));
    notice.setCancelButton(nullptr);
    notice.setMinimumDuration(0);
    notice.reset(); // a QProgressDialog otherwise shows itself on its own timer
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kNoticeAfterMs, &notice, [&] {
        if (worker->isRunning())
            notice.show();
    });
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    return result;
}

} // namespace roster
