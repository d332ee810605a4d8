#include "StoreFixture.h"
#include "store/ContactMerger.h"
#include "store/ContactQuery.h"
#include "store/ContactTagger.h"
#include "store/ImportJob.h"
#include "store/SearchRows.h"
#include "store/SideSearchIndex.h"
#include "store/StoreSession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

using namespace roster;
using namespace roster::test;

// The search index is contentless (012): a contact's row leaves it with the values it was indexed with,
// computed from what is stored, so every write must take it out before it changes anything. These tests run
// each kind of write, then compare the index with one built afresh from what is stored, and run searches.
class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void indexFollowsEveryWrite_data();
    void indexFollowsEveryWrite();
    void checkFindsAStaleRow();
    void storesEachValueOnce();
    void firstLargeImportIndexedAside_data();
    void firstLargeImportIndexedAside();
    void repairLeavesARunningLoadAlone();
    void repairAfterAKilledLoadThatHeldContacts();
    void repairRemovesWhatALoadKilledBeforeItsNoteLeft();
    void removalByAnotherProgram_data();
    void removalByAnotherProgram();

private:
    void seed();
    qint64 idOf(const QString& email);
    void run(const QString& step);
    // Why the index differs from one built from what is stored now; empty when it does not.
    QString indexDifference();
    QStringList found(const QString& search);
    qint64 scalar(const QByteArray& sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
    FakeClock m_clock;
};

void TestSearchIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = StoreSession::open(m_dir->filePath(QStringLiteral("db.sqlite")), QStringLiteral("FR"));
    QVERIFY(session);
    m_session = std::move(*session);
}

void TestSearchIndex::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

qint64 TestSearchIndex::scalar(const QByteArray& sql)
{
    SqlStatement q(m_session->database(), sql.constData());
    return q.next() ? q.columnInt(0) : -1;
}

qint64 TestSearchIndex::idOf(const QString& email)
{
    SqlStatement q(m_session->database(), "SELECT id FROM contacts WHERE email = ?");
    q.bind(1, email);
    return q.next() ? q.columnInt(0) : 0;
}

void TestSearchIndex::seed()
{
    run(QStringLiteral(
        "batch first_name=Ada|last_name=Lovelace|email=ada@example.org|company_name=Analytical|job_title=Countess|"
        "phone=+33612345678|tags=poet,math"
        ";first_name=Grace|last_name=Hopper|email=grace@navy.mil|company_name=Navy|job_title=Admiral|"
        "extra_emails=grace@cobol.org|tags=cobol"
        ";first_name=Alan|last_name=Turing|email=alan@bletchley.uk|company_name=Bletchley|job_title=Cryptanalyst|"
        "extra_phones=+33 1 42 68 53 00 (work)"
        ";first_name=Edsger|last_name=Dijkstra|email=edsger@tue.nl|job_title=Professor|tags=math"
        ";first_name=Barbara|last_name=Liskov|email=barbara@mit.edu|company_name=MIT|job_title=Professor"));
}

