// Upserts N generated contacts through the engine's batch call into an empty database, then again over the
// full one (every row matches, nothing changes), then with phones in national format into a fresh
// database; and inserts the same rows with the plain SQLite C API into a plain table, for scale.
// The "schema floor" pass writes the same rows, already normalised, into Roster's own schema with set-based
// SQL alone (no engine, no lookups, no normalisation): what the required indexes, search index and change
// log cost by themselves, the least any engine could spend on this schema.
//   bench_upsert [--rows N] [--batch B] [--dir PATH] [--skip-national] [--skip-engine] [--skip-floor]
#include "ContactGenerator.h"
#include "store/Database.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>
#include <sys/resource.h>

using namespace roster;
using namespace roster::bench;

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

struct Timing
{
    qint64 wallMs = 0;
    double cpu = 0;
};

void report(const char* what, qint64 rows, Timing t, const QString& extra = {})
{
    const double seconds = static_cast<double>(t.wallMs) / 1000.0;
    std::printf("%-42s %8lld rows %7.2f s wall %7.2f s cpu %9.0f rows/s  peak RSS %5.0f MiB %s\n", what,
                static_cast<long long>(rows), seconds, t.cpu, static_cast<double>(rows) / std::max(seconds, 0.001),
                peakMiB(), qPrintable(extra));
    std::fflush(stdout);
}

struct PassCounts
{
    qint64 created = 0, updated = 0, unchanged = 0, rejected = 0;
    QString text() const
    {
        return QStringLiteral("(created %1, updated %2, unchanged %3, rejected %4)")
            .arg(created)
            .arg(updated)
            .arg(unchanged)
            .arg(rejected);
    }
};

// Generation is kept out of the timed part: it is the caller's cost, not the engine's.
Timing enginePass(StoreSession& session, qint64 rows, int batch, PhoneStyle style, PassCounts* counts)
{
    auto op = session.engine().beginOperation({QStringLiteral("import:bench"), QStringLiteral("Benchmark")});
    if (!op)
        qFatal("%s", qPrintable(op.error().toString()));
    Timing elapsed;
    // Timed like the batches: a client loading many rows tells the engine, as the import job does.
    auto timed = [&](auto&& step) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        auto ok = step();
        elapsed.wallMs += timer.elapsed();
        elapsed.cpu += cpuSeconds() - cpu;
        if (!ok)
            qFatal("%s", qPrintable(ok.error().toString()));
    };
    timed([&] { return session.engine().beginBulkLoad(rows); });
    QVector<ContactPatch> patches;
    for (qint64 start = 0; start < rows; start += batch) {
        patches.clear();
        for (qint64 n = start; n < std::min(rows, start + batch); ++n)
            patches.append(ContactGenerator::make(n, style));
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        auto results = session.engine().upsertBatch(patches, UpsertPolicies::local(), *op);
        elapsed.wallMs += timer.elapsed();
        elapsed.cpu += cpuSeconds() - cpu;
        if (!results)
            qFatal("%s", qPrintable(results.error().toString()));
        for (const UpsertResult& r : *results) {
            switch (r.status) {
            case UpsertResult::Status::Created:
                ++counts->created;
                break;
            case UpsertResult::Status::Updated:
                ++counts->updated;
                break;
            case UpsertResult::Status::Unchanged:
                ++counts->unchanged;
                break;
            case UpsertResult::Status::Rejected:
                ++counts->rejected;
                break;
            }
        }
    }
    timed([&] { return session.engine().endBulkLoad(); });
    return elapsed;
}

