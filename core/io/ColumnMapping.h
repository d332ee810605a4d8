#pragma once

#include "contact/Error.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace roster {

// Which target each column of a CSV header feeds: a field name of design.md, `extra_emails`,
// `extra_phones`, `extra_websites`, a phone of a kind (`phone:mobile`, `phone:work`, `phone:home`,
// `phone:fax`, `phone:other`), `tags`,
// `custom.<key>`, `full_name`, or empty for a column left out. Several columns may share a target
// (the first non-empty cell wins; extra email columns all count). A mapping chosen by hand is saved
// as JSON keyed by headerHash(), so the next file with the same header gets it back; the store keeps it.
class ColumnMapping final
{
public:
    ColumnMapping() = default;
    explicit ColumnMapping(QStringList header);

    const QStringList& header() const { return m_header; }
    qsizetype columnCount() const { return m_header.size(); }
    QString target(qsizetype column) const { return m_targets.value(column); }
    const QStringList& targets() const { return m_targets; }

    // Errors: InvalidArgument for a column out of range, UnknownField for a target that is none of the above.
    Result<void> setTarget(qsizetype column, const QString& target);
    // By header text (exact, else ignoring case, else as HeaderMatcher normalises it), as `--map HEADER=field`.
    Result<void> setTarget(const QString& headerName, const QString& target);

    QList<qsizetype> unmappedColumns() const;
    QStringList unmappedHeaders() const;
    bool isEmpty() const;

    QString headerHash() const { return hashHeader(m_header); }
    // Same for headers that differ only in case or surrounding spaces.
    static QString hashHeader(const QStringList& header);

    // {"version": 1, "header_hash": "...", "columns": [{"header": "...", "target": "..."}, ...]}
    QJsonObject toJson() const;
    // Errors: InvalidArgument when the JSON was saved for another header, UnknownField for a bad target.
    static Result<ColumnMapping> fromJson(const QJsonObject& json, const QStringList& header);

    static bool isValidTarget(const QString& target);

private:
    QStringList m_header;
    QStringList m_targets;
};

} // namespace roster
