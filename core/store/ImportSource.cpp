#include "ImportSource.h"

#include "io/ColumnMapper.h"
#include "io/CsvReader.h"
#include "io/ImportPlanner.h"
#include "io/VcardReader.h"

namespace roster {

namespace {

// Roster's CSV export guards cells a spreadsheet would run ("'=SUM(...)"); reading them back removes it.
// Other exporters keep a phone's leading zero from a spreadsheet by writing it as a text formula,
// ="0612345678", which a spreadsheet shows as the text inside; so does Roster.
QString unguard(const QString& value)
{
    if (value.size() >= 2 && value.front() == u'\'') {
        const QChar next = value.at(1);
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next == u'\t' || next == u'\r')
            return value.mid(1);
    }
    if (value.size() >= 3 && value.startsWith(u"=\"") && value.back() == u'"') {
        QString inner = value.mid(2, value.size() - 3);
        if (!QString(inner).remove(u"\"\""_qs).contains(u'"'))
            return inner.replace(u"\"\""_qs, u"\""_qs);
    }
    return value;
}

bool mayBeGuarded(const QString& value)
{
    return value.startsWith(u'\'') || value.startsWith(u'=');
}

void unguard(ContactPatch& patch)
{
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field) && mayBeGuarded(patch.value(info.field)))
            patch.set(info.field, unguard(patch.value(info.field)));
    }
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it) {
        if (mayBeGuarded(it.value()))
            patch.setCustom(it.key(), unguard(it.value()));
    }
}

class CsvSource final : public ImportSource
{
public:
    CsvSource(QIODevice* device, const ColumnMapping& mapping)
        : m_reader(device)
        , m_mapper(mapping)
    {
    }
    CsvReader& reader() { return m_reader; }
    ColumnMapper& mapper() { return m_mapper; }

    Result<bool> next(ContactPatch& patch, qint64& line) override
    {
        auto more = m_reader.readRecord(m_record);
        if (!more || !*more)
            return more;
        patch = m_mapper.toPatch(m_record);
        unguard(patch);
        line = m_record.line();
        return true;
    }
    qint64 bytes() const override { return m_reader.bytesConsumed(); }
    qint64 errorLine() const override { return m_reader.errorLine(); }

private:
    CsvReader m_reader;
    CsvRecord m_record;
    ColumnMapper m_mapper;
};

class VcardSource final : public ImportSource
{
public:
    explicit VcardSource(QIODevice* device)
        : m_reader(device)
    {
    }
    VcardReader& reader() { return m_reader; }

    Result<bool> next(ContactPatch& patch, qint64& line) override
    {
        VcardReader::Card card;
        auto more = m_reader.readCard(card);
        if (!more || !*more)
            return more;
        patch = std::move(card.patch);
        line = card.line;
        if (!card.problem.isEmpty())
            m_issues.append({card.line, {}, ErrorCode::ParseError, card.problem});
        if (!card.notKept.isEmpty())
            m_issues.append({card.line,
                             {},
                             ErrorCode::FieldIgnored,
                             QStringLiteral("not imported: %1").arg(card.notKept.join(QStringLiteral("; ")))});
        return true;
    }
    qint64 bytes() const override { return m_reader.bytesConsumed(); }
    QList<ImportIssue> takeIssues() override { return std::exchange(m_issues, {}); }

private:
    VcardReader m_reader;
    QList<ImportIssue> m_issues;
};

} // namespace

Result<std::unique_ptr<ImportSource>> ImportSource::open(const ImportPlan& plan, QIODevice* device, Reading reading)
{
    if (plan.isCsv()) {
        auto csv = std::make_unique<CsvSource>(device, plan.mapping);
        if (reading == Reading::IdentityOnly)
            csv->mapper().keepIdentityColumnsOnly();
        if (auto ok = ImportPlanner::open(plan, csv->reader()); !ok)
            return std::unexpected(ok.error());
        return csv;
    }
    auto cards = std::make_unique<VcardSource>(device);
    if (auto ok = ImportPlanner::open(plan, cards->reader()); !ok)
        return std::unexpected(ok.error());
    return cards;
}

} // namespace roster
