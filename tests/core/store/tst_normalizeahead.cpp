// NormalizeAhead normalises a large batch on another thread: what it hands the writer must be exactly what the
// writer would have made itself, and a batch written with it must leave the same database as small batches.
#include "StoreFixture.h"
#include "store/NormalizeAhead.h"

#include <QTest>

using namespace roster;
using namespace roster::test;

namespace {

// Rows of every kind the normaliser decides on: valid, rejected (a bad email, no identifier), phones typed
// nationally and not parsing, LinkedIn URLs, a registered custom field and, now and then, one never seen.
QString specFor(int i)
{
    switch (i % 8) {
    case 0:
        return QStringLiteral("first_name=Ana %1|email=Ana.%1@Example.COM|phone=06 12 34 %2").arg(i).arg(i % 90 + 10);
    case 1:
        return QStringLiteral("email=not-an-email-%1").arg(i);
    case 2:
        return QStringLiteral("last_name=Only %1").arg(i);
    case 3:
        return QStringLiteral("email=b%1@x.org|phone=12").arg(i);
    case 4:
        return QStringLiteral("linkedin_url=https://www.LinkedIn.com/in/p%1/|job_title=CTO").arg(i);
    case 5:
        return QStringLiteral("email=c%1@y.fr|custom.known=v%1").arg(i);
    case 6:
        return QStringLiteral("email=d%1@z.de|custom.fresh_%2=x").arg(i).arg(i % 3);
    default:
        return QStringLiteral("email=e%1@w.io|tags=a,b|phone=+44 20 7946 %2").arg(i).arg(i % 9000 + 1000);
    }
}

QVector<ContactPatch> patches(int count, int offset = 0)
{
    QVector<ContactPatch> out;
    for (int i = 0; i < count; ++i)
        out.append(patchFrom(specFor(i + offset)));
    return out;
}

UpsertPolicy registering()
{
    UpsertPolicy policy = UpsertPolicies::local();
    policy.customFields = CustomFieldRule::RegisterUnknown;
    return policy;
}

QString describe(const Result<PreparedPatch>& p)
{
    if (!p)
        return QStringLiteral("rejected ") + errorCodeName(p.error().code) + QLatin1Char(' ') + p.error().field;
    QString text;
    for (const QString& v : p->values)
        text += v + QLatin1Char('|');
    text += p->emailKey + QLatin1Char('|') + p->phoneKey + QLatin1Char('|') + p->linkedinKey + QLatin1Char('|')
        + p->tags.join(QLatin1Char(',')) + QLatin1Char('|');
    for (auto it = p->custom.cbegin(); it != p->custom.cend(); ++it)
        text += it.key() + QLatin1Char('=') + it.value().value_or(QStringLiteral("<clear>")) + QLatin1Char(';');
    return text;
}

} // namespace

class TestNormalizeAhead : public QObject
{
    Q_OBJECT

private slots:
    void handsOverWhatTheWriterWouldMake_data()
    {
        QTest::addColumn<int>("count");
        // Around the slice size (256) and past the rows held ahead (16 slices).
        for (int count : {1, 255, 256, 257, 4096, 5000})
            QTest::addRow("%d patches", count) << count;
    }
    void handsOverWhatTheWriterWouldMake()
    {
        QFETCH(int, count);
        StoreFixture f;
        QVERIFY(
            f.engine->customFields().add({QStringLiteral("known"), QStringLiteral("Known"), QStringLiteral("text")}));
        const UpsertPolicy policy = registering();
        const QVector<ContactPatch> input = patches(count);
        // The writer's view, on a copy of the registry so that nothing registers.
        CustomFieldRegistry registry(f.engine->customFields());
        const PhoneNormalizer phones(QStringLiteral("FR"));
        const PatchNormalizer writer(phones, registry);

        NormalizeAhead ahead(input, policy, QStringLiteral("FR"), f.engine->customFields());
        int leftToWriter = 0;
        for (int i = 0; i < count; ++i) {
            const Result<PreparedPatch>* made = ahead.take(static_cast<std::size_t>(i));
            if (!made) {
                // Only a row that would register a field is the writer's own.
                QVERIFY2(specFor(i).contains(QLatin1String("custom.fresh_")), qPrintable(specFor(i)));
                ++leftToWriter;
                continue;
            }
            QCOMPARE(describe(*made), describe(writer.prepare(input.at(i), policy)));
        }
        QCOMPARE(leftToWriter, (count + 1) / 8);
    }

    void stopsWhenTheWriterLeavesEarly()
    {
        StoreFixture f;
        const UpsertPolicy policy = UpsertPolicies::local();
        const QVector<ContactPatch> input = patches(20000);
        {
            NormalizeAhead ahead(input, policy, QStringLiteral("FR"), f.engine->customFields());
            QVERIFY(ahead.take(0));
            QVERIFY(ahead.take(300));
        } // joins the thread, which waits for room ahead: must not hang
        {
            NormalizeAhead untouched(input, policy, QStringLiteral("FR"), f.engine->customFields());
        }
    }

    // One large batch (normalised ahead) against the same rows in batches too small for it: same results row by
    // row, same database. Rows 3000 on repeat rows 0-2999 in another case, so later rows match earlier ones of
    // the same batch; the fresh custom fields are registered once, by the writer, and kept.
    void largeBatchWritesWhatSmallBatchesWrite()
    {
        QVector<ContactPatch> input = patches(3000);
        for (int i = 0; i < 1000; ++i) {
            ContactPatch again = patchFrom(specFor(i).replace(QLatin1String("email="), QLatin1String("email=X")));
            again.set(Field::JobTitle, QStringLiteral("Again %1").arg(i));
            input.append(again);
        }
        QVERIFY(static_cast<std::size_t>(input.size()) >= NormalizeAhead::kMinPatches);
        const UpsertPolicy policy = registering();
        auto write = [&](StoreFixture& f, int batch) {
            QStringList verdicts;
            auto op = f.engine->beginOperation({QStringLiteral("import:x.csv"), QStringLiteral("Import x.csv")});
            if (!op)
                return verdicts;
            for (qsizetype start = 0; start < input.size(); start += batch) {
                const auto part = std::span<const ContactPatch>(input).subspan(
                    static_cast<std::size_t>(start),
                    static_cast<std::size_t>(std::min<qsizetype>(batch, input.size() - start)));
                auto results = f.engine->upsertBatch(part, policy, *op);
                if (!results)
                    return QStringList {results.error().toString()};
                for (const UpsertResult& r : *results)
                    verdicts << QStringLiteral("%1 %2 %3")
                                    .arg(static_cast<int>(r.status))
                                    .arg(r.contactId)
                                    .arg(r.error ? errorCodeName(r.error->code) : QString());
            }
            return verdicts;
        };
        StoreFixture large, small;
        const QStringList largeVerdicts = write(large, static_cast<int>(input.size()));
        const QStringList smallVerdicts = write(small, 500);
        QCOMPARE(largeVerdicts.size(), input.size());
        QCOMPARE(largeVerdicts, smallVerdicts);
        QCOMPARE(large.snapshot(), small.snapshot());
        for (const char* key : {"fresh_0", "fresh_1", "fresh_2"})
            QVERIFY(large.engine->customFields().contains(QString::fromLatin1(key)));
        QVERIFY(large.snapshot().contains(QLatin1String("fresh_1=x")));
        QVERIFY(large.snapshot().contains(QLatin1String("Again 8")));
    }
};

QTEST_GUILESS_MAIN(TestNormalizeAhead)
#include "tst_normalizeahead.moc"
