#pragma once

#include "UpsertPolicy.h"

#include <QStringList>

namespace roster {

// The local default and the rules of each CRM contract (api-docs/README.md's table).
class UpsertPolicies final
{
public:
    static UpsertPolicy local();
    static UpsertPolicy lemlist();
    static UpsertPolicy getsales();
    // HighLevel matches email and phone in the order of the location's "Allow Duplicate Contact" setting.
    static UpsertPolicy highlevel(bool phoneFirst = false);
    static UpsertPolicy monaco();

    static std::optional<UpsertPolicy> byName(const QString& name);
    static QStringList names();
};

} // namespace roster
