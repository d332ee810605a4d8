#pragma once

#include "FakeClock.h"
#include "PatchSpec.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/UndoManager.h"
#include "store/UpsertEngine.h"
#include "store/UpsertPolicies.h"

#include <QTemporaryDir>
#include <QTest>

namespace roster::test {

// A fresh database in a temporary folder with an engine, a reader and an undo manager on it.
struct StoreFixture
{
    QTemporaryDir dir;
    FakeClock clock;
    std::unique_ptr<Database> db;
    std::unique_ptr<UpsertEngine> engine;
    std::unique_ptr<ContactStore> store;
    std::unique_ptr<UndoManager> undo;

    StoreFixture()
    {
        auto opened = Database::open(dir.filePath(QStringLiteral("test.sqlite")));
        if (!opened)
            qFatal("cannot open test database: %s", qPrintable(opened.error().toString()));
        db = std::move(*opened);
        engine = std::move(*UpsertEngine::create(*db, clock, QStringLiteral("FR")));
        store = std::move(*ContactStore::create(*db));
        undo = std::move(*UndoManager::create(*db, clock));
    }

    UpsertResult upsert(const QString& spec, const UpsertPolicy& policy = UpsertPolicies::local())
    {
        auto result = engine->upsert(patchFrom(spec), policy, {QStringLiteral("manual"), spec});
        if (!result)
            qFatal("upsert failed: %s", qPrintable(result.error().toString()));
        clock.advance(1000);
        return *result;
    }

    // Checks a verdict against a data row: the status, the error code when rejected (else the warning code
    // expected, or none when `code` is empty), then "field=value" checks on the stored contact.
    void verify(const UpsertResult& result, int status, const QString& code, const QStringList& checks)
    {
        QCOMPARE(static_cast<int>(result.status), status);
        if (result.status == UpsertResult::Status::Rejected) {
            QVERIFY(result.error);
            QCOMPARE(errorCodeName(result.error->code), code);
            return;
        }
        QStringList warnings;
        for (const UpsertWarning& w : result.warnings)
            warnings << errorCodeName(w.code);
        if (code.isEmpty())
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char(','))));
        else
            QVERIFY2(warnings.contains(code), qPrintable(warnings.join(QLatin1Char(','))));
        const auto contact = store->contact(result.contactId);
        QVERIFY(contact);
        for (const QString& check : checks) {
            const qsizetype eq = check.indexOf(QLatin1Char('='));
            QCOMPARE(fieldText(*contact, check.left(eq)), check.mid(eq + 1));
        }
    }

    // Every live contact exported as text, to compare whole-database states.
    QString snapshot()
    {
        QString text;
        store->forEach([&](const Contact& c) {
            text += QString::number(c.id) + QLatin1Char(':');
            for (const QString& v : c.values)
                text += v + QLatin1Char('|');
            text += c.extraEmails.join(QLatin1Char(',')) + QLatin1Char('|') + c.tags.join(QLatin1Char(','))
                + QLatin1Char('|') + QString::number(c.companyId) + QLatin1Char('|');
            for (auto it = c.custom.cbegin(); it != c.custom.cend(); ++it)
                text += it.key() + QLatin1Char('=') + it.value() + QLatin1Char(';');
            text += QLatin1Char('\n');
            return true;
        });
        return text;
    }

    qint64 scalar(const char* sql)
    {
        SqlStatement q(*db, sql);
        return q.next() ? q.columnInt(0) : -1;
    }

    // Every index of the database, name and definition, to check that one is left exactly as it was.
    QString indexes()
    {
        SqlStatement q(*db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name");
        QString text;
        while (q.next())
            text += q.columnText(0) + QLatin1Char(':') + q.columnText(1) + QLatin1Char('\n');
        return text;
    }
};

} // namespace roster::test