// One write, in a few words: "upsert SPEC", "batch SPEC;SPEC;..." (one operation, as an import's batch),
// "import CSV-LINES" (lines joined by '/'), "delete EMAIL", "merge KEPT OTHER", "tag EMAIL TAG", "undo", "redo",
// "bulk N" (N new contacts in one batch).
void TestSearchIndex::run(const QString& step)
{
    const QString verb = step.section(QLatin1Char(' '), 0, 0);
    const QString rest = step.section(QLatin1Char(' '), 1);
    UpsertEngine& engine = m_session->engine();
    const WriteOrigin origin {QStringLiteral("manual"), step};
    if (verb == QLatin1String("upsert")) {
        auto result = engine.upsert(patchFrom(rest), UpsertPolicies::local(), origin);
        QVERIFY2(result && result->status != UpsertResult::Status::Rejected, qPrintable(step));
    } else if (verb == QLatin1String("batch") || verb == QLatin1String("bulk")) {
        QVector<ContactPatch> patches;
        if (verb == QLatin1String("batch")) {
            for (const QString& spec : rest.split(QLatin1Char(';')))
                patches << patchFrom(spec);
        } else {
            for (int i = 0; i < rest.toInt(); ++i)
                patches << patchFrom(QStringLiteral("first_name=Bulk%1|email=bulk%1@example.com").arg(i));
        }
        auto op = engine.beginOperation({QStringLiteral("import:batch"), step.left(40)});
        QVERIFY(op);
        auto results = engine.upsertBatch(patches, UpsertPolicies::local(), *op);
        QVERIFY2(results, qPrintable(results ? QString() : results.error().toString()));
    } else if (verb == QLatin1String("import")) {
        const QString path = m_dir->filePath(QStringLiteral("import.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QString(rest).replace(QLatin1Char('/'), QLatin1Char('\n')).toUtf8() + '\n');
        file.close();
        ImportOptions options;
        options.path = path;
        ImportJob job(*m_session, options);
        auto summary = job.run();
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    } else if (verb == QLatin1String("delete")) {
        auto removed = engine.remove({idOf(rest)}, origin);
        QVERIFY(removed && *removed == 1);
    } else if (verb == QLatin1String("merge")) {
        auto merger = ContactMerger::create(m_session->database(), m_clock);
        QVERIFY(merger);
        const qint64 kept = idOf(rest.section(QLatin1Char(' '), 0, 0));
        const qint64 other = idOf(rest.section(QLatin1Char(' '), 1, 1));
        const auto a = m_session->contacts().contact(kept);
        const auto b = m_session->contacts().contact(other);
        QVERIFY(a && b);
        auto merged = (*merger)->merge(kept, other, ContactMerger::defaultChoices(*a, *b), origin);
        QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().toString()));
    } else if (verb == QLatin1String("tag")) {
        ContactTagger tagger(engine, m_session->contacts());
        auto tagged
            = tagger.addTag({idOf(rest.section(QLatin1Char(' '), 0, 0))}, rest.section(QLatin1Char(' '), 1), origin);
        QVERIFY(tagged);
    } else if (verb == QLatin1String("undo")) {
        auto undone = m_session->undo().undo();
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().toString()));
    } else if (verb == QLatin1String("redo")) {
        auto redone = m_session->undo().redo();
        QVERIFY2(redone, qPrintable(redone ? QString() : redone.error().toString()));
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown step ") + step));
    }
}

