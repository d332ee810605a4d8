// The window on a large database: time to the first rows painted, to scroll to the end, per search
// keystroke, and memory. Builds a database of --count generated contacts through the engine's batch
// call, or reuses --db PATH when it already holds them. Prints figures; not a pass/fail test.
#include "ContactGenerator.h"
#include "models/ContactTableModel.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace roster;

namespace {

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

void print(const QString& text)
{
    QTextStream(stdout) << text << Qt::endl;
}

bool fill(const QString& path, qint64 count)
{
    auto session = StoreSession::open(path);
    if (!session)
        return false;
    const qint64 have = (*session)->contacts().count();
    if (have >= count)
        return true;
    print(QStringLiteral("generating %1 contacts in %2 ...").arg(count - have).arg(path));
    QElapsedTimer timer;
    timer.start();
    auto op = (*session)->engine().beginOperation({QStringLiteral("bench"), QStringLiteral("bench_ui")});
    constexpr qint64 batch = 50000;
    for (qint64 start = have; start < count; start += batch) {
        QVector<ContactPatch> patches;
        for (qint64 n = start; n < qMin(count, start + batch); ++n)
            patches << bench::ContactGenerator::make(n, bench::PhoneStyle::E164);
        if (!(*session)->engine().upsertBatch(patches, UpsertPolicies::local(), *op))
            return false;
    }
    print(QStringLiteral("generated in %1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return true;
}

void settle()
{
    QApplication::processEvents();
    QApplication::processEvents();
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's window settings alone
    const QStringList args = app.arguments();
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bench_ui.sqlite"));
    qint64 count = 1000000;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db"))
            path = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--count"))
            count = args.at(i + 1).toLongLong();
    }
    if (!fill(path, count)) {
        print(QStringLiteral("cannot build %1").arg(path));
        return 1;
    }
    const double rssBefore = rssMiB();

    QElapsedTimer timer;
    timer.start();
    auto session = StoreSession::open(path);
    if (!session)
        return 1;
    MainWindow window(std::move(*session));
    window.resize(1200, 760);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    settle();
    const qint64 firstPaint = timer.elapsed();
    const int rows = window.model()->rowCount();
    print(QStringLiteral("contacts:                    %1").arg(rows));
    print(QStringLiteral("start to first rows painted: %1 ms (target 100 ms)").arg(firstPaint));
    const double rssOpen = rssMiB();

    timer.restart();
    window.table()->scrollToBottom();
    settle();
    const qint64 toEnd = timer.elapsed();
    const QString lastEmail = window.model()->index(rows - 1, int(Field::Email)).data().toString();
    print(QStringLiteral("scroll to the end:           %1 ms (last row %2)").arg(toEnd).arg(lastEmail));

    // Page through the whole table as a user dragging the scroll bar would: memory must not grow.
    timer.restart();
    QScrollBar* bar = window.table()->verticalScrollBar();
    for (int step = 0; step <= 20; ++step) {
        bar->setValue(static_cast<int>(qint64(bar->maximum()) * step / 20));
        settle();
    }
    print(QStringLiteral("20 jumps across the table:   %1 ms, %2 pages cached")
              .arg(timer.elapsed())
              .arg(window.model()->cachedPageCount()));
    const double rssScrolled = rssMiB();

    const QString word = window.model()->index(0, int(Field::FirstName)).data().toString().toLower().left(7);
    window.table()->scrollToTop();
    QStringList perKey;
    qint64 worst = 0;
    for (qsizetype i = 1; i <= word.size(); ++i) {
        ContactFilter filter;
        filter.search = word.left(i);
        timer.restart();
        // What one keystroke costs once the 150 ms debounce fires: count, first page, repaint.
        window.model()->setFilter(filter);
        settle();
        const qint64 ms = timer.elapsed();
        worst = qMax(worst, ms);
        perKey << QStringLiteral("'%1' %2 ms (%3 rows)").arg(filter.search).arg(ms).arg(window.model()->rowCount());
    }
    print(QStringLiteral("search keystrokes:           %1").arg(perKey.join(QStringLiteral(", "))));
    print(QStringLiteral("worst keystroke:             %1 ms (target 30 ms)").arg(worst));

    timer.restart();
    window.model()->setFilter({});
    window.model()->sort(int(Field::Email));
    settle();
    print(QStringLiteral("sort by email (indexed):     %1 ms").arg(timer.elapsed()));
    timer.restart();
    window.model()->sort(int(Field::LastName));
    settle();
    print(QStringLiteral("sort by last name (no index): %1 ms").arg(timer.elapsed()));

    print(QStringLiteral("RSS: %1 MiB before the window, %2 after the first paint, %3 after scrolling everywhere")
              .arg(rssBefore, 0, 'f', 1)
              .arg(rssOpen, 0, 'f', 1)
              .arg(rssScrolled, 0, 'f', 1));
    return 0;
}
