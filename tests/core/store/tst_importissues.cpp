// An import keeps every rejection and warning of a file that may have a million rows: each must read back exactly
// as it was reported, in order, while the messages that differ only in what they quote share their text.
#include "store/ImportIssues.h"

#include <QTest>

using namespace roster;

namespace {

const QString kPhoneMessage = QStringLiteral("'%1' has no country code and no phone region is set; kept as typed "
                                             "(write it with its country code, or set a phone region)");

} // namespace

class TestImportIssues : public QObject
{
    Q_OBJECT

private slots:
    void readsBackExactly_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing quoted") << QStringLiteral("A contact needs at least an email or a LinkedIn URL");
        QTest::newRow("empty") << QString();
        QTest::newRow("one value") << kPhoneMessage.arg(QStringLiteral("06 12 34 56 78"));
        QTest::newRow("value with a quote") << QStringLiteral("'O'Brien's' is not a valid email; kept as typed");
        QTest::newRow("value at the end") << QStringLiteral("company_name: could not link 'Acme'");
        QTest::newRow("empty value") << QStringLiteral("'' is not a valid phone number; kept as typed");
        QTest::newRow("never closed") << QStringLiteral("a quoted cell 'Müller, Straße was never closed");
        QTest::newRow("closed by a letter only") << QStringLiteral("'it'sx");
        QTest::newRow("two values") << QStringLiteral("'a@b.c' and 'd@e.f' name the same person");
        QTest::newRow("only a quote") << QStringLiteral("'");
        QTest::newRow("not latin") << QStringLiteral("'+81 3-1234-5678' 電話番号 '東京'");
    }
    void readsBackExactly()
    {
        QFETCH(QString, message);
        ImportIssues issues;
        // Between others of other shapes, so a shape or value taken from the wrong entry would show.
        issues.append({7, QStringLiteral("phone"), ErrorCode::InvalidPhone, kPhoneMessage.arg(QStringLiteral("1"))});
        issues.append({8, QStringLiteral("email"), ErrorCode::InvalidEmail, message});
        issues.append({9, QString(), ErrorCode::ParseError, QStringLiteral("x")});
        QCOMPARE(issues.size(), 3);
        const ImportIssue read = issues.at(1);
        QCOMPARE(read.line, 8);
        QCOMPARE(read.field, QStringLiteral("email"));
        QCOMPARE(read.code, ErrorCode::InvalidEmail);
        QCOMPARE(read.message, message);
        QCOMPARE(issues.first().message, kPhoneMessage.arg(QStringLiteral("1")));
        QCOMPARE(issues.constLast().field, QString());
        QCOMPARE(issues.constLast().message, QStringLiteral("x"));
        QCOMPARE(issues.code(1), ErrorCode::InvalidEmail);
        QCOMPARE(issues.line(2), 9);
    }

    void iteratesInOrder()
    {
        ImportIssues issues;
        issues.append(QList<ImportIssue> {{1, QStringLiteral("a"), ErrorCode::InvalidPhone, QStringLiteral("'1' x")},
                                          {2, QStringLiteral("b"), ErrorCode::InvalidDate, QStringLiteral("'2' y")}});
        QList<qint64> lines;
        QStringList messages;
        for (const ImportIssue& issue : issues) {
            lines << issue.line;
            messages << issue.message;
        }
        QCOMPARE(lines, (QList<qint64> {1, 2}));
        QCOMPARE(messages, (QStringList {QStringLiteral("'1' x"), QStringLiteral("'2' y")}));
        const auto found = std::find_if(issues.cbegin(), issues.cend(),
                                        [](const ImportIssue& i) { return i.code == ErrorCode::InvalidDate; });
        QVERIFY(found != issues.cend());
        QCOMPARE(found->field, QStringLiteral("b"));
        QVERIFY(ImportIssues().isEmpty());
        QVERIFY(ImportIssues().begin() == ImportIssues().end());
    }

    // The rejected-rows file lists each row once, in file order, with its first reason; rows held for a later
    // row of their group are reported after it.
    void firstOfEachLineInFileOrder()
    {
        ImportIssues issues;
        for (const qint64 line : {5, 9, 3, 9, 5, 12, 3})
            issues.append({line, QString(), ErrorCode::ParseError, QStringLiteral("at %1").arg(issues.size())});
        const QList<qsizetype> first = issues.firstOfEachLine();
        QCOMPARE(first, (QList<qsizetype> {2, 0, 1, 5}));
        QCOMPARE(issues.at(first.at(0)).message, QStringLiteral("at 2"));
        QVERIFY(ImportIssues().firstOfEachLine().isEmpty());
    }

    // 100,000 phone warnings hold one copy of their common text: what each adds is its quoted value.
    void messagesOfOneShapeShareTheirText()
    {
        ImportIssues issues;
        qsizetype values = 0;
        for (int i = 0; i < 100000; ++i) {
            const QString phone = QStringLiteral("06 12 %1").arg(i);
            values += phone.size();
            issues.append({i + 2, QStringLiteral("phone"), ErrorCode::InvalidPhone, kPhoneMessage.arg(phone)});
        }
        QCOMPARE(issues.size(), 100000);
        QVERIFY2(issues.heldChars() < values + 1000, qPrintable(QString::number(issues.heldChars())));
        QCOMPARE(issues.at(54321).message, kPhoneMessage.arg(QStringLiteral("06 12 54321")));
        QCOMPARE(issues.at(54321).line, 54323);
    }

    // Messages with nothing quoted that all differ are kept whole past a bound, still exact.
    void manyDistinctMessagesStayExact()
    {
        ImportIssues issues;
        for (int i = 0; i < 10000; ++i)
            issues.append({i, QStringLiteral("f%1").arg(i % 3), ErrorCode::ParseError,
                           QStringLiteral("row has %1 columns").arg(i)});
        for (int i = 0; i < 10000; i += 997) {
            QCOMPARE(issues.at(i).message, QStringLiteral("row has %1 columns").arg(i));
            QCOMPARE(issues.at(i).field, QStringLiteral("f%1").arg(i % 3));
        }
    }
};

QTEST_GUILESS_MAIN(TestImportIssues)
#include "tst_importissues.moc"