QString TestSearchIndex::indexDifference()
{
    Database& db = m_session->database();
    if (auto ok = SqlStatement::execute(db, "INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')"); !ok)
        return QStringLiteral("integrity-check: ") + ok.error().detail;
    // SQLite 3.40's integrity-check reads the index alone: compare it, term by term and column by column (it
    // keeps no positions since 014), with one built afresh from the live contacts as stored, and compare the row sizes
    // and the totals bm25 and the counts read.
    QByteArray definition;
    {
        SqlStatement sql(db, "SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'");
        if (!sql.next())
            return QStringLiteral("no contacts_fts");
        definition = sql.columnText(0).toUtf8();
    }
    definition.replace("CREATE VIRTUAL TABLE contacts_fts", "CREATE VIRTUAL TABLE temp.fresh_fts");
    const QByteArray fill
        = QByteArray(SearchRows::insertSql()).replace("INSERT INTO contacts_fts ", "INSERT INTO temp.fresh_fts ")
        + " WHERE c.deleted_at IS NULL";
    for (const QByteArray& sql :
         {QByteArray("DROP TABLE IF EXISTS temp.fresh_fts"), QByteArray("DROP TABLE IF EXISTS temp.actual_terms"),
          QByteArray("DROP TABLE IF EXISTS temp.fresh_terms"), definition, fill,
          QByteArray("CREATE VIRTUAL TABLE temp.actual_terms USING fts5vocab(main, contacts_fts, instance)"),
          QByteArray("CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, fresh_fts, instance)")}) {
        if (auto ok = SqlStatement::execute(db, sql.constData()); !ok)
            return QString::fromUtf8(sql) + QStringLiteral(": ") + ok.error().detail;
    }
    const auto listed = [&](const char* sql) -> QString {
        SqlStatement q(db, sql);
        QStringList rows;
        while (q.next() && rows.size() < 10)
            rows << q.columnText(0);
        if (q.hasError())
            return q.lastError().detail;
        return rows.join(QStringLiteral(", "));
    };
    const QString stale = listed("SELECT term || '@' || doc || '.' || col || COALESCE('.' || offset, '') FROM ("
                                 "SELECT term, doc, col, offset FROM temp.actual_terms EXCEPT "
                                 "SELECT term, doc, col, offset FROM temp.fresh_terms)");
    if (!stale.isEmpty())
        return QStringLiteral("terms indexed but not stored: ") + stale;
    const QString missing = listed("SELECT term || '@' || doc || '.' || col || COALESCE('.' || offset, '') FROM ("
                                   "SELECT term, doc, col, offset FROM temp.fresh_terms EXCEPT "
                                   "SELECT term, doc, col, offset FROM temp.actual_terms)");
    if (!missing.isEmpty())
        return QStringLiteral("terms stored but not indexed: ") + missing;
    const QString sizes = listed("SELECT id FROM (SELECT id, sz FROM main.contacts_fts_docsize EXCEPT "
                                 "SELECT id, sz FROM temp.fresh_fts_docsize UNION ALL "
                                 "SELECT id, sz FROM temp.fresh_fts_docsize EXCEPT "
                                 "SELECT id, sz FROM main.contacts_fts_docsize)");
    if (!sizes.isEmpty())
        return QStringLiteral("row sizes differ for contacts ") + sizes;
    // An index never written has no totals yet (a fresh one, or one built again from no contacts); one emptied
    // has them all zero.
    if (scalar("SELECT (SELECT block FROM main.contacts_fts_data WHERE id = 1) IS "
               "(SELECT block FROM temp.fresh_fts_data WHERE id = 1) OR "
               "COALESCE(NULLIF((SELECT block FROM temp.fresh_fts_data WHERE id = 1), X''), zeroblob(7)) = "
               "(SELECT block FROM main.contacts_fts_data WHERE id = 1)")
        != 1)
        return QStringLiteral("the index's totals differ: ")
            + listed("SELECT hex((SELECT block FROM main.contacts_fts_data WHERE id = 1)) || ' / ' || "
                     "hex((SELECT block FROM temp.fresh_fts_data WHERE id = 1))");
    return {};
}

QStringList TestSearchIndex::found(const QString& search)
{
    auto query = ContactQuery::create(m_session->database());
    if (!query)
        return {QStringLiteral("no query")};
    ContactFilter filter;
    filter.search = search;
    auto rows = (*query)->rows(filter, {}, 0, 100000);
    if (!rows)
        return {rows.error().toString()};
    QStringList emails;
    for (const Contact& c : *rows)
        emails << c.value(Field::Email);
    emails.sort();
    // The count the window shows is read from the index alone: it must agree.
    auto count = (*query)->count(filter);
    if (!count || *count != emails.size())
        emails << QStringLiteral("count %1").arg(count ? *count : -1);
    return emails;
}

