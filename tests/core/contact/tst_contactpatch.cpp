#include "contact/ContactPatch.h"
#include "contact/Error.h"

#include <QTest>

using namespace roster;

class TestContactPatch final : public QObject
{
    Q_OBJECT

private slots:
    void setByName_data();
    void setByName();
    void emptyIsAbsentUnlessCleared();
    void errorNamesRoundTrip();
};

void TestContactPatch::setByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("fixed field") << "first_name" << true;
    QTest::newRow("extra emails") << "extra_emails" << true;
    QTest::newRow("tags") << "tags" << true;
    QTest::newRow("custom") << "custom.favourite_colour" << true;
    QTest::newRow("custom bad key") << "custom.a b" << false;
    QTest::newRow("unknown") << "nickname" << false;
    QTest::newRow("camelCase is not ours") << "firstName" << false;
}

void TestContactPatch::setByName()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    ContactPatch patch;
    QCOMPARE(patch.setByName(name, QStringLiteral("x")), accepted);
    QCOMPARE(patch.isEmpty(), !accepted);
}

void TestContactPatch::emptyIsAbsentUnlessCleared()
{
    ContactPatch patch;
    patch.set(Field::JobTitle, QString());
    QVERIFY(patch.has(Field::JobTitle));
    QVERIFY(!patch.isCleared(Field::JobTitle));
    patch.clear(Field::JobTitle);
    QVERIFY(patch.isCleared(Field::JobTitle));
    patch.set(Field::JobTitle, QStringLiteral("CTO"));
    QVERIFY(!patch.isCleared(Field::JobTitle));
}

void TestContactPatch::errorNamesRoundTrip()
{
    for (int i = 0; i <= static_cast<int>(kLastErrorCode); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        const QString name = errorCodeName(code);
        QVERIFY2(name != QLatin1String("Unknown"), qPrintable(QString::number(i)));
        ErrorCode back {};
        QVERIFY(errorCodeFromName(name, &back));
        QCOMPARE(back, code);
    }
}

QTEST_GUILESS_MAIN(TestContactPatch)
#include "tst_contactpatch.moc"
