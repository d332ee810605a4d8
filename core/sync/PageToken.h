#pragma once

#include <QJsonArray>
#include <QString>

#include <optional>

namespace roster {

// Where the next list page starts, in whichever form the CRM pages: an offset (lemlist, GetSales), a page
// number (Monaco, HighLevel up to 10,000 records) or a search-after cursor (HighLevel beyond). It has a
// text form so a sync run killed half way can store it and resume.
struct PageToken
{
    qint64 offset = 0;
    int page = 1;
    QJsonArray searchAfter; // when not empty, the cursor wins over the page number

    QString toString() const;
    static std::optional<PageToken> fromString(const QString& text);
    bool operator==(const PageToken&) const = default;
};

} // namespace roster
