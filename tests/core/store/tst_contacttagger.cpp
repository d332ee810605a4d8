#include "StoreFixture.h"
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
    QTest::addColumn<int>("changed");
    QTest::newRow("add") << true << "new" << 6;
    QTest::newRow("add one some have") << true << "keep" << 3;
    QTest::newRow("remove") << false << "old" << 6;
    QTest::newRow("remove any case") << false << "KEEP" << 3;
}

void TestContactTagger::bulkChangeIsOneUndoStep()
{
    QFETCH(bool, add);
    QFETCH(QString, tag);
    QFETCH(int, changed);
    StoreFixture f;
    const QVector<qint64> ids = seed(f, 6);
    QMap<qint64, QStringList> before;
    for (qint64 id : ids)
        before.insert(id, f.store->contact(id)->tags);
    ContactTagger tagger(*f.engine, *f.store);
    const WriteOrigin origin {QStringLiteral("manual"), QStringLiteral("bulk")};
    auto result = add ? tagger.addTag(ids, tag, origin) : tagger.removeTag(ids, tag, origin);
    QVERIFY(result);
    QCOMPARE(*result, changed);
    for (qint64 id : ids) {
        const QStringList tags = f.store->contact(id)->tags;
        QCOMPARE(tags.contains(tag, Qt::CaseInsensitive), add);
    }
    QCOMPARE(f.undo->nextUndo()->label, QStringLiteral("bulk"));
    QVERIFY(f.undo->undo());
    for (qint64 id : ids)
        QCOMPARE(f.store->contact(id)->tags, before.value(id));
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
