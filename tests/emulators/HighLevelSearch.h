#pragma once

#include "EmulatorReply.h"
#include "FaultPlan.h"

#include <QJsonObject>
#include <QList>

namespace roster::emulator {

// POST /contacts/search of HighLevel: filters (with groups), one sort key, and two ways
// to page: `page` + `pageLimit` up to the first 10,000 records, then `searchAfter`, the
// [sortValue, id] pair each returned contact carries.
class HighLevelSearch final
{
public:
    static constexpr int kMaxPageLimit = 500;
    static constexpr int kMaxPagedRecords = 10000;

    explicit HighLevelSearch(bool updatedFilterSupported, const FaultPlan* faults = nullptr)
        : m_updatedFilterSupported(updatedFilterSupported)
        , m_faults(faults)
    {
    }

    // The reply to `body`, over `contacts` (the location's contacts, in creation order).
    EmulatorReply run(const QJsonObject& body, const QList<QJsonObject>& contacts) const;

private:
    QString validateFilters(const QJsonArray& filters) const;
    bool matches(const QJsonObject& contact, const QJsonArray& filters, bool any) const;
    bool matchesOne(const QJsonObject& contact, const QJsonObject& filter) const;

    bool m_updatedFilterSupported;
    const FaultPlan* m_faults; // the list misbehaviours (sparseRows, ignorePaging, moreForever)
};

} // namespace roster::emulator