void TestSearchIndex::indexFollowsEveryWrite_data()
{
    QTest::addColumn<QStringList>("steps");
    // "search=email,email" (the primary emails of the contacts found, any order; none after '='), or
    // "search#N" for a count.
    QTest::addColumn<QStringList>("expected");
    const QStringList seeded {"lovelace=ada@example.org",
                              "math=ada@example.org,edsger@tue.nl",
                              "professor=barbara@mit.edu,edsger@tue.nl",
                              "cobol=grace@navy.mil",
                              "0142=alan@bletchley.uk",
                              "0612=ada@example.org",
                              "liskov=barbara@mit.edu"};
    const QString editAda = "upsert email=ada@example.org|last_name=Byron|job_title=Poet|tags=verse|phone=+33698765432";
    const QStringList editedAda {"lovelace=",           "byron=ada@example.org", "countess=",
                                 "math=edsger@tue.nl",  "verse=ada@example.org", "0612=ada@example.org",
                                 "0698=ada@example.org"};
    const QStringList merged {"liskov=", "barbara=ada@example.org", "professor=edsger@tue.nl",
                              "lovelace=ada@example.org"};
    const QString batch = "batch email=ada@example.org|last_name=King"
                          ";first_name=Kurt|last_name=Godel|email=kurt@ias.edu|tags=logic"
                          ";email=kurt@ias.edu|job_title=Logician"
                          ";email=edsger@tue.nl|tags+=logic"
                          ";email=grace@navy.mil|extra_emails+=amazing@grace.org";
    const QStringList batched {"king=ada@example.org",
                               "lovelace=",
                               "logic=edsger@tue.nl,kurt@ias.edu",
                               "logician=kurt@ias.edu",
                               "godel=kurt@ias.edu",
                               "amazing=grace@navy.mil",
                               "math=ada@example.org,edsger@tue.nl"};

    QTest::newRow("seeded") << QStringList {} << seeded;
    QTest::newRow("edit searchable fields") << QStringList {editAda} << editedAda;
    QTest::newRow("edit a field not searched")
        << QStringList {"upsert email=ada@example.org|city=London"} << QStringList {"lovelace=ada@example.org"};
    QTest::newRow("edit the lists")
        << QStringList {"upsert email=grace@navy.mil|extra_emails=hopper@univac.com|extra_phones=+33 4 91 00 00 00"}
        << QStringList {"univac=grace@navy.mil", "0491=grace@navy.mil", "cobol=grace@navy.mil",
                        "0142=alan@bletchley.uk"};
    QTest::newRow("clear a field") << QStringList {"upsert email=alan@bletchley.uk|!job_title"}
                                   << QStringList {"cryptanalyst=", "turing=alan@bletchley.uk"};
    QTest::newRow("tag") << QStringList {"tag edsger@tue.nl cobol"}
                         << QStringList {"cobol=edsger@tue.nl,grace@navy.mil"};
    QTest::newRow("delete") << QStringList {"delete alan@bletchley.uk"} << QStringList {"turing=", "0142="};
    QTest::newRow("merge") << QStringList {"merge ada@example.org barbara@mit.edu"} << merged;
    QTest::newRow("undo an edit") << QStringList {editAda, "undo"} << seeded;
    QTest::newRow("redo an edit") << QStringList {editAda, "undo", "redo"} << editedAda;
    QTest::newRow("undo a delete") << QStringList {"delete alan@bletchley.uk", "undo"} << seeded;
    QTest::newRow("undo a merge") << QStringList {"merge ada@example.org barbara@mit.edu", "undo"} << seeded;
    QTest::newRow("redo a merge") << QStringList {"merge ada@example.org barbara@mit.edu", "undo", "redo"} << merged;
    QTest::newRow("batch over existing contacts") << QStringList {batch} << batched;
    QTest::newRow("undo a batch") << QStringList {batch, "undo"}
                                  << (QStringList(seeded) << "godel="
                                                          << "amazing=");
    QTest::newRow("redo a batch") << QStringList {batch, "undo", "redo"} << batched;
    QTest::newRow("undo and redo the first import") << QStringList {"undo", "redo"} << seeded;
    QTest::newRow("undo the first import") << QStringList {"undo"} << QStringList {"professor=", "lovelace="};
    QTest::newRow("import a file over existing contacts")
        << QStringList {"import First Name,Last Name,Email,Job Title/Ada,Lovelace,ada@example.org,Enchantress/"
                        "Nat,Person,nat@example.org,Chef/Nat,Person,nat@example.org,Head Chef"}
        << QStringList {"enchantress=ada@example.org", "countess=", "chef=nat@example.org", "lovelace=ada@example.org"};
    QTest::newRow("undo a file's import")
        << QStringList {"import First Name,Last Name,Email,Job Title/Ada,Lovelace,ada@example.org,Enchantress/"
                        "Nat,Person,nat@example.org,Chef",
                        "undo"}
        << (QStringList(seeded) << "chef="
                                << "enchantress=");
    // Large enough for the undo to rebuild the search index rather than update it row by row.
    QTest::newRow("undo and redo a large import") << QStringList {"bulk 10500", editAda, "undo", "undo", "redo"}
                                                  << (QStringList(seeded) << "bulk1049#11"
                                                                          << "bulk#10500");
    QTest::newRow("undo a large import") << QStringList {"bulk 10500", "undo"} << (QStringList(seeded) << "bulk#0");
}

