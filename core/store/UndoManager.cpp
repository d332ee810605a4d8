#include "UndoManager.h"

#include "Database.h"

namespace roster {

UndoManager::UndoManager(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_table(db)
    , m_log(db)
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
    // Operations that changed nothing (every row unchanged or rejected) are not undo steps.
    m_nextUndo = SqlStatement(m_db, "SELECT o.id, o.label, (SELECT count(*) FROM change_log c WHERE c.op_id = o.id) "
                                    "FROM operations o WHERE o.state = 'done' AND EXISTS (SELECT 1 FROM change_log c "
                                    "WHERE c.op_id = o.id) ORDER BY o.id DESC LIMIT 1");
    m_nextRedo = SqlStatement(m_db, "SELECT o.id, o.label, (SELECT count(*) FROM change_log c WHERE c.op_id = o.id) "
                                    "FROM operations o WHERE o.state = 'undone' ORDER BY o.id ASC LIMIT 1");
    m_changes = SqlStatement(m_db, "SELECT contact_id, action, field, old_value, new_value FROM change_log "
                                   "WHERE op_id = ? ORDER BY id");
    for (const SqlStatement* s : {&m_nextUndo, &m_nextRedo, &m_changes}) {
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
        found = UndoStep{query.columnInt(0), query.columnText(1), static_cast<int>(query.columnInt(2))};
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
    struct Row
    {
        qint64 contactId;
        QString action, field, oldValue, newValue;
    };
    QVector<Row> rows;
    m_changes.reset();
    m_changes.bind(1, step.operationId);
    while (m_changes.next())
        rows.append({m_changes.columnInt(0), m_changes.columnText(1), m_changes.columnText(2),
                     m_changes.columnText(3), m_changes.columnText(4)});
    m_changes.reset();

    if (auto ok = m_db.begin(); !ok)
        return std::unexpected(ok.error());
    m_now = m_clock.now().toString(Qt::ISODateWithMs);
    auto run = [&]() -> Result<void> {
        const QString verb = backwards ? QStringLiteral("undo") : QStringLiteral("redo");
        auto sysOp = m_log.beginOperation({verb, verb + QStringLiteral(": ") + step.label}, true);
        if (!sysOp)
            return std::unexpected(sysOp.error());
        if (backwards) {
            for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
                if (auto ok = applyChange(*sysOp, it->contactId, it->action, it->field, it->oldValue, true); !ok)
                    return ok;
            }
        } else {
            for (const Row& row : rows) {
                if (auto ok = applyChange(*sysOp, row.contactId, row.action, row.field, row.newValue, false); !ok)
                    return ok;
            }
        }
        return m_log.setState(step.operationId, backwards ? "undone" : "done");
    };
    if (auto ok = run(); !ok) {
        m_db.rollback();
        m_table.resetCaches();
        return fail(ErrorCode::UndoConflict,
                    QStringLiteral("cannot %1 '%2': %3")
                        .arg(backwards ? QStringLiteral("undo") : QStringLiteral("redo"), step.label, ok.error().detail));
    }
    if (auto ok = m_db.commit(); !ok) {
        m_table.resetCaches();
        return std::unexpected(ok.error());
    }
    return step;
}

Result<void> UndoManager::applyChange(qint64 sysOp, qint64 contactId, const QString& action, const QString& field,
                                      const QString& value, bool backwards)
{
    // Undoing a create deletes, redoing it restores; a delete and a restore mirror each other.
    const bool makeDeleted = (action == QLatin1String("create") && backwards)
        || (action == QLatin1String("delete") && !backwards) || (action == QLatin1String("restore") && backwards);
    const bool makeLive = (action == QLatin1String("create") && !backwards)
        || (action == QLatin1String("delete") && backwards) || (action == QLatin1String("restore") && !backwards);
    auto contact = m_table.load(contactId, true);
    if (!contact)
        return fail(ErrorCode::ContactNotFound, QStringLiteral("contact %1 no longer exists").arg(contactId));
    if (makeDeleted || makeLive) {
        if (auto ok = m_table.setDeleted(contactId, makeDeleted ? m_now : QString()); !ok)
            return ok;
        m_table.loadLists(*contact);
        if (auto ok = m_table.refreshSearch(*contact, makeLive); !ok)
            return ok;
        return makeDeleted ? m_log.logDelete(sysOp, contactId) : m_log.logRestore(sysOp, contactId);
    }
    m_table.loadLists(*contact);
    const QString previous = [&] {
        if (field == FieldRegistry::extraEmailsName())
            return ChangeLog::encodeList(contact->extraEmails);
        if (field == FieldRegistry::tagsName())
            return ChangeLog::encodeList(contact->tags);
        if (field == QLatin1String("company_id"))
            return contact->companyId ? QString::number(contact->companyId) : QString();
        if (field.startsWith(FieldRegistry::customPrefix()))
            return contact->custom.value(field.mid(FieldRegistry::customPrefix().size()));
        const auto f = FieldRegistry::fromName(field);
        return f ? contact->value(*f) : QString();
    }();
    if (auto ok = setField(*contact, field, value); !ok)
        return ok;
    if (auto ok = m_table.refreshSearch(*contact, !contact->deletedAt.isValid()); !ok)
        return ok;
    return m_log.logUpdate(sysOp, contactId, field, previous, value);
}

Result<void> UndoManager::setField(Contact& contact, const QString& field, const QString& value)
{
    if (field == FieldRegistry::extraEmailsName()) {
        contact.extraEmails = ChangeLog::decodeList(value);
        return m_table.replaceExtraEmails(contact.id, contact.extraEmails);
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