Timing plainInsert(const QString& path, qint64 rows)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE plain (first_name TEXT, last_name "
                 "TEXT, email TEXT, phone TEXT, linkedin_url TEXT, job_title TEXT, city TEXT, company_name TEXT);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert, nullptr);
    // Rows are made up front so both sides time only the database work.
    std::vector<QByteArray> cells;
    Timing elapsed;
    const qint64 chunk = 100000;
    for (qint64 start = 0; start < rows; start += chunk) {
        cells.clear();
        for (qint64 n = start; n < std::min(rows, start + chunk); ++n) {
            for (const QString& c : ContactGenerator::columns(n, PhoneStyle::E164))
                cells.push_back(c.toUtf8());
        }
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (std::size_t i = 0; i < cells.size(); i += 8) {
            for (int c = 0; c < 8; ++c) {
                const QByteArray& v = cells[i + static_cast<std::size_t>(c)];
                sqlite3_bind_text(insert, c + 1, v.constData(), static_cast<int>(v.size()), SQLITE_STATIC);
            }
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        elapsed.wallMs += timer.elapsed();
        elapsed.cpu += cpuSeconds() - cpu;
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return elapsed;
}

void execOrDie(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK)
        qFatal("%s: %s", sql, message);
}

// Rows go through a staging table filled outside the timed part, then into the schema a batch at a time
// with the statements a perfect bulk path would use; the sort indexes are dropped and rebuilt around the
// load, as the engine's bulk path does.
Timing schemaFloor(const QString& path, qint64 rows, int batch)
{
    {
        auto session = StoreSession::open(path, QStringLiteral("FR"));
        if (!session)
            qFatal("%s", qPrintable(session.error().toString()));
    }
    sqlite3* db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    execOrDie(db,
              "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; "
              "PRAGMA foreign_keys=ON; "
              "CREATE TEMP TABLE staged (uid, first_name, last_name, email, phone, linkedin_url, job_title, "
              "city, company_name, company_id);"
              "INSERT INTO operations (origin, label, created_at) VALUES ('import:floor', 'Floor', 'now');");
    execOrDie(db,
              "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999) "
              "INSERT INTO companies (name, created_at) SELECT 'Company ' || i, 'now' FROM n");
    QByteArrayList sortIndexes;
    {
        sqlite3_stmt* list = nullptr;
        sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name LIKE 'contacts_sort_%'", -1, &list, nullptr);
        while (sqlite3_step(list) == SQLITE_ROW)
            sortIndexes << reinterpret_cast<const char*>(sqlite3_column_text(list, 0));
        sqlite3_finalize(list);
    }
    sqlite3_stmt* stage = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO staged VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &stage, nullptr);
    const QByteArray now = "2026-01-01T00:00:00.000Z";
    const QByteArray load
        = "INSERT INTO contacts (uid, first_name, last_name, email, phone, linkedin_url, job_title, city, "
          "company_name, company_id, email_norm, linkedin_norm, phone_e164, created_at, updated_at) "
          "SELECT uid, first_name, last_name, email, phone, linkedin_url, job_title, city, company_name, company_id, "
          // The keys as schema 13 stores them: '' where the key is the value itself (ContactTable::keySql).
          "IIF(lower(email) = email, '', lower(email)), IIF(linkedin_url IS NULL, NULL, ''), "
          "IIF(phone IS NULL, NULL, ''), '"
        + now + "', '" + now + "' FROM staged ORDER BY rowid;";
    const QByteArray log = "INSERT INTO change_log (op_id, contact_id, action) SELECT 1, id, 'create' FROM contacts "
                           "WHERE id > ?1;";
    const QByteArray search = "INSERT INTO contacts_fts (rowid, name, emails, company, tags) "
                              "SELECT id, trim(first_name || ' ' || last_name), email, company_name, '' "
                              "FROM contacts WHERE id > ?1;";
    Timing elapsed;
    auto timed = [&](auto&& step) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        step();
        elapsed.wallMs += timer.elapsed();
        elapsed.cpu += cpuSeconds() - cpu;
    };
    timed([&] {
        execOrDie(db,
                  "DROP INDEX contacts_sort_first_name; DROP INDEX contacts_sort_last_name; "
                  "DROP INDEX contacts_sort_no_email; DROP INDEX contacts_sort_company_name;");
    });
    for (qint64 start = 0; start < rows; start += batch) {
        execOrDie(db, "BEGIN; DELETE FROM staged;");
        for (qint64 n = start; n < std::min(rows, start + batch); ++n) {
            const QStringList c = ContactGenerator::columns(n, PhoneStyle::E164);
            const QByteArray uid = QByteArray::number(n, 16).rightJustified(32, '0');
            sqlite3_bind_text(stage, 1, uid.constData(), -1, SQLITE_TRANSIENT);
            for (int i : {0, 1, 2, 3, 4, 5, 6, 7}) {
                const QByteArray v = c.at(i).toUtf8();
                if (v.isEmpty())
                    sqlite3_bind_null(stage, i + 2);
                else
                    sqlite3_bind_text(stage, i + 2, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
            }
            sqlite3_bind_int64(stage, 10, n % 5000 + 1);
            sqlite3_step(stage);
            sqlite3_reset(stage);
        }
        execOrDie(db, "COMMIT;");
        timed([&] {
            sqlite3_int64 last = 0;
            {
                sqlite3_stmt* max = nullptr;
                sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM contacts", -1, &max, nullptr);
                sqlite3_step(max);
                last = sqlite3_column_int64(max, 0);
                sqlite3_finalize(max);
            }
            execOrDie(db, "BEGIN;");
            execOrDie(db, load.constData());
            for (const QByteArray& sql : {log, search}) {
                sqlite3_stmt* statement = nullptr;
                sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr);
                sqlite3_bind_int64(statement, 1, last);
                if (sqlite3_step(statement) != SQLITE_DONE)
                    qFatal("%s: %s", sql.constData(), sqlite3_errmsg(db));
                sqlite3_finalize(statement);
            }
            execOrDie(db, "COMMIT;");
        });
    }
    timed([&] {
        for (const QByteArray& sql : sortIndexes)
            execOrDie(db, sql.constData());
    });
    sqlite3_finalize(stage);
    sqlite3_close(db);
    return elapsed;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Contacts to generate."), QStringLiteral("n"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("Rows per batch call (one transaction)."),
                      QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the databases (default: a temporary one)."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("skip-national"), QStringLiteral("Leave out the national-format phone pass.")});
    parser.addOption({QStringLiteral("skip-engine"), QStringLiteral("Only the plain insert and the schema floor.")});
    parser.addOption({QStringLiteral("skip-floor"),
                      QStringLiteral("Leave out the plain insert and the schema floor (to profile the engine).")});
    parser.process(app);
    const qint64 rows = parser.value(QStringLiteral("rows")).toLongLong();
    const int batch = parser.value(QStringLiteral("batch")).toInt();
    QTemporaryDir temp;
    const QString dir
        = parser.value(QStringLiteral("dir")).isEmpty() ? temp.path() : parser.value(QStringLiteral("dir"));

    // Before the plain insert opens SQLite: the engine then runs as Roster does (no allocation statistics).
    Database::configureSqlite();
    std::printf("bench_upsert: %lld rows, %d per batch, SQLite %s\n", static_cast<long long>(rows), batch,
                sqlite3_libversion());
    Timing plain;
    if (!parser.isSet(QStringLiteral("skip-floor"))) {
        plain = plainInsert(dir + QStringLiteral("/plain.sqlite"), rows);
        report("plain SQLite C API insert (no indexes)", rows, plain);
        const Timing floor = schemaFloor(dir + QStringLiteral("/floor.sqlite"), rows, batch);
        report("schema floor: set-based SQL, no engine", rows, floor);
        std::printf("schema floor at %.2f of the plain insert's rate (cpu %.2f)\n",
                    static_cast<double>(plain.wallMs) / static_cast<double>(std::max<qint64>(floor.wallMs, 1)),
                    plain.cpu / std::max(floor.cpu, 0.001));
    }
    if (parser.isSet(QStringLiteral("skip-engine")))
        return 0;

    {
        auto session = StoreSession::open(dir + QStringLiteral("/engine.sqlite"), QStringLiteral("FR"));
        if (!session)
            qFatal("%s", qPrintable(session.error().toString()));
        PassCounts first, repeat;
        const Timing firstPass = enginePass(**session, rows, batch, PhoneStyle::E164, &first);
        report("engine, empty database, E.164 phones", rows, firstPass, first.text());
        const Timing repeatPass = enginePass(**session, rows, batch, PhoneStyle::E164, &repeat);
        report("engine, same rows again (all match)", rows, repeatPass, repeat.text());
        const double repeatSpeed
            = static_cast<double>(firstPass.wallMs) / static_cast<double>(std::max<qint64>(repeatPass.wallMs, 1));
        if (plain.wallMs > 0)
            std::printf("first pass at %.2f of the plain insert's rate (cpu %.2f); ",
                        static_cast<double>(plain.wallMs) / static_cast<double>(std::max<qint64>(firstPass.wallMs, 1)),
                        plain.cpu / std::max(firstPass.cpu, 0.001));
        std::printf("repeat pass %.2fx the first pass's speed\n", repeatSpeed);
    }
    if (!parser.isSet(QStringLiteral("skip-national"))) {
        auto session = StoreSession::open(dir + QStringLiteral("/national.sqlite"), QStringLiteral("FR"));
        PassCounts national;
        const Timing t = enginePass(**session, rows, batch, PhoneStyle::National, &national);
        report("engine, empty database, national phones", rows, t, national.text());
    }
    return 0;
}
