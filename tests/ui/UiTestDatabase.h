#pragma once

#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"

#include <QTemporaryDir>
#include <QTest>

namespace roster::test {

// A database file in a temporary folder, filled through the engine's batch call.
struct UiTestDatabase
{
    QTemporaryDir dir;
    QString path = dir.filePath("ui.sqlite");

    std::unique_ptr<StoreSession> open() const
    {
        auto session = StoreSession::open(path, "FR");
        if (!session)
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(session.error().toString()));
        return std::move(*session);
    }

    // Contact n: "First<n> Last<n>", first<n>@company<n % 50>.example, tag "t<n % 7>".
    static ContactPatch generated(qint64 n)
    {
        ContactPatch p;
        p.set(Field::FirstName, QString("First%1").arg(n, 5, 10, QLatin1Char('0')));
        p.set(Field::LastName, QString("Last%1").arg(n, 5, 10, QLatin1Char('0')));
        p.set(Field::Email, QString("first%1@company%2.example").arg(n).arg(n % 50));
        p.set(Field::CompanyName, QString("Company %1").arg(n % 50));
        p.set(Field::CompanyDomain, QString("company%1.example").arg(n % 50));
        p.setTags({QString("t%1").arg(n % 7)}, TagMode::Replace);
        return p;
    }

    void fill(StoreSession& session, qint64 count) const
    {
        QVector<ContactPatch> patches;
        for (qint64 n = 0; n < count; ++n)
            patches << generated(n);
        auto op = session.engine().beginOperation({"import:test", "Generated"});
        auto results = session.engine().upsertBatch(patches, UpsertPolicies::local(), *op);
        if (!results)
            qFatal("fill failed");
    }
};

} // namespace roster::test
