#include "ColumnMapping.h"

#include "HeaderMatcher.h"
#include "contact/Field.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace roster {

ColumnMapping::ColumnMapping(QStringList header)
    : m_header(std::move(header))
{
    m_targets.resize(m_header.size());
}

bool ColumnMapping::isValidTarget(const QString& target)
{
    if (target.isEmpty() || target == HeaderMatcher::fullNameTarget() || FieldRegistry::fromName(target)
        || target == FieldRegistry::extraEmailsName() || target == FieldRegistry::extraPhonesName()
        || target == FieldRegistry::extraWebsitesName() || target == FieldRegistry::tagsName()
        || HeaderMatcher::phoneTargetType(target))
        return true;
    return target.startsWith(FieldRegistry::customPrefix())
        && FieldRegistry::isValidCustomKey(QStringView(target).sliced(FieldRegistry::customPrefix().size()));
}

Result<void> ColumnMapping::setTarget(qsizetype column, const QString& target)
{
    if (column < 0 || column >= m_targets.size())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no column %1").arg(column));
    if (!isValidTarget(target))
        return fail(ErrorCode::UnknownField, QStringLiteral("unknown field ") + target, target);
    m_targets[column] = target;
    return {};
}

Result<void> ColumnMapping::setTarget(const QString& headerName, const QString& target)
{
    qsizetype column = m_header.indexOf(headerName);
    for (qsizetype i = 0; column < 0 && i < m_header.size(); ++i) {
        if (m_header.at(i).compare(headerName.trimmed(), Qt::CaseInsensitive) == 0)
            column = i;
    }
    const QString key = HeaderMatcher::normalize(headerName);
    for (qsizetype i = 0; column < 0 && !key.isEmpty() && i < m_header.size(); ++i) {
        if (HeaderMatcher::normalize(m_header.at(i)) == key)
            column = i;
    }
    // "#3": the third column by its place, for a column without a header (or one whose header is ambiguous).
    if (column < 0 && headerName.startsWith(QLatin1Char('#'))) {
        bool number = false;
        const qsizetype place = headerName.mid(1).toLongLong(&number);
        if (number && place >= 1 && place <= m_header.size())
            column = place - 1;
    }
    if (column < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no column named ") + headerName);
    return setTarget(column, target);
}

QList<qsizetype> ColumnMapping::unmappedColumns() const
{
    QList<qsizetype> columns;
    for (qsizetype i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).isEmpty())
            columns << i;
    }
    return columns;
}

QStringList ColumnMapping::unmappedHeaders() const
{
    QStringList names;
    for (const qsizetype column : unmappedColumns())
        names << m_header.at(column);
    return names;
}

bool ColumnMapping::isEmpty() const
{
    return unmappedColumns().size() == m_targets.size();
}

QString ColumnMapping::hashHeader(const QStringList& header)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& name : header) {
        hash.addData(name.trimmed().toLower().toUtf8());
        hash.addData(QByteArrayView("\x1F", 1));
    }
    return QString::fromLatin1(hash.result().toHex().left(32));
}

QJsonObject ColumnMapping::toJson() const
{
    QJsonArray columns;
    for (qsizetype i = 0; i < m_header.size(); ++i)
        columns.append(
            QJsonObject {{QStringLiteral("header"), m_header.at(i)}, {QStringLiteral("target"), m_targets.at(i)}});
    return QJsonObject {
        {QStringLiteral("version"), 1},
        {QStringLiteral("header_hash"), headerHash()},
        {QStringLiteral("columns"), columns},
    };
}

Result<ColumnMapping> ColumnMapping::fromJson(const QJsonObject& json, const QStringList& header)
{
    ColumnMapping mapping(header);
    const QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
    if (json.value(QStringLiteral("header_hash")).toString() != mapping.headerHash() || columns.size() != header.size())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the mapping was saved for another header"));
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString target = columns.at(i).toObject().value(QStringLiteral("target")).toString();
        if (const auto ok = mapping.setTarget(i, target); !ok)
            return std::unexpected(ok.error());
    }
    return mapping;
}

} // namespace roster
