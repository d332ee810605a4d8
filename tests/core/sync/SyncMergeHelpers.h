#pragma once

#include "SyncFixture.h"
#include "store/RemoteLinkStore.h"

// What the two-way sync tests (tst_syncmerge, tst_syncsafety) share: the emulators' rate scales, the
// provider rows, and edits made on either side of contact u<i>.
namespace roster::test {

inline double scaleFor(const QString& provider)
{
    return provider == QLatin1String("monaco") ? 0.002 : provider == QLatin1String("getsales") ? 0.02 : 0.05;
}

inline void addProviders()
{
    QTest::addColumn<QString>("provider");
    for (const char* name : {"lemlist", "getsales", "highlevel", "monaco"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

inline qint64 contactId(SyncFixture& f, int i)
{
    qint64 found = 0;
    [[maybe_unused]] auto ok = f.session().contacts().forEach([&](const Contact& c) {
        if (c.value(Field::Email) == QStringLiteral("u%1@example.com").arg(i))
            found = c.id;
        return found == 0;
    });
    return found;
}

inline QString localValue(SyncFixture& f, int i, Field field)
{
    const auto c = f.session().contacts().contact(contactId(f, i));
    return c ? c->value(field) : QString();
}

inline void editLocally(SyncFixture& f, int i, Field field, const QString& value)
{
    ContactPatch p;
    p.setContactId(contactId(f, i));
    p.set(field, value);
    auto r = f.session().engine().upsert(p, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
    QVERIFY(r && r->status == UpsertResult::Status::Updated);
}

// Someone edits contact u<i> in the CRM: the same upsert the adapter would send, applied directly.
inline void editRemotely(SyncFixture& f, int i, const QString& firstName)
{
    Contact c;
    c.setValue(Field::FirstName, firstName);
    c.setValue(Field::Email, QStringLiteral("u%1@example.com").arg(i));
    c.setValue(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/user-%1").arg(i));
    c.setValue(Field::CompanyDomain, QStringLiteral("example.com"));
    auto provider = SyncSetup::provider(f.account());
    const auto spec = (*provider)->upsertRequest(c);
    QVERIFY(spec);
    QVERIFY(!f.emulator().seedContact(spec->jsonBody()).isEmpty());
}

inline QString remoteIdOf(SyncFixture& f, int i)
{
    RemoteLinkStore links(f.session().database());
    [[maybe_unused]] auto ok = links.prepare();
    return links.find(contactId(f, i), f.account().id)->remoteId;
}

inline QString dump(const SyncReport& r)
{
    return QString::fromUtf8(QJsonDocument(r.toJson()).toJson());
}

} // namespace roster::test
