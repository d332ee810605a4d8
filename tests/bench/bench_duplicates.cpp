// The duplicate scan and the sort-key recomputation on a generated database: bench_duplicates [COUNT]
// (default 2000). One contact in 40 is a typo twin of an earlier one at its company. Fills a temporary database through
// the engine's batch call, then times one scan and a switch of the collation locale (every name's key computed again).
// Prints figures; not a pass/fail test.
#include "ContactGenerator.h"
#include "store/Database.h"
#include "store/DuplicateFinder.h"
#include "store/SortKeyRefresh.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace roster;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QString::fromLatin1(argv[1]).toLongLong() : 2000;
    QTemporaryDir dir;
    // A second argument keeps the database there, to look at its query plans afterwards.
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("bench.sqlite"));
    QTextStream out(stdout);
    {
        auto session = StoreSession::open(path);
        if (!session)
            return 1;
        auto op = (*session)->engine().beginOperation({QStringLiteral("bench"), QStringLiteral("bench_duplicates")});
        constexpr qint64 batch = 50000;
        for (qint64 start = 0; start < count; start += batch) {
            QVector<ContactPatch> patches;
            for (qint64 n = start; n < qMin(count, start + batch); ++n) {
                ContactPatch patch = bench::ContactGenerator::make(n, bench::PhoneStyle::E164);
                // One contact in 40 typed again at its company with a typo in the first name, another
                // address and no phone or profile: a pair only the name rule finds.
                if (n % 40 == 39) {
                    const ContactPatch original = bench::ContactGenerator::make(n - 39, bench::PhoneStyle::E164);
                    patch = ContactPatch();
                    patch.set(Field::FirstName, original.value(Field::FirstName) + QLatin1Char('x'));
                    patch.set(Field::LastName, original.value(Field::LastName));
                    const QString domain = original.value(Field::Email).section(QLatin1Char('@'), 1);
                    patch.set(Field::Email, QStringLiteral("twin%1@%2").arg(n).arg(domain));
                    for (const Field field : {Field::CompanyName, Field::CompanyDomain, Field::CompanyLinkedinUrl})
                        patch.set(field, original.value(field));
                }
                patches << patch;
            }
            if (!(*session)->engine().upsertBatch(patches, UpsertPolicies::local(), *op))
                return 1;
        }
    }
    auto db = Database::open(path);
    if (!db)
        return 1;
    QElapsedTimer timer;
    timer.start();
    auto pairs = DuplicateFinder(**db).scan();
    const qint64 scanMs = timer.elapsed();
    if (!pairs)
        return 1;
    out << count << " contacts: scan " << scanMs << " ms, " << pairs->size() << " pairs";
    if (!pairs->isEmpty())
        out << " (top score " << pairs->first().score << ", lowest " << pairs->last().score << ")";
    out << Qt::endl;
    for (const char* locale : {"de_DE", "sv_SE"}) {
        timer.restart();
        auto done = SortKeyRefresh::ensure(**db, QString::fromLatin1(locale));
        out << "  sort keys recomputed for " << locale << ": " << timer.elapsed() << " ms"
            << (done && *done ? "" : " (not done)") << Qt::endl;
    }
    return 0;
}
