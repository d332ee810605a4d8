#include "StoreFixture.h"
#include "contact/ContactJson.h"
#include "store/ContactTagger.h"

using namespace roster;
using namespace roster::test;

class TestContactTagger : public QObject
{
    Q_OBJECT

private slots:
    void bulkChangeIsOneUndoStep_data();
    void bulkChangeIsOneUndoStep();
    void nothingToChangeLeavesNoStep();
};

static QVector<qint64> seed(StoreFixture& f, int n)
{
    QVector<qint64> ids;
    for (int i = 0; i < n; ++i)
        ids << f.upsert(QStringLiteral("first_name=P%1|email=p%1@example.com|tags=%2")
                            .arg(i)
                            .arg(i % 2 ? QStringLiteral("old") : QStringLiteral("old,keep")))
                   .contactId;
    return ids;
}

void TestContactTagger::bulkChangeIsOneUndoStep_data()
{
    QTest::addColumn<bool>("add");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("contacts");
    QTest::addColumn<int>("changed");
    // From 2,048 contacts the engine normalises the batch on a thread of its own (NormalizeAhead).
    for (const int n : {6, 3000}) {
        QTest::addRow("add, %d", n) << true << "new" << n << n;
        QTest::addRow("add one some have, %d", n) << true << "keep" << n << n / 2;
        QTest::addRow("remove, %d", n) << false << "old" << n << n;
        QTest::addRow("remove any case, %d", n) << false << "KEEP" << n << n / 2;
    }
}

void TestContactTagger::bulkChangeIsOneUndoStep()
{
    QFETCH(bool, add);
    QFETCH(QString, tag);
    QFETCH(int, contacts);
    QFETCH(int, changed);
    StoreFixture f;
    const QVector<qint64> ids = seed(f, contacts);
    QMap<qint64, Contact> before;
    for (qint64 id : ids)
        before.insert(id, *f.store->contact(id));
    ContactTagger tagger(*f.engine, *f.store);
    const WriteOrigin origin {QStringLiteral("manual"), QStringLiteral("bulk")};
    auto result = add ? tagger.addTag(ids, tag, origin) : tagger.removeTag(ids, tag, origin);
    QVERIFY(result);
    QCOMPARE(*result, changed);
    for (qint64 id : ids) {
        const Contact after = *f.store->contact(id);
        QCOMPARE(after.tags.contains(tag, Qt::CaseInsensitive), add);
        // Nothing but the tags changed.
        Contact expected = before.value(id);
        expected.tags = after.tags;
        QCOMPARE(ContactJson::toJson(after), ContactJson::toJson(expected));
        QCOMPARE(after.companyId, expected.companyId);
    }
    QCOMPARE(f.undo->nextUndo()->label, QStringLiteral("bulk"));
    QVERIFY(f.undo->undo());
    for (qint64 id : ids)
        QCOMPARE(f.store->contact(id)->tags, before.value(id).tags);
}

void TestContactTagger::nothingToChangeLeavesNoStep()
{
    StoreFixture f;
    const QVector<qint64> ids = seed(f, 2);
    const QString last = f.undo->nextUndo()->label;
    ContactTagger tagger(*f.engine, *f.store);
    auto result = tagger.removeTag(ids, QStringLiteral("absent"), {QStringLiteral("manual"), QStringLiteral("x")});
    QVERIFY(result);
    QCOMPARE(*result, 0);
    QCOMPARE(f.undo->nextUndo()->label, last);
}

QTEST_GUILESS_MAIN(TestContactTagger)
#include "tst_contacttagger.moc"
