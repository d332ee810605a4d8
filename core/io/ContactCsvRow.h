#pragma once

#include "contact/Contact.h"

#include <QStringList>

namespace roster {

// The columns of Roster's own CSV export, one place for the command line and the window: every fixed
// field, then the lists (extra emails, extra phones as "number (type); ...", extra websites, tags), then
// one column per custom field. ColumnMapper reads every one of them back to the same values.
class ContactCsvRow final
{
public:
    static QStringList header(const QStringList& customKeys);
    static QStringList row(const Contact& contact, const QStringList& customKeys);
    static QString tagsCell(const QStringList& tags);
};

} // namespace roster
