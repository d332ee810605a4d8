#include "sync/Provider.h"
#include "sync/ThreeWayMerge.h"

#include <QJsonArray>
#include <QTest>

using namespace roster;

Q_DECLARE_METATYPE(roster::ThreeWayMerge::Policy)
Q_DECLARE_METATYPE(roster::ThreeWayMerge::Action)

namespace {

// "" is empty (null), "[a,b]" a list, "~" a field the CRM did not send.
QJsonValue v(const QString& text)
{
    if (text.isEmpty())
        return QJsonValue();
    if (text.startsWith(QLatin1Char('[')))
        return FieldValues::list(text.mid(1, text.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts));
    return text;
}

} // namespace

class TestThreeWayMerge : public QObject
{
    Q_OBJECT

private slots:
    void mergeField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<ThreeWayMerge::Policy>("policy");
        QTest::addColumn<ThreeWayMerge::Action>("action");
        QTest::addColumn<QString>("merged");
        QTest::addColumn<bool>("byPolicy");

        using P = ThreeWayMerge::Policy;
        using A = ThreeWayMerge::Action;
        const auto f = QStringLiteral("job_title");
        const auto c = QStringLiteral("custom.plan");
        const auto t = QStringLiteral("tags");
        const auto e = QStringLiteral("extra_emails");
        // name  field base local remote policy action merged byPolicy
        QTest::newRow("nothing changed") << f << "CEO"
                                         << "CEO"
                                         << "CEO" << P::Ask << A::None << "CEO" << false;
        QTest::newRow("local only") << f << "CEO"
                                    << "CTO"
                                    << "CEO" << P::Ask << A::PushLocal << "CTO" << false;
        QTest::newRow("remote only") << f << "CEO"
                                     << "CEO"
                                     << "CFO" << P::Ask << A::TakeRemote << "CFO" << false;
        QTest::newRow("both the same") << f << "CEO"
                                       << "CFO"
                                       << "CFO" << P::Ask << A::Agreed << "CFO" << false;
        QTest::newRow("both differ, ask") << f << "CEO"
                                          << "CTO"
                                          << "CFO" << P::Ask << A::Conflict << "CTO" << false;
        QTest::newRow("both differ, local wins") << f << "CEO"
                                                 << "CTO"
                                                 << "CFO" << P::LocalWins << A::PushLocal << "CTO" << true;
        QTest::newRow("both differ, remote wins") << f << "CEO"
                                                  << "CTO"
                                                  << "CFO" << P::RemoteWins << A::TakeRemote << "CFO" << true;
        QTest::newRow("remote not sent") << f << "CEO"
                                         << "CEO"
                                         << "~" << P::Ask << A::None << "CEO" << false;
        QTest::newRow("remote not sent, local changed") << f << "CEO"
                                                        << "CTO"
                                                        << "~" << P::Ask << A::PushLocal << "CTO" << false;
        QTest::newRow("empty base, remote sets") << f << ""
                                                 << ""
                                                 << "CFO" << P::Ask << A::TakeRemote << "CFO" << false;
        QTest::newRow("empty base, both set differently") << f << ""
                                                          << "CTO"
                                                          << "CFO" << P::Ask << A::Conflict << "CTO" << false;
        QTest::newRow("remote cleared") << f << "CEO"
                                        << "CEO"
                                        << "" << P::Ask << A::TakeRemote << "" << false;
        QTest::newRow("local cleared, remote changed") << f << "CEO"
                                                       << ""
                                                       << "CFO" << P::Ask << A::Conflict << "" << false;
        QTest::newRow("custom remote only") << c << "gold"
                                            << "gold"
                                            << "silver" << P::Ask << A::TakeRemote << "silver" << false;
        QTest::newRow("custom both differ") << c << "gold"
                                            << "bronze"
                                            << "silver" << P::Ask << A::Conflict << "bronze" << false;
        QTest::newRow("tags remote added") << t << "[a]"
                                           << "[a]"
                                           << "[a,b]" << P::Ask << A::TakeRemote << "[a,b]" << false;
        QTest::newRow("tags both added, union") << t << "[a]"
                                                << "[a,c]"
                                                << "[a,b]" << P::Ask << A::TakeRemote << "[a,b,c]" << false;
        QTest::newRow("tags local removed") << t << "[a,b]"
                                            << "[a]"
                                            << "[a,b]" << P::Ask << A::PushLocal << "[a]" << false;
        QTest::newRow("tags remote removed is not taken") << t << "[a,b]"
                                                          << "[a,b]"
                                                          << "[a]" << P::Ask << A::None << "[a,b]" << false;
        QTest::newRow("tags same set, other order") << t << "[a,b]"
                                                    << "[b,a]"
                                                    << "[a,b]" << P::Ask << A::None << "[a,b]" << false;
        QTest::newRow("tags both added the same") << t << "[a]"
                                                  << "[a,b]"
                                                  << "[a,b]" << P::Ask << A::Agreed << "[a,b]" << false;
        QTest::newRow("extra emails remote added, policy local")
            << e << ""
            << ""
            << "[x@y.io]" << P::LocalWins << A::TakeRemote << "[x@y.io]" << false;
    }

    void mergeField()
    {
        QFETCH(QString, field);
        QFETCH(QString, base);
        QFETCH(QString, local);
        QFETCH(QString, remote);
        QFETCH(ThreeWayMerge::Policy, policy);
        QFETCH(ThreeWayMerge::Action, action);
        QFETCH(QString, merged);
        QFETCH(bool, byPolicy);
        const std::optional<QJsonValue> sent
            = remote == QLatin1String("~") ? std::nullopt : std::optional<QJsonValue>(v(remote));
        const auto r = ThreeWayMerge::mergeField(field, v(base), v(local), sent, policy);
        QCOMPARE(ThreeWayMerge::actionName(r.action), ThreeWayMerge::actionName(action));
        QCOMPARE(r.merged, v(merged));
        QCOMPARE(r.byPolicy, byPolicy);
        QCOMPARE(r.base, v(base));
        QCOMPARE(r.local, v(local));
    }

    // A full record (list or get reply) without a field the CRM reads back in full: cleared remotely.
    void mergeFullRecord_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<bool>("readInFull");
        QTest::addColumn<ThreeWayMerge::Policy>("policy");
        QTest::addColumn<ThreeWayMerge::Action>("action");
        QTest::addColumn<QString>("merged");
        QTest::addColumn<QString>("remoteSeen");

        using P = ThreeWayMerge::Policy;
        using A = ThreeWayMerge::Action;
        const auto f = QStringLiteral("job_title");
        const auto c = QStringLiteral("custom.plan");
        const auto t = QStringLiteral("tags");
        // name  field base local remote readInFull policy action merged remoteSeen
        QTest::newRow("cleared remotely, local unchanged") << f << "CEO"
                                                           << "CEO"
                                                           << "~" << true << P::Ask << A::TakeRemote << ""
                                                           << "";
        QTest::newRow("cleared remotely, local changed") << f << "CEO"
                                                         << "CTO"
                                                         << "~" << true << P::Ask << A::Conflict << "CTO"
                                                         << "";
        QTest::newRow("cleared remotely, local changed, remote wins")
            << f << "CEO"
            << "CTO"
            << "~" << true << P::RemoteWins << A::TakeRemote << ""
            << "";
        QTest::newRow("cleared on both sides") << f << "CEO"
                                               << ""
                                               << "~" << true << P::Ask << A::Agreed << ""
                                               << "";
        QTest::newRow("defined custom field cleared remotely") << c << "gold"
                                                               << "gold"
                                                               << "~" << true << P::Ask << A::TakeRemote << ""
                                                               << "";
        QTest::newRow("not carried, absent: untouched") << f << "CEO"
                                                        << "CEO"
                                                        << "~" << false << P::Ask << A::None << "CEO"
                                                        << "CEO";
        QTest::newRow("not carried, absent, local changed") << f << "CEO"
                                                            << "CTO"
                                                            << "~" << false << P::Ask << A::PushLocal << "CTO"
                                                            << "CEO";
        QTest::newRow("tags absent from a full record keep their elements")
            << t << "[a,b]"
            << "[a,b]"
            << "~" << true << P::Ask << A::None << "[a,b]"
            << "[a,b]";
        QTest::newRow("sent value still wins over absence") << f << "CEO"
                                                            << "CEO"
                                                            << "CFO" << true << P::Ask << A::TakeRemote << "CFO"
                                                            << "CFO";
    }

    void mergeFullRecord()
    {
        QFETCH(QString, field);
        QFETCH(QString, base);
        QFETCH(QString, local);
        QFETCH(QString, remote);
        QFETCH(bool, readInFull);
        QFETCH(ThreeWayMerge::Policy, policy);
        QFETCH(ThreeWayMerge::Action, action);
        QFETCH(QString, merged);
        QFETCH(QString, remoteSeen);
        const auto asMap = [&](const QString& text) {
            FieldMap map;
            if (text != QLatin1String("~") && !v(text).isNull())
                map.insert(field, v(text));
            return map;
        };
        // Another field the record carries as sent, so the record is not simply empty.
        FieldMap remoteMap = asMap(remote);
        remoteMap.insert(QStringLiteral("email"), QStringLiteral("a@x.io"));
        FieldMap baseMap = asMap(base);
        baseMap.insert(QStringLiteral("email"), QStringLiteral("a@x.io"));
        FieldMap localMap = asMap(local);
        localMap.insert(QStringLiteral("email"), QStringLiteral("a@x.io"));
        const QSet<QString> full = readInFull ? QSet<QString> {field} : QSet<QString>();
        const auto results = ThreeWayMerge::merge(baseMap, localMap, remoteMap, policy, full);
        if (action == ThreeWayMerge::Action::None) {
            QVERIFY(results.isEmpty());
            return;
        }
        QCOMPARE(results.size(), 1);
        const ThreeWayMerge::FieldResult& r = results.constFirst();
        QCOMPARE(r.field, field);
        QCOMPARE(ThreeWayMerge::actionName(r.action), ThreeWayMerge::actionName(action));
        QCOMPARE(r.merged, v(merged));
        QCOMPARE(r.remote, v(remoteSeen));
    }

    // What each adapter reads back in full: mapped fields only, never identities or lists, and custom
    // fields only once their definitions are known.
    void providersReadInFull()
    {
        ProviderOptions options;
        options.customFields << RemoteFieldDefinition {QStringLiteral("plan"),
                                                       {},
                                                       QStringLiteral("plan"),
                                                       QStringLiteral("Plan"),
                                                       QStringLiteral("text"),
                                                       {},
                                                       false};
        const auto lemlist = Provider::create(QStringLiteral("lemlist"), options);
        QVERIFY(lemlist);
        const QSet<QString> l = lemlist->fieldsReadInFull(true);
        QVERIFY(l.contains(QStringLiteral("job_title")));
        QVERIFY(l.contains(QStringLiteral("custom.plan")));
        for (const char* never : {"city", "email", "tags", "extra_emails", "company_domain", "do_not_contact", "notes"})
            QVERIFY2(!l.contains(QString::fromLatin1(never)), never);
        QVERIFY(!lemlist->fieldsReadInFull(false).contains(QStringLiteral("custom.plan")));

        const auto highlevel = Provider::create(QStringLiteral("highlevel"), options);
        QVERIFY(highlevel);
        const QSet<QString> h = highlevel->fieldsReadInFull(true);
        QVERIFY(h.contains(QStringLiteral("city")));
        QVERIFY(!h.contains(QStringLiteral("job_title")));
        QVERIFY(!h.contains(QStringLiteral("tags")));

        const auto monaco = Provider::create(QStringLiteral("monaco"));
        QVERIFY(monaco);
        const QSet<QString> m = monaco->fieldsReadInFull(true);
        QVERIFY(m.contains(QStringLiteral("job_title")));
        QVERIFY(!m.contains(QStringLiteral("company_domain"))); // only chooses the account
        QVERIFY(!m.contains(QStringLiteral("city")));

        const auto getsales = Provider::create(QStringLiteral("getsales"));
        QVERIFY(getsales);
        QVERIFY(getsales->fieldsReadInFull(true).contains(QStringLiteral("job_title")));
        QVERIFY(!getsales->fieldsReadInFull(true).contains(QStringLiteral("phone")));
    }

    void mergeWholeContact()
    {
        Contact base;
        base.setValue(Field::Email, QStringLiteral("a@x.io"));
        base.setValue(Field::JobTitle, QStringLiteral("CEO"));
        base.setValue(Field::City, QStringLiteral("Lyon"));
        base.custom.insert(QStringLiteral("plan"), QStringLiteral("gold"));
        Contact local = base;
        local.setValue(Field::City, QStringLiteral("Paris")); // local only
        local.setValue(Field::JobTitle, QStringLiteral("CTO")); // both
        ContactPatch remote;
        remote.set(Field::Email, QStringLiteral("a@x.io"));
        remote.set(Field::JobTitle, QStringLiteral("CFO"));
        remote.setCustom(QStringLiteral("plan"), QStringLiteral("silver")); // remote only
        const auto results = ThreeWayMerge::merge(FieldValues::fromContact(base), FieldValues::fromContact(local),
                                                  FieldValues::fromPatch(remote), ThreeWayMerge::Policy::Ask);
        QHash<QString, ThreeWayMerge::Action> byField;
        for (const auto& r : results)
            byField.insert(r.field, r.action);
        QCOMPARE(byField.size(), 3);
        QCOMPARE(byField.value(QStringLiteral("city")), ThreeWayMerge::Action::PushLocal);
        QCOMPARE(byField.value(QStringLiteral("job_title")), ThreeWayMerge::Action::Conflict);
        QCOMPARE(byField.value(QStringLiteral("custom.plan")), ThreeWayMerge::Action::TakeRemote);
    }

    void snapshotRoundTrip()
    {
        Contact c;
        c.setValue(Field::Email, QStringLiteral("a@x.io"));
        c.setValue(Field::DoNotContact, QStringLiteral("true"));
        c.tags = {QStringLiteral("b"), QStringLiteral("a")};
        c.custom.insert(QStringLiteral("plan"), QStringLiteral("gold"));
        const QString snap = QStringLiteral(R"({"email":"a@x.io","do_not_contact":true,"tags":["b","a"],)"
                                            R"("custom":{"plan":"gold"}})");
        QCOMPARE(FieldValues::fromSnapshot(snap), FieldValues::fromContact(c));
        const QString changed = FieldValues::withField(snap, QStringLiteral("custom.plan"), QJsonValue());
        QVERIFY(!FieldValues::fromSnapshot(changed).contains(QStringLiteral("custom.plan")));
        QCOMPARE(ThreeWayMerge::policyFromName(QStringLiteral("remote")), ThreeWayMerge::Policy::RemoteWins);
        QCOMPARE(ThreeWayMerge::policyFromName(QStringLiteral("bogus")), ThreeWayMerge::Policy::Ask);
    }
};

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
