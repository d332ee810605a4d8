#pragma once

#include "ChangeLog.h"
#include "contact/Error.h"

#include <QString>
#include <QVector>

namespace roster {

class ContactStore;
class UpsertEngine;

// One tag added to, or removed from, many contacts at once (the window's selection) as one operation of
// the change log, so one Undo takes it back. Writes go through the engine like any edit.
class ContactTagger final
{
public:
    ContactTagger(UpsertEngine& engine, ContactStore& store);

    // The number of contacts that changed (those that already had, or lacked, the tag do not).
    Result<int> addTag(const QVector<qint64>& ids, const QString& tag, const WriteOrigin& origin);
    Result<int> removeTag(const QVector<qint64>& ids, const QString& tag, const WriteOrigin& origin);

private:
    UpsertEngine& m_engine;
    ContactStore& m_store;
};

} // namespace roster