void TestSearchIndex::indexFollowsEveryWrite()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expected);
    seed();
    for (const QString& step : steps) {
        run(step);
        if (QTest::currentTestFailed())
            return;
        m_clock.advance(1000);
        const QString difference = indexDifference();
        QVERIFY2(difference.isEmpty(), qPrintable(step + QStringLiteral(": ") + difference));
    }
    QCOMPARE(indexDifference(), QString());
    for (const QString& check : expected) {
        if (const qsizetype hash = check.indexOf(QLatin1Char('#')); hash > 0) {
            QVERIFY2(found(check.left(hash)).size() == check.mid(hash + 1).toInt(), qPrintable(check));
            continue;
        }
        const qsizetype eq = check.indexOf(QLatin1Char('='));
        QStringList want = check.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        want.sort();
        QVERIFY2(found(check.left(eq)) == want,
                 qPrintable(check + QStringLiteral(" found ") + found(check.left(eq)).join(QLatin1Char(','))));
    }
}

// The comparison above sees a search row that no longer matches what is stored (a write that changed a
// contact behind the index's back).
void TestSearchIndex::checkFindsAStaleRow()
{
    seed();
    QCOMPARE(indexDifference(), QString());
    QVERIFY(SqlStatement::execute(m_session->database(),
                                  "UPDATE contacts SET last_name = 'Byron' WHERE email = 'ada@example.org'"));
    QVERIFY(indexDifference().contains(QStringLiteral("lovelace")));
}

// Issue #15: no second copy of the searchable text, no index on uid, list rows stored once, short uids.
void TestSearchIndex::storesEachValueOnce()
{
    seed();
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'contacts_fts_content'"), 0);
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' "
                    "AND sql IS NULL"),
             0);
    for (const char* table :
         {"contact_emails", "contact_tags", "contact_phones", "contact_websites", "contact_custom_values"}) {
        QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE name = '" + QByteArray(table)
                        + "' AND sql LIKE '%WITHOUT ROWID'"),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE tbl_name = '" + QByteArray(table)
                        + "' AND name LIKE 'sqlite_autoindex%'"),
                 0);
    }
    // Each uid is stored as its 16 bytes (StoredUid) and read as its 22 base64url characters.
    QCOMPARE(scalar("SELECT count(*) FROM contacts WHERE typeof(uid) = 'blob' AND length(uid) = 16"), 5);
    SqlStatement ids(m_session->database(), "SELECT id FROM contacts");
    ContactTable table(m_session->database());
    QVERIFY(table.prepare());
    static const QRegularExpression compact(QStringLiteral("^[A-Za-z0-9_-]{22}$"));
    QSet<QString> seen;
    while (ids.next()) {
        const auto contact = table.load(ids.columnInt(0));
        QVERIFY(contact);
        QVERIFY2(compact.match(contact->uid).hasMatch(), qPrintable(contact->uid));
        seen.insert(contact->uid);
    }
    QCOMPARE(seen.size(), 5);
}

void TestSearchIndex::firstLargeImportIndexedAside_data()
{
    QTest::addColumn<bool>("anotherWriter");
    QTest::addColumn<bool>("contactsBefore");
    QTest::newRow("alone") << false << false;
    // Another connection indexes a contact of its own during the import: the side index cannot replace the main
    // one any more, and the import adds what the main index lacks instead.
    QTest::newRow("another writer meanwhile") << true << false;
    // The database had contacts, which the import changes: the side index holds them too, and their changes, so
    // that it can replace the main index. It used to build its search rows on the writer's core instead (a million
    // rows into a file of one contact: 52 s instead of 33).
    QTest::newRow("into a database with contacts") << false << true;
    // ... and when another writer changed the main index meanwhile, the main index is built again: it still holds
    // the old values of the contacts the import changed.
    QTest::newRow("into a database with contacts, another writer meanwhile") << true << true;
}

