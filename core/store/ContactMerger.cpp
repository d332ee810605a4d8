#include "ContactMerger.h"

#include "Database.h"

namespace roster {

namespace {

QStringList unionOf(QStringList list, const QStringList& additions)
{
    for (const QString& item : additions) {
        if (!item.isEmpty() && !list.contains(item, Qt::CaseInsensitive))
            list << item;
    }
    return list;
}

} // namespace

ContactMerger::ContactMerger(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_table(db)
    , m_log(db)
{
}

Result<std::unique_ptr<ContactMerger>> ContactMerger::create(Database& db, const Clock& clock)
{
    std::unique_ptr<ContactMerger> merger(new ContactMerger(db, clock));
    if (auto ok = merger->m_table.prepare(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = merger->m_log.prepare(); !ok)
        return std::unexpected(ok.error());
    return merger;
}

MergeChoices ContactMerger::defaultChoices(const Contact& kept, const Contact& other)
{
    MergeChoices choices {};
    for (int i = 0; i < kFieldCount; ++i) {
        const auto f = static_cast<Field>(i);
        choices[static_cast<std::size_t>(i)]
            = kept.value(f).isEmpty() && !other.value(f).isEmpty() ? MergeSide::Other : MergeSide::Kept;
    }
    // A phone's kind goes with the phone.
    choices[static_cast<std::size_t>(Field::PhoneType)] = choices[static_cast<std::size_t>(Field::Phone)];
    return choices;
}

MergePlan ContactMerger::plan(const Contact& kept, const Contact& other, const MergeChoices& choices)
{
    MergePlan result;
    Contact& merged = result.merged;
    merged = kept;
    QStringList demoted;
    PhoneList demotedPhones;
    QStringList demotedWebsites;
    QString notesFromOther;
    for (int i = 0; i < kFieldCount; ++i) {
        const auto f = static_cast<Field>(i);
        const bool takeOther = choices[static_cast<std::size_t>(i)] == MergeSide::Other;
        const QString& chosen = takeOther ? other.value(f) : kept.value(f);
        const QString& dropped = takeOther ? kept.value(f) : other.value(f);
        merged.setValue(f, chosen);
        if (dropped.isEmpty() || dropped.compare(chosen, Qt::CaseInsensitive) == 0)
            continue;
        if (f == Field::Email)
            demoted << dropped;
        else if (f == Field::Phone)
            demotedPhones << PhoneEntry {
                dropped,
                PhoneTypes::fromName((takeOther ? kept : other).value(Field::PhoneType)).value_or(PhoneType::Other)};
        else if (f == Field::PhoneType)
            continue; // it went with its phone
        else if (f == Field::Website)
            demotedWebsites << dropped;
        else if (f == Field::Notes)
            notesFromOther = dropped;
        else
            result.leftovers << FieldRegistry::name(f) + QStringLiteral(": ") + dropped;
    }
    if (choices[static_cast<std::size_t>(Field::CompanyName)] == MergeSide::Other || kept.companyId == 0)
        merged.companyId = other.companyId ? other.companyId : kept.companyId;

    merged.extraEmails = unionOf(unionOf(kept.extraEmails, other.extraEmails), demoted);
    merged.extraEmails.removeIf(
        [&](const QString& e) { return e.compare(merged.value(Field::Email), Qt::CaseInsensitive) == 0; });
    merged.extraPhones
        = PhoneTypes::appendMissing(PhoneTypes::appendMissing(kept.extraPhones, other.extraPhones), demotedPhones);
    const QString& primaryPhone = merged.value(Field::Phone);
    merged.extraPhones.removeIf([&](const PhoneEntry& e) { return PhoneTypes::isSame(e.number, primaryPhone); });
    merged.extraWebsites = unionOf(unionOf(kept.extraWebsites, other.extraWebsites), demotedWebsites);
    merged.extraWebsites.removeIf(
        [&](const QString& u) { return u.compare(merged.value(Field::Website), Qt::CaseInsensitive) == 0; });
    merged.tags = unionOf(kept.tags, other.tags);
    for (auto it = other.custom.cbegin(); it != other.custom.cend(); ++it) {
        const auto mine = merged.custom.constFind(it.key());
        if (mine == merged.custom.cend() || mine->isEmpty())
            merged.custom.insert(it.key(), it.value());
        else if (*mine != it.value())
            result.leftovers << FieldRegistry::customPrefix() + it.key() + QStringLiteral(": ") + it.value();
    }

    QStringList notes;
    if (!merged.value(Field::Notes).isEmpty())
        notes << merged.value(Field::Notes);
    if (!notesFromOther.isEmpty())
        notes << notesFromOther;
    if (!result.leftovers.isEmpty()) {
        const QString who = other.displayName().isEmpty() ? other.uid : other.displayName();
        notes << QStringLiteral("Merged from %1:\n").arg(who) + result.leftovers.join(QLatin1Char('\n'));
    }
    merged.setValue(Field::Notes, notes.join(QStringLiteral("\n\n")));
    return result;
}

Result<MergeOutcome> ContactMerger::merge(qint64 keptId, qint64 otherId, const MergeChoices& choices,
                                          const WriteOrigin& origin)
{
    if (keptId == otherId)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a contact cannot be merged with itself"));
    auto kept = m_table.load(keptId);
    auto other = m_table.load(otherId);
    if (!kept || !other)
        return fail(ErrorCode::ContactNotFound,
                    QStringLiteral("contact %1 is not a live contact").arg(kept ? otherId : keptId));
    m_table.loadLists(*kept);
    m_table.loadLists(*other);
    const MergePlan mergePlan = plan(*kept, *other, choices);

    if (auto ok = m_db.begin(); !ok)
        return std::unexpected(ok.error());
    const QDateTime now = m_clock.now();
    MergeOutcome outcome {0, keptId, otherId, {}};
    auto run = [&]() -> Result<void> {
        auto op = m_log.beginOperation(origin);
        if (!op)
            return std::unexpected(op.error());
        outcome.operationId = *op;
        return write(*op, *kept, *other, mergePlan, outcome.changedFields, now);
    };
    if (auto ok = run(); !ok) {
        m_db.rollback();
        m_table.resetCaches();
        return std::unexpected(ok.error());
    }
    if (auto ok = m_db.commit(); !ok) {
        m_table.resetCaches();
        return std::unexpected(ok.error());
    }
    return outcome;
}

Result<void> ContactMerger::write(qint64 op, const Contact& kept, const Contact& other, const MergePlan& plan,
                                  QStringList& changed, const QDateTime& now)
{
    // The other contact goes first: its identifiers are unique among live contacts, and the kept one may
    // take them over. Undo replays backwards, so the kept contact gives them back before this is restored.
    if (auto ok = m_table.removeFromSearch(other.id); !ok)
        return ok;
    if (auto ok = m_table.setDeleted(other.id, now); !ok)
        return ok;
    if (auto ok = m_log.logDelete(op, other.id); !ok)
        return ok;

    const Contact& merged = plan.merged;
    for (const FieldInfo& info : FieldRegistry::all()) {
        const QString& before = kept.value(info.field);
        const QString& after = merged.value(info.field);
        if (before == after)
            continue;
        changed << QString::fromLatin1(info.name);
        if (auto ok = m_log.logUpdate(op, kept.id, changed.last(), before, after); !ok)
            return ok;
    }
    if (merged.companyId != kept.companyId) {
        changed << QStringLiteral("company_id");
        if (auto ok
            = m_log.logUpdate(op, kept.id, changed.last(), kept.companyId ? QString::number(kept.companyId) : QString(),
                              merged.companyId ? QString::number(merged.companyId) : QString());
            !ok)
            return ok;
    }
    if (auto ok = m_table.removeFromSearch(kept.id); !ok)
        return ok;
    if (auto ok = m_table.update(merged, now); !ok)
        return ok;
    if (merged.extraEmails != kept.extraEmails) {
        changed << FieldRegistry::extraEmailsName();
        if (auto ok = m_table.replaceExtraEmails(kept.id, merged.extraEmails); !ok)
            return ok;
        if (auto ok = m_log.logUpdate(op, kept.id, changed.last(), ChangeLog::encodeList(kept.extraEmails),
                                      ChangeLog::encodeList(merged.extraEmails));
            !ok)
            return ok;
    }
    if (merged.extraPhones != kept.extraPhones) {
        changed << FieldRegistry::extraPhonesName();
        if (auto ok = m_table.replaceExtraPhones(kept.id, merged.extraPhones); !ok)
            return ok;
        if (auto ok = m_log.logUpdate(op, kept.id, changed.last(), PhoneTypes::toJson(kept.extraPhones),
                                      PhoneTypes::toJson(merged.extraPhones));
            !ok)
            return ok;
    }
    if (merged.extraWebsites != kept.extraWebsites) {
        changed << FieldRegistry::extraWebsitesName();
        if (auto ok = m_table.replaceExtraWebsites(kept.id, merged.extraWebsites); !ok)
            return ok;
        if (auto ok = m_log.logUpdate(op, kept.id, changed.last(), ChangeLog::encodeList(kept.extraWebsites),
                                      ChangeLog::encodeList(merged.extraWebsites));
            !ok)
            return ok;
    }
    if (merged.tags != kept.tags) {
        changed << FieldRegistry::tagsName();
        if (auto ok = m_table.replaceTags(kept.id, merged.tags); !ok)
            return ok;
        if (auto ok = m_log.logUpdate(op, kept.id, changed.last(), ChangeLog::encodeList(kept.tags),
                                      ChangeLog::encodeList(merged.tags));
            !ok)
            return ok;
    }
    for (auto it = merged.custom.cbegin(); it != merged.custom.cend(); ++it) {
        const QString before = kept.custom.value(it.key());
        if (before == it.value())
            continue;
        changed << FieldRegistry::customPrefix() + it.key();
        if (auto ok = m_table.setCustom(kept.id, it.key(), it.value()); !ok)
            return ok;
        if (auto ok = m_log.logUpdate(op, kept.id, changed.last(), before, it.value()); !ok)
            return ok;
    }
    return m_table.addToSearch(kept.id);
}

} // namespace roster
