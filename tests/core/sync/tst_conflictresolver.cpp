#include "store/AccountStore.h"
#include "store/RemoteLinkStore.h"
#include "store/StoreSession.h"
#include "store/SyncConflictStore.h"
#include "store/UpsertPolicies.h"
#include "sync/ConflictResolver.h"
#include "sync/FieldValues.h"
#include "sync/SyncFingerprint.h"

#include <QTemporaryDir>
#include <QTest>

using namespace roster;

class TestConflictResolver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreSession> m_session;
    qint64 m_account = 0;
    qint64 m_contact = 0;

    // A contact whose job title was CEO at the last sync, is CTO locally and CFO remotely.
    qint64 openConflict(const QString& field = QStringLiteral("job_title"))
    {
        SyncConflictStore store(m_session->database());
        SyncConflict c;
        c.contactId = m_contact;
        c.accountId = m_account;
        c.field = field;
        c.base = QStringLiteral("CEO");
        c.local = QStringLiteral("CTO");
        c.remote = QStringLiteral("CFO");
        return *store.record(c);
    }

    RemoteLink link()
    {
        RemoteLinkStore links(m_session->database());
        [[maybe_unused]] auto ok = links.prepare();
        return *links.find(m_contact, m_account);
    }

private slots:
    void init()
    {
        m_session.reset();
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("r.sqlite")));
        auto session = StoreSession::open(m_dir.filePath(QStringLiteral("r.sqlite")));
        QVERIFY(session);
        m_session = std::move(*session);
        AccountRecord account;
        account.name = QStringLiteral("acct");
        account.provider = QStringLiteral("lemlist");
        account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        m_account = *AccountStore(m_session->database()).add(account);
        ContactPatch patch;
        patch.set(Field::Email, QStringLiteral("ada@example.com"));
        patch.set(Field::JobTitle, QStringLiteral("CTO"));
        auto written = m_session->engine().upsert(patch, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
        QVERIFY(written);
        m_contact = written->contactId;
        Contact base = *m_session->contacts().contact(m_contact);
        base.setValue(Field::JobTitle, QStringLiteral("CEO"));
        RemoteLinkStore links(m_session->database());
        QVERIFY(links.prepare());
        QVERIFY(links.save({m_contact, m_account, QStringLiteral("r1"), QStringLiteral("hash"),
                            SyncFingerprint::snapshot(base), QDateTime::currentDateTimeUtc()}));
    }

    void keepLocal()
    {
        const qint64 id = openConflict();
        QVERIFY(ConflictResolver(*m_session).resolve(id, QStringLiteral("local")));
        QCOMPARE(m_session->contacts().contact(m_contact)->value(Field::JobTitle), QStringLiteral("CTO"));
        // The base now holds what the CRM has, so the local value reads as a change to push.
        QCOMPARE(FieldValues::fromSnapshot(link().snapshot).value(QStringLiteral("job_title")),
                 QJsonValue(QStringLiteral("CFO")));
        QVERIFY(link().syncedHash.isEmpty());
        const SyncConflict settled = *SyncConflictStore(m_session->database()).find(id);
        QVERIFY(!settled.isOpen());
        QCOMPARE(settled.resolution, QStringLiteral("local"));
    }

    void keepRemote()
    {
        const qint64 id = openConflict();
        QVERIFY(ConflictResolver(*m_session).resolve(id, QStringLiteral("remote")));
        QCOMPARE(m_session->contacts().contact(m_contact)->value(Field::JobTitle), QStringLiteral("CFO"));
        QCOMPARE(FieldValues::fromSnapshot(link().snapshot).value(QStringLiteral("job_title")),
                 QJsonValue(QStringLiteral("CFO")));
        QCOMPARE(link().syncedHash, QStringLiteral("hash"));
        QCOMPARE(*SyncConflictStore(m_session->database()).openCount(), 0);
        // Undoable like any edit.
        QVERIFY(m_session->undo().undo());
        QCOMPARE(m_session->contacts().contact(m_contact)->value(Field::JobTitle), QStringLiteral("CTO"));
    }

    void keepRemoteCustomClear()
    {
        SyncConflictStore store(m_session->database());
        SyncConflict c {0,
                        m_contact,
                        m_account,
                        QStringLiteral("job_title"),
                        QStringLiteral("CEO"),
                        QStringLiteral("CTO"),
                        QJsonValue(),
                        {},
                        {},
                        {}};
        const qint64 id = *store.record(c);
        QVERIFY(ConflictResolver(*m_session).resolve(id, QStringLiteral("remote")));
        QVERIFY(m_session->contacts().contact(m_contact)->value(Field::JobTitle).isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("keep");
        QTest::addColumn<bool>("settleFirst");
        QTest::addColumn<qint64>("offset");
        QTest::newRow("another word") << QStringLiteral("mine") << false << qint64(0);
        QTest::newRow("unknown id") << QStringLiteral("local") << false << qint64(1000);
        QTest::newRow("already settled") << QStringLiteral("remote") << true << qint64(0);
    }

    void refusals()
    {
        QFETCH(QString, keep);
        QFETCH(bool, settleFirst);
        QFETCH(qint64, offset);
        const qint64 id = openConflict();
        if (settleFirst)
            QVERIFY(ConflictResolver(*m_session).resolve(id, QStringLiteral("local")));
        const auto result = ConflictResolver(*m_session).resolve(id + offset, keep);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        // Nothing was written to the contact.
        QCOMPARE(m_session->contacts().contact(m_contact)->value(Field::JobTitle), QStringLiteral("CTO"));
    }
};

QTEST_GUILESS_MAIN(TestConflictResolver)
#include "tst_conflictresolver.moc"