// Issue #15: a large import into an empty database builds its search rows on another thread, in a side database
// copied in at the end. Rows changed after their batch (a later row matching an earlier contact by phone) are
// indexed there again; the result must be the index the usual way would have built.
void TestSearchIndex::firstLargeImportIndexedAside()
{
    QFETCH(bool, anotherWriter);
    QFETCH(bool, contactsBefore);
    if (contactsBefore) {
        seed();
        // Found by the file's phones below: renamed, retitled and tagged by the import.
        run(QStringLiteral("batch email=old1@example.org|first_name=Olga|job_title=Clerk|phone=+33699000001"
                           ";email=old2@example.org|first_name=Oscar|job_title=Porter|phone=+33699000002"));
    }
    const QString path = m_dir->filePath(QStringLiteral("large.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("First Name,Last Name,Email,Phone,Job Title,Tags\n");
        for (int i = 0; i < 12000; ++i)
            file.write(QStringLiteral("Name%1,Family%2,person%1@example.com,+336%3,Title%1,tag%4\n")
                           .arg(i)
                           .arg(i % 97)
                           .arg(10000000 + i)
                           .arg(i % 5)
                           .toUtf8());
        // Later batches change contacts of the first one, found by phone.
        for (int i = 0; i < 30; ++i)
            file.write(QStringLiteral(",,,+336%1,Renamed%2,\n").arg(10000000 + i).arg(i).toUtf8());
        if (contactsBefore) {
            file.write("Olivia,,,+33699000001,Manager,vip\n");
            file.write(",Ortega,,+33699000002,,\n");
        }
    }
    std::unique_ptr<StoreSession> other;
    if (anotherWriter) {
        auto session = StoreSession::open(m_dir->filePath(QStringLiteral("db.sqlite")), QStringLiteral("FR"));
        QVERIFY(session);
        other = std::move(*session);
    }
    ImportOptions options;
    options.path = path;
    options.batchSize = 2500;
    ImportJob job(*m_session, options);
    bool wrote = false;
    bool aside = false;
    connect(&job, &ImportJob::progress, this, [&](qint64 rows, qint64, qint64) {
        aside = aside || scalar("SELECT count(*) FROM settings WHERE key LIKE 'search_index.pending.%'") == 1;
        if (other && !wrote && rows >= 5000) {
            wrote = true;
            auto result = other->engine().upsert(patchFrom(u"first_name=Outsider|email=outsider@example.org"_qs),
                                                 UpsertPolicies::local(), {QStringLiteral("manual"), {}});
            QVERIFY(result && result->status == UpsertResult::Status::Created);
        }
    });
    auto summary = job.run();
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->created, 12000);
    QCOMPARE(summary->updated, contactsBefore ? 32 : 30);
    QCOMPARE(wrote, anotherWriter);
    QVERIFY(aside); // the search rows were built on the side index's thread

    QCOMPARE(indexDifference(), QString());
    QCOMPARE(scalar("SELECT count(*) FROM contacts_fts_docsize"),
             scalar("SELECT count(*) FROM contacts WHERE deleted_at IS NULL"));
    QCOMPARE(scalar("SELECT count(*) FROM settings WHERE key LIKE 'search_index.%'"), 0);
    QCOMPARE(found(u"renamed7"_qs), QStringList {u"person7@example.com"_qs});
    QVERIFY(!found(u"title7"_qs).contains(u"person7@example.com"_qs)); // renamed: its old title left the index
    QVERIFY(found(u"title31"_qs).contains(u"person31@example.com"_qs));
    QVERIFY(found(u"family3"_qs).size() > 100);
    if (anotherWriter)
        QCOMPARE(found(u"outsider"_qs), QStringList {u"outsider@example.org"_qs});
    if (contactsBefore) {
        QCOMPARE(found(u"olivia"_qs), QStringList {u"old1@example.org"_qs});
        QCOMPARE(found(u"olga"_qs), QStringList {});
        QCOMPARE(found(u"clerk"_qs), QStringList {});
        QCOMPARE(found(u"vip manager"_qs), QStringList {u"old1@example.org"_qs});
        QCOMPARE(found(u"ortega"_qs), QStringList {u"old2@example.org"_qs});
        QCOMPARE(found(u"lovelace"_qs), QStringList {u"ada@example.org"_qs});
    }
    // The side database is gone.
    const QStringList left = QDir(m_dir->path()).entryList({QStringLiteral("*-search-*")});
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u", "_qs)));
}

