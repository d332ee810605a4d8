#include "UndoManager.h"

#include "Database.h"
#include "DuplicateVerdicts.h"

#include <algorithm>
#include <limits>

namespace roster {

UndoManager::UndoManager(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_table(db)
    , m_log(db)
    , m_statusRun(db)
    , m_deferredIndexes(db)
{
}

Result<std::unique_ptr<UndoManager>> UndoManager::create(Database& db, const Clock& clock)
{
    std::unique_ptr<UndoManager> manager(new UndoManager(db, clock));
    if (auto ok = manager->prepare(); !ok)
        return std::unexpected(ok.error());
    return manager;
}

Result<void> UndoManager::prepare()
{
    if (auto ok = m_table.prepare(); !ok)
        return ok;
    if (auto ok = m_log.prepare(); !ok)
        return ok;
    if (auto ok = m_statusRun.prepare(); !ok)
        return ok;
    // Operations that changed nothing (every row unchanged or rejected) are not undo steps.
    m_nextUndo = SqlStatement(m_db,
                              "SELECT o.id, o.label, (SELECT count(*) FROM change_log c WHERE c.op_id = o.id) "
                              "FROM operations o WHERE o.state = 'done' AND EXISTS (SELECT 1 FROM change_log c "
                              "WHERE c.op_id = o.id) ORDER BY o.id DESC LIMIT 1");
    m_nextRedo = SqlStatement(m_db,
                              "SELECT o.id, o.label, (SELECT count(*) FROM change_log c WHERE c.op_id = o.id) "
                              "FROM operations o WHERE o.state = 'undone' ORDER BY o.id ASC LIMIT 1");
    // A page of the operation's entries after (or before) the last one replayed: memory stays bounded
    // however many rows an import wrote.
    m_changesForward = SqlStatement(m_db,
                                    "SELECT id, contact_id, action, field, old_value, new_value FROM change_log "
                                    "WHERE op_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3");
    m_changesBackward = SqlStatement(m_db,
                                     "SELECT id, contact_id, action, field, old_value, new_value FROM change_log "
                                     "WHERE op_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3");
    m_countActions = SqlStatement(m_db,
                                  "SELECT count(*) FILTER (WHERE action IN ('create', 'restore')), "
                                  "count(*) FILTER (WHERE action = 'delete'), count(*), min(id), max(id), "
                                  "min(action), max(action) FROM change_log WHERE op_id = ?");
    m_countLive = SqlStatement(m_db, "SELECT count(*) FROM contacts WHERE deleted_at IS NULL");
    for (const SqlStatement* s :
         {&m_nextUndo, &m_nextRedo, &m_changesForward, &m_changesBackward, &m_countActions, &m_countLive}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

std::optional<UndoStep> UndoManager::step(SqlStatement& query)
{
    query.reset();
    std::optional<UndoStep> found;
    if (query.next())
        found = UndoStep {query.columnInt(0), query.columnText(1), static_cast<int>(query.columnInt(2)), {}};
    query.reset();
    return found;
}

std::optional<UndoStep> UndoManager::nextUndo()
{
    return step(m_nextUndo);
}

std::optional<UndoStep> UndoManager::nextRedo()
{
    return step(m_nextRedo);
}

Result<UndoStep> UndoManager::undo()
{
    const auto next = nextUndo();
    if (!next)
        return fail(ErrorCode::NothingToUndo, QStringLiteral("there is nothing to undo"));
    return replay(*next, true);
}

Result<UndoStep> UndoManager::redo()
{
    const auto next = nextRedo();
    if (!next)
        return fail(ErrorCode::NothingToRedo, QStringLiteral("there is nothing to redo"));
    return replay(*next, false);
}

Result<UndoStep> UndoManager::replay(const UndoStep& step, bool backwards)
{
    if (auto ok = m_db.begin(); !ok)
        return std::unexpected(ok.error());
    m_now = m_clock.now();
    m_gone.clear();
    auto run = [&]() -> Result<void> {
        const QString verb = backwards ? QStringLiteral("undo") : QStringLiteral("redo");
        auto sysOp = m_log.beginOperation({verb, verb + QStringLiteral(": ") + step.label}, true);
        if (!sysOp)
            return std::unexpected(sysOp.error());
        const ReplayPlan how = plan(step, backwards);
        // Inside the undo's transaction: a failed or killed undo leaves the indexes as they were, and no
        // other writer can come between the drop and the build (see DeferredIndexes::Scope::Status).
        if (how.deferIndexes) {
            if (auto ok = m_deferredIndexes.defer(DeferredIndexes::Scope::Status); !ok)
                return ok;
        }
        if (auto ok = replayEntries(step, backwards, *sysOp, how); !ok)
            return ok;
        // Built before the search rows, which read the live contacts through contacts_live.
        if (how.deferIndexes) {
            if (auto ok = m_deferredIndexes.restore(); !ok)
                return ok;
        }
        if (how.rebuildSearch) {
            if (auto ok = m_table.rebuildSearch(); !ok)
                return ok;
        }
        return m_log.setState(step.operationId, backwards ? "undone" : "done");
    };
    // Like an import, a large undo keeps its page cache within the import's bounds.
    const int cacheKiB = m_db.cacheSizeKiB();
    m_db.setCacheSizeKiB(std::min(cacheKiB, 128 * 1024));
    auto done = run();
    m_db.setCacheSizeKiB(cacheKiB);
    if (auto ok = done; !ok) {
        m_db.rollback();
        m_table.resetCaches();
        return fail(
            ErrorCode::UndoConflict,
            QStringLiteral("cannot %1 '%2': %3")
                .arg(backwards ? QStringLiteral("undo") : QStringLiteral("redo"), step.label, ok.error().detail));
    }
    if (auto ok = m_db.commit(); !ok) {
        m_table.resetCaches();
        return std::unexpected(ok.error());
    }
    UndoStep replayed = step;
    replayed.contactsGone = m_gone.values();
    std::sort(replayed.contactsGone.begin(), replayed.contactsGone.end());
    return replayed;
}

namespace {

enum class StatusChange { None, MakeDeleted, MakeLive };

// Undoing a create deletes, redoing it restores; a delete and a restore mirror each other.
StatusChange statusChange(const QString& action, bool backwards)
{
    const bool create = action == QLatin1String("create");
    const bool remove = action == QLatin1String("delete");
    const bool restore = action == QLatin1String("restore");
    if ((create && backwards) || (remove && !backwards) || (restore && backwards))
        return StatusChange::MakeDeleted;
    if ((create && !backwards) || (remove && backwards) || (restore && !backwards))
        return StatusChange::MakeLive;
    return StatusChange::None;
}

} // namespace

// Undoing a large import removes most of the live contacts (and redoing it brings them back): keeping the
// indexes that hold live contacts only (the window's sort indexes, the identity indexes) and the search
// index up to date row by row then costs more than building them again, once, from what is live at the end.
UndoManager::ReplayPlan UndoManager::plan(const UndoStep& step, bool backwards)
{
    constexpr qint64 kLarge = 10000;
    m_countActions.reset();
    m_countActions.bind(1, step.operationId);
    const bool counted = m_countActions.next();
    const qint64 creates = counted ? m_countActions.columnInt(0) : 0;
    const qint64 deletes = counted ? m_countActions.columnInt(1) : 0;
    ReplayPlan how;
    if (counted && m_countActions.columnText(5) == m_countActions.columnText(6)
        && statusChange(m_countActions.columnText(5), backwards) != StatusChange::None) {
        how.onlyAction = m_countActions.columnText(5);
        how.entries = m_countActions.columnInt(2);
        how.firstEntry = m_countActions.columnInt(3);
        how.lastEntry = m_countActions.columnInt(4);
    }
    m_countActions.reset();
    m_countLive.reset();
    const qint64 live = m_countLive.next() ? m_countLive.columnInt(0) : 0;
    m_countLive.reset();
    const qint64 removed = backwards ? creates : deletes;
    const qint64 added = backwards ? deletes : creates;
    const qint64 liveAfter = std::max<qint64>(live - removed + added, 0);
    how.deferIndexes = removed + added >= kLarge && removed + added >= liveAfter;
    // Rebuilt when most of what stays is new, or most of what was is gone.
    how.rebuildSearch = (removed >= kLarge && removed >= liveAfter) || (added >= kLarge && 2 * added >= liveAfter);
    return how;
}

Result<void> UndoManager::replayEntries(const UndoStep& step, bool backwards, qint64 sysOp, const ReplayPlan& plan)
{
    struct Row
    {
        qint64 entry = 0;
        qint64 contactId = 0;
        QString action, field, oldValue, newValue;
    };
    if (!plan.onlyAction.isEmpty()) {
        ContactStatusRun::Run run;
        run.operationId = step.operationId;
        run.firstEntry = plan.firstEntry;
        run.lastEntry = plan.lastEntry;
        run.makeDeleted = statusChange(plan.onlyAction, backwards) == StatusChange::MakeDeleted;
        run.newestFirst = backwards;
        run.updateSearch = !plan.rebuildSearch;
        run.entries = plan.entries;
        return m_statusRun.apply(run, sysOp, m_now, m_gone);
    }
    constexpr qint64 kPage = 20000;
    SqlStatement& page = backwards ? m_changesBackward : m_changesForward;
    qint64 cursor = backwards ? std::numeric_limits<qint64>::max() : 0;
    QVector<Row> rows;
    for (;;) {
        rows.clear();
        page.reset();
        page.bind(1, step.operationId);
        page.bind(2, cursor);
        page.bind(3, kPage);
        while (page.next())
            rows.append({page.columnInt(0), page.columnInt(1), page.columnText(2), page.columnText(3),
                         page.columnText(4), page.columnText(5)});
        page.reset();
        if (rows.isEmpty())
            return {};
        cursor = rows.last().entry;
        // Entries come in replay order; a stretch of status changes in one direction is one set-based run.
        for (qsizetype i = 0; i < rows.size();) {
            const StatusChange change = statusChange(rows.at(i).action, backwards);
            if (change == StatusChange::None && rows.at(i).action == QLatin1String("verdict")) {
                const Row& row = rows.at(i);
                const qint64 other = row.field.section(QLatin1Char(':'), 1).toLongLong();
                const bool present = (backwards ? row.oldValue : row.newValue) == QLatin1String("1");
                if (auto ok = DuplicateVerdicts(m_db, m_clock).set(sysOp, row.contactId, other, present); !ok)
                    return ok;
                ++i;
                continue;
            }
            if (change == StatusChange::None) {
                const Row& row = rows.at(i);
                if (auto ok = applyChange(sysOp, row.contactId, row.field, backwards ? row.oldValue : row.newValue);
                    !ok)
                    return ok;
                ++i;
                continue;
            }
            qsizetype end = i + 1;
            while (end < rows.size() && statusChange(rows.at(end).action, backwards) == change)
                ++end;
            const qint64 a = rows.at(i).entry;
            const qint64 b = rows.at(end - 1).entry;
            ContactStatusRun::Run run;
            run.operationId = step.operationId;
            run.firstEntry = std::min(a, b);
            run.lastEntry = std::max(a, b);
            run.makeDeleted = change == StatusChange::MakeDeleted;
            run.newestFirst = backwards;
            run.updateSearch = !plan.rebuildSearch;
            run.entries = end - i;
            if (auto ok = m_statusRun.apply(run, sysOp, m_now, m_gone); !ok)
                return ok;
            i = end;
        }
    }
}

Result<void> UndoManager::applyChange(qint64 sysOp, qint64 contactId, const QString& field, const QString& value)
{
    auto contact = m_table.load(contactId, true);
    if (!contact) {
        // Removed by another program: nothing to set back, and failing here would block every older undo.
        m_gone.insert(contactId);
        return {};
    }
    m_table.loadLists(*contact);
    const QString previous = [&] {
        if (field == FieldRegistry::extraEmailsName())
            return ChangeLog::encodeList(contact->extraEmails);
        if (field == FieldRegistry::extraPhonesName())
            return PhoneTypes::toJson(contact->extraPhones);
        if (field == FieldRegistry::extraWebsitesName())
            return ChangeLog::encodeList(contact->extraWebsites);
        if (field == FieldRegistry::tagsName())
            return ChangeLog::encodeList(contact->tags);
        if (field == QLatin1String("company_id"))
            return contact->companyId ? QString::number(contact->companyId) : QString();
        if (field.startsWith(FieldRegistry::customPrefix()))
            return contact->custom.value(field.mid(FieldRegistry::customPrefix().size()));
        const auto f = FieldRegistry::fromName(field);
        return f ? contact->value(*f) : QString();
    }();
    if (auto ok = m_table.removeFromSearch(contactId); !ok)
        return ok;
    if (auto ok = setField(*contact, field, value); !ok)
        return ok;
    if (auto ok = m_table.addToSearch(contactId); !ok)
        return ok;
    return m_log.logUpdate(sysOp, contactId, field, previous, value);
}

Result<void> UndoManager::setField(Contact& contact, const QString& field, const QString& value)
{
    if (field == FieldRegistry::extraEmailsName()) {
        contact.extraEmails = ChangeLog::decodeList(value);
        return m_table.replaceExtraEmails(contact.id, contact.extraEmails);
    }
    if (field == FieldRegistry::extraPhonesName()) {
        contact.extraPhones = PhoneTypes::fromJson(value);
        return m_table.replaceExtraPhones(contact.id, contact.extraPhones);
    }
    if (field == FieldRegistry::extraWebsitesName()) {
        contact.extraWebsites = ChangeLog::decodeList(value);
        return m_table.replaceExtraWebsites(contact.id, contact.extraWebsites);
    }
    if (field == FieldRegistry::tagsName()) {
        contact.tags = ChangeLog::decodeList(value);
        return m_table.replaceTags(contact.id, contact.tags);
    }
    if (field.startsWith(FieldRegistry::customPrefix())) {
        const QString key = field.mid(FieldRegistry::customPrefix().size());
        if (value.isEmpty())
            contact.custom.remove(key);
        else
            contact.custom.insert(key, value);
        return m_table.setCustom(contact.id, key, value.isEmpty() ? std::nullopt : std::optional<QString>(value));
    }
    if (field == QLatin1String("company_id")) {
        contact.companyId = value.toLongLong();
    } else if (const auto f = FieldRegistry::fromName(field)) {
        contact.setValue(*f, value);
    } else {
        return fail(ErrorCode::UnknownField, QStringLiteral("unknown field '%1' in the change log").arg(field));
    }
    return m_table.update(contact, m_now);
}

} // namespace roster
