#include "StoreFixture.h"
#include "store/AccountStore.h"
#include "store/SyncConflictStore.h"

#include <QJsonArray>

using namespace roster;
using namespace roster::test;

class TestSyncConflictStore : public QObject
{
    Q_OBJECT

private:
    struct Setup
    {
        StoreFixture fx;
        qint64 account = 0;
        qint64 contact = 0;
        std::unique_ptr<SyncConflictStore> store;

        Setup()
        {
            AccountRecord record;
            record.name = QStringLiteral("crm");
            record.provider = QStringLiteral("lemlist");
            record.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
            account = *AccountStore(*fx.db).add(record);
            contact = fx.upsert(QStringLiteral("email=ada@example.com")).contactId;
            store = std::make_unique<SyncConflictStore>(*fx.db);
        }

        SyncConflict conflict(const QString& field, QJsonValue base, QJsonValue local, QJsonValue remote) const
        {
            SyncConflict c;
            c.contactId = contact;
            c.accountId = account;
            c.field = field;
            c.base = std::move(base);
            c.local = std::move(local);
            c.remote = std::move(remote);
            return c;
        }
    };

private slots:
    void valuesReadBackExactly_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("text") << QJsonValue(QStringLiteral("Lyon \"centre\""));
        QTest::newRow("non-ascii") << QJsonValue(QStringLiteral("Anaïs Müller"));
        QTest::newRow("list") << QJsonValue(QJsonArray {QStringLiteral("vip"), QStringLiteral("paris")});
        QTest::newRow("empty list") << QJsonValue(QJsonArray {});
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    }

    void valuesReadBackExactly()
    {
        QFETCH(QJsonValue, value);
        Setup s;
        const auto id = s.store->record(s.conflict(QStringLiteral("city"), value, value, value));
        QVERIFY(id);
        const auto found = s.store->find(*id);
        QVERIFY(found);
        QCOMPARE(found->base, value);
        QCOMPARE(found->local, value);
        QCOMPARE(found->remote, value);
        QVERIFY(found->isOpen());
        QVERIFY(found->foundAt.isValid());
    }

    void oneOpenConflictPerField()
    {
        Setup s;
        const qint64 first = *s.store->record(s.conflict(QStringLiteral("city"), QStringLiteral("Paris"),
                                                         QStringLiteral("Lyon"), QStringLiteral("Nice")));
        const qint64 again = *s.store->record(s.conflict(QStringLiteral("city"), QStringLiteral("Paris"),
                                                         QStringLiteral("Lyon"), QStringLiteral("Lille")));
        QCOMPARE(again, first);
        QCOMPARE(s.store->find(first)->remote, QJsonValue(QStringLiteral("Lille")));
        QVERIFY(
            *s.store->record(s.conflict(QStringLiteral("job_title"), {}, QStringLiteral("CTO"), QStringLiteral("CEO")))
            != first);
        QCOMPARE(*s.store->openCount(), 2);
        QCOMPARE(*s.store->openCount(s.account), 2);
        QCOMPARE(*s.store->openCount(s.account + 1), 0);
        const auto open = s.store->open();
        QVERIFY(open);
        QCOMPARE(open->size(), 2);
        QCOMPARE(open->first().field, QStringLiteral("city"));
    }

    void resolving_data()
    {
        QTest::addColumn<QString>("keep");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("local") << QStringLiteral("local") << true;
        QTest::newRow("remote") << QStringLiteral("remote") << true;
        QTest::newRow("other word") << QStringLiteral("mine") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void resolving()
    {
        QFETCH(QString, keep);
        QFETCH(bool, accepted);
        Setup s;
        const qint64 id = *s.store->record(s.conflict(QStringLiteral("city"), QStringLiteral("Paris"),
                                                      QStringLiteral("Lyon"), QStringLiteral("Nice")));
        const auto resolved = s.store->markResolved(id, keep);
        QCOMPARE(bool(resolved), accepted);
        const auto after = *s.store->find(id);
        QCOMPARE(after.isOpen(), !accepted);
        if (!accepted) {
            QCOMPARE(resolved.error().code, ErrorCode::InvalidArgument);
            return;
        }
        QCOMPARE(after.resolution, keep);
        QCOMPARE(*s.store->openCount(), 0);
        // Settled once: a second answer is refused, and a new disagreement opens a new conflict.
        QVERIFY(!s.store->markResolved(id, keep));
        QVERIFY(*s.store->record(s.conflict(QStringLiteral("city"), QStringLiteral("Lyon"), QStringLiteral("Lyon 2"),
                                            QStringLiteral("Nice 2")))
                != id);
    }

    void unknownIdIsRefused()
    {
        Setup s;
        QCOMPARE(s.store->find(42).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(s.store->markResolved(42, QStringLiteral("local")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(s.store->openFor(s.contact, s.account, QStringLiteral("city"))->id, 0);
    }

    void agreementClosesTheConflict()
    {
        Setup s;
        const qint64 id = *s.store->record(s.conflict(QStringLiteral("city"), QStringLiteral("Paris"),
                                                      QStringLiteral("Lyon"), QStringLiteral("Nice")));
        QVERIFY(s.store->dropOpen(s.contact, s.account, QStringLiteral("city")));
        QVERIFY(!s.store->find(id)->isOpen());
        QCOMPARE(*s.store->openCount(), 0);
    }

    void deletionsWaitForTheUser()
    {
        Setup s;
        const qint64 id = *s.store->recordDeletion(s.contact, s.account, QStringLiteral("r1"));
        QCOMPARE(*s.store->recordDeletion(s.contact, s.account, QStringLiteral("r1")), id);
        QCOMPARE(s.store->pendingDeletions()->size(), 1);
        QCOMPARE(s.store->pendingDeletions(s.account)->first().remoteId, QStringLiteral("r1"));
        QCOMPARE(s.store->settleDeletion(id, QStringLiteral("maybe")).error().code, ErrorCode::InvalidArgument);
        QVERIFY(s.store->settleDeletion(id, QStringLiteral("dismissed")));
        QVERIFY(s.store->pendingDeletions()->isEmpty());
        QCOMPARE(s.store->settleDeletion(id, QStringLiteral("confirmed")).error().code, ErrorCode::InvalidArgument);
        QVERIFY(*s.store->recordDeletion(s.contact, s.account, QStringLiteral("r1")) != id);
    }

    void deletingTheContactDropsItsConflicts()
    {
        Setup s;
        QVERIFY(s.store->record(s.conflict(QStringLiteral("city"), QStringLiteral("Paris"), QStringLiteral("Lyon"),
                                           QStringLiteral("Nice"))));
        QVERIFY(AccountStore(*s.fx.db).remove(QStringLiteral("crm")));
        QCOMPARE(*s.store->openCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncConflictStore)
#include "tst_syncconflictstore.moc"