// The repair at an open forgets only the notes of loads that no longer run: a load that has held its lock for an
// hour is still running as long as its process is.
void TestSearchIndex::repairLeavesARunningLoadAlone()
{
    Database& db = m_session->database();
    auto side = SideSearchIndex::start(db);
    QVERIFY(side);
    const QString lockPath = QDir(m_dir->path()).entryInfoList({QStringLiteral("*-search-*.lock")}).value(0).filePath();
    QVERIFY(!lockPath.isEmpty());
    QFile lockFile(lockPath);
    QVERIFY(lockFile.open(QIODevice::ReadWrite));
    QVERIFY(lockFile.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
    lockFile.close();
    const QByteArray notes = "SELECT count(*) FROM settings WHERE key LIKE 'search_index.pending.%'";
    QCOMPARE(scalar(notes), 1);
    QVERIFY(SideSearchIndex::repairMain(db));
    QCOMPARE(scalar(notes), 1);
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*-search-*.lock")}).size(), 1);
    // Dropped without its end (as when the process dies): the next repair forgets it and removes its file.
    side->reset();
    QVERIFY(SideSearchIndex::repairMain(db));
    QCOMPARE(scalar(notes), 0);
    QCOMPARE(QDir(m_dir->path()).entryList({QStringLiteral("*-search-*")}), QStringList());
}

// A load into a database with contacts changes them in its side index only, leaving their old values in the main
// one until its end: killed before it, the next repair builds the main index again instead of only adding what it
// lacks.
void TestSearchIndex::repairAfterAKilledLoadThatHeldContacts()
{
    seed();
    Database& db = m_session->database();
    auto side = SideSearchIndex::start(db, true);
    QVERIFY(side);
    // What the load's writer does to a contact the side index holds: its row changes, the main index does not.
    QVERIFY(SqlStatement::execute(db, "UPDATE contacts SET last_name = 'Byron' WHERE email = 'ada@example.org'"));
    QVERIFY(indexDifference().contains(QStringLiteral("lovelace")));
    side->reset(); // killed: no end, no copy
    QVERIFY(SideSearchIndex::repairMain(db));
    QCOMPARE(indexDifference(), QString());
    QCOMPARE(found(u"byron"_qs), QStringList {u"ada@example.org"_qs});
    QCOMPARE(scalar("SELECT count(*) FROM settings WHERE key LIKE 'search_index.%'"), 0);
}

// A load killed after it locked its side file and before it noted the load in the database left a lock and a side
// file no note names (tst_importkill met it once in twelve kills, on a slower machine): the next repair removes
// them when their process is gone, and leaves a live one's alone.
void TestSearchIndex::repairRemovesWhatALoadKilledBeforeItsNoteLeft()
{
    Database& db = m_session->database();
    // A lock as QLockFile writes it, for a process that has ended.
    QString contents;
    {
        QLockFile mine(m_dir->filePath(QStringLiteral("probe.lock")));
        QVERIFY(mine.tryLock(0));
        QFile probe(m_dir->filePath(QStringLiteral("probe.lock")));
        QVERIFY(probe.open(QIODevice::ReadOnly));
        contents = QString::fromUtf8(probe.readAll());
    }
    QProcess ended;
    ended.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    QVERIFY(ended.waitForStarted());
    const qint64 gone = ended.processId();
    QVERIFY(ended.waitForFinished());
    const QString dead = db.path() + QStringLiteral("-search-1-1");
    const QString alive = db.path() + QStringLiteral("-search-2-1");
    for (const auto& [side, pid] : {std::pair {dead, gone}, std::pair {alive, QCoreApplication::applicationPid()}}) {
        QFile lock(side + QStringLiteral(".lock"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(
            QString(contents).replace(QRegularExpression(QStringLiteral("^\\d+")), QString::number(pid)).toUtf8());
        lock.close();
        QFile file(side);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(SideSearchIndex::repairMain(db));
    QVERIFY(!QFile::exists(dead));
    QVERIFY(!QFile::exists(dead + QStringLiteral(".lock")));
    QVERIFY(QFile::exists(alive));
    QVERIFY(QFile::exists(alive + QStringLiteral(".lock")));
}

void TestSearchIndex::removalByAnotherProgram_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QByteArray>("removal");
    QTest::addColumn<QStringList>("expected");
    const QByteArray ada = "DELETE FROM contacts WHERE email = 'ada@example.org'";
    QTest::newRow("foreign keys off (the sqlite3 shell)")
        << QStringList() << QByteArray("PRAGMA foreign_keys = OFF; " + ada)
        << QStringList {"lovelace=", "poet=", "math=edsger@tue.nl", "0612345678=", "grace=grace@navy.mil"};
    QTest::newRow("foreign keys on") << QStringList() << QByteArray("PRAGMA foreign_keys = ON; " + ada)
                                     << QStringList {"lovelace=", "poet=", "math=edsger@tue.nl",
                                                     "grace=grace@navy.mil"};
    QTest::newRow("a contact Roster had deleted")
        << QStringList {"delete ada@example.org"} << ada << QStringList {"lovelace=", "math=edsger@tue.nl"};
    QTest::newRow("two of them, one Roster had deleted")
        << QStringList {"delete grace@navy.mil"}
        << QByteArray("DELETE FROM contacts WHERE email IN ('grace@navy.mil', 'alan@bletchley.uk')")
        << QStringList {"grace=", "cobol=", "turing=", "0142685300=", "lovelace=ada@example.org"};
    QTest::newRow("every contact") << QStringList() << QByteArray("DELETE FROM contacts")
                                   << QStringList {"lovelace=", "professor=", "a="};
    // Roster's own writes never remove a row: nothing is noted, and the open repairs nothing.
    QTest::newRow("no removal") << QStringList {"delete ada@example.org", "undo"} << QByteArray()
                                << QStringList {"lovelace=ada@example.org"};
}

// Another program (the sqlite3 shell) removes contact rows: at the next open their words leave the search index,
// which it cannot do without the values they were indexed with, and what referred to them goes. The index used to
// keep them, so a search for their words counted rows it could not show.
void TestSearchIndex::removalByAnotherProgram()
{
    QFETCH(QStringList, before);
    QFETCH(QByteArray, removal);
    QFETCH(QStringList, expected);
    seed();
    for (const QString& step : std::as_const(before))
        run(step);
    const QString path = m_dir->filePath(QStringLiteral("db.sqlite"));
    if (!removal.isEmpty()) {
        // A connection with nothing of Roster's: no functions, no settings.
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(other, removal.constData(), nullptr, nullptr, &error);
        const QString message = QString::fromUtf8(error ? error : "");
        sqlite3_free(error);
        sqlite3_close(other);
        QVERIFY2(rc == SQLITE_OK, qPrintable(message));
    }
    m_session.reset();
    auto session = StoreSession::open(path, QStringLiteral("FR"));
    QVERIFY(session);
    m_session = std::move(*session);

    QCOMPARE(indexDifference(), QString());
    QCOMPARE(scalar("SELECT count(*) FROM contacts_fts_docsize"),
             scalar("SELECT count(*) FROM contacts WHERE deleted_at IS NULL"));
    QCOMPARE(scalar("SELECT count(*) FROM removed_contacts"), 0);
    QCOMPARE(scalar("SELECT (SELECT count(*) FROM contact_emails WHERE contact_id NOT IN (SELECT id FROM contacts)) "
                    "+ (SELECT count(*) FROM contact_phones WHERE contact_id NOT IN (SELECT id FROM contacts)) "
                    "+ (SELECT count(*) FROM contact_tags WHERE contact_id NOT IN (SELECT id FROM contacts))"),
             0);
    for (const QString& check : expected) {
        const qsizetype eq = check.indexOf(QLatin1Char('='));
        QStringList want = check.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        want.sort();
        // found() adds the count the window reads from the index when it differs from the rows shown.
        QVERIFY2(found(check.left(eq)) == want,
                 qPrintable(check + QStringLiteral(" found ") + found(check.left(eq)).join(QLatin1Char(','))));
    }
    // A new contact takes none of it.
    run(QStringLiteral("upsert first_name=Newcomer|email=new@example.org"));
    QCOMPARE(indexDifference(), QString());
    QCOMPARE(found(QStringLiteral("newcomer")), QStringList {QStringLiteral("new@example.org")});
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
