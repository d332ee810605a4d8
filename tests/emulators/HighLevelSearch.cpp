#include "HighLevelSearch.h"

#include "EmulatorUtil.h"

#include <QJsonArray>

#include <algorithm>

namespace roster::emulator {

namespace {

const QStringList kDateFields = {QStringLiteral("dateAdded"), QStringLiteral("dateUpdated")};
const QStringList kSortFields = {QStringLiteral("dateAdded"), QStringLiteral("dateUpdated"),
                                 QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("email")};
const QStringList kOperators = {QStringLiteral("eq"),           QStringLiteral("not_eq"), QStringLiteral("contains"),
                                QStringLiteral("not_contains"), QStringLiteral("exists"), QStringLiteral("not_exists"),
                                QStringLiteral("range"),        QStringLiteral("gt"),     QStringLiteral("gte"),
                                QStringLiteral("lt"),           QStringLiteral("lte")};

EmulatorReply unprocessable(const QStringList& messages)
{
    return EmulatorReply::json(422,
                               QJsonObject {{QStringLiteral("statusCode"), 422},
                                            {QStringLiteral("message"), QJsonArray::fromStringList(messages)},
                                            {QStringLiteral("error"), QStringLiteral("Unprocessable Entity")}});
}

// The value a contact is sorted on: epoch ms for dates, text otherwise.
QJsonValue sortValue(const QJsonObject& contact, const QString& field)
{
    if (kDateFields.contains(field))
        return double(util::parseTime(contact.value(field)));
    return contact.value(field).toString();
}

int compare(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    return a.toString().compare(b.toString());
}

} // namespace

QString HighLevelSearch::validateFilters(const QJsonArray& filters) const
{
    for (const QJsonValue& value : filters) {
        const QJsonObject filter = value.toObject();
        if (!value.isObject())
            return QStringLiteral("filters must be an array of objects");
        if (filter.contains(QLatin1String("group"))) {
            const QString group = filter.value(QLatin1String("group")).toString();
            if (group != QLatin1String("AND") && group != QLatin1String("OR"))
                return QStringLiteral("group must be one of the following values: AND, OR");
            const QString nested = validateFilters(filter.value(QLatin1String("filters")).toArray());
            if (!nested.isEmpty())
                return nested;
            continue;
        }
        const QString field = filter.value(QLatin1String("field")).toString();
        const QString op = filter.value(QLatin1String("operator")).toString();
        if (field.isEmpty())
            return QStringLiteral("field should not be empty");
        if (!kOperators.contains(op))
            return QStringLiteral("operator must be one of the following values: ")
                + kOperators.join(QStringLiteral(", "));
        if (field == QLatin1String("dateUpdated") && !m_updatedFilterSupported)
            return QStringLiteral("field dateUpdated is not supported for filtering");
        if (op == QLatin1String("range") && !filter.value(QLatin1String("value")).isObject())
            return QStringLiteral("value must be an object for the range operator");
    }
    return {};
}

bool HighLevelSearch::matchesOne(const QJsonObject& contact, const QJsonObject& filter) const
{
    if (filter.contains(QLatin1String("group")))
        return matches(contact, filter.value(QLatin1String("filters")).toArray(),
                       filter.value(QLatin1String("group")).toString() == QLatin1String("OR"));
    const QString field = filter.value(QLatin1String("field")).toString();
    const QString op = filter.value(QLatin1String("operator")).toString();
    const QJsonValue wanted = filter.value(QLatin1String("value"));
    const QJsonValue actual = contact.value(field);
    const bool present = !util::isBlank(actual) && !(actual.isArray() && actual.toArray().isEmpty());
    if (op == QLatin1String("exists"))
        return present;
    if (op == QLatin1String("not_exists"))
        return !present;
    if (kDateFields.contains(field)) {
        const qint64 time = util::parseTime(actual);
        auto check = [&](const QString& bound, const QJsonValue& limit) {
            const qint64 other = util::parseTime(limit);
            if (other < 0)
                return true;
            if (bound == QLatin1String("gt"))
                return time > other;
            if (bound == QLatin1String("gte"))
                return time >= other;
            if (bound == QLatin1String("lt"))
                return time < other;
            if (bound == QLatin1String("lte"))
                return time <= other;
            return time == other;
        };
        if (op == QLatin1String("range")) {
            const QJsonObject bounds = wanted.toObject();
            for (auto it = bounds.constBegin(); it != bounds.constEnd(); ++it) {
                if (!check(it.key(), it.value()))
                    return false;
            }
            return true;
        }
        if (op == QLatin1String("not_eq"))
            return !check(QStringLiteral("eq"), wanted);
        return check(op, wanted);
    }
    if (actual.isArray()) { // tags
        const QJsonArray items = actual.toArray();
        const bool has = std::any_of(items.begin(), items.end(), [&](const QJsonValue& item) {
            return item.toString().compare(wanted.toString(), Qt::CaseInsensitive) == 0;
        });
        return (op == QLatin1String("eq") || op == QLatin1String("contains")) ? has : !has;
    }
    const QString text = actual.toVariant().toString();
    const QString needle = wanted.toVariant().toString();
    if (op == QLatin1String("eq"))
        return text.compare(needle, Qt::CaseInsensitive) == 0;
    if (op == QLatin1String("not_eq"))
        return text.compare(needle, Qt::CaseInsensitive) != 0;
    if (op == QLatin1String("contains"))
        return text.contains(needle, Qt::CaseInsensitive);
    if (op == QLatin1String("not_contains"))
        return !text.contains(needle, Qt::CaseInsensitive);
    return false;
}

bool HighLevelSearch::matches(const QJsonObject& contact, const QJsonArray& filters, bool any) const
{
    if (filters.isEmpty())
        return true;
    for (const QJsonValue& filter : filters) {
        const bool hit = matchesOne(contact, filter.toObject());
        if (any && hit)
            return true;
        if (!any && !hit)
            return false;
    }
    return !any;
}

EmulatorReply HighLevelSearch::run(const QJsonObject& body, const QList<QJsonObject>& contacts) const
{
    QStringList errors;
    if (!body.value(QLatin1String("locationId")).isString())
        errors << QStringLiteral("locationId must be a string");
    const QJsonValue pageLimitValue = body.value(QLatin1String("pageLimit"));
    if (!pageLimitValue.isDouble())
        errors << QStringLiteral("pageLimit must be a number conforming to the specified constraints");
    else if (pageLimitValue.toInt() < 1 || pageLimitValue.toInt() > kMaxPageLimit)
        errors << QStringLiteral("pageLimit must not be greater than 500");
    const QJsonValue pageValue = body.value(QLatin1String("page"));
    if (!pageValue.isUndefined() && (!pageValue.isDouble() || pageValue.toInt() < 1))
        errors << QStringLiteral("page must not be less than 1");
    const QJsonValue afterValue = body.value(QLatin1String("searchAfter"));
    const QJsonArray after = afterValue.toArray();
    if (!afterValue.isUndefined() && (!afterValue.isArray() || after.size() != 2 || !after.at(1).isString()))
        errors << QStringLiteral("searchAfter must be the [sortValue, id] array of a returned contact");
    if (!pageValue.isUndefined() && !afterValue.isUndefined())
        errors << QStringLiteral("page and searchAfter cannot be used together");
    const QJsonValue filtersValue = body.value(QLatin1String("filters"));
    if (!filtersValue.isUndefined() && !filtersValue.isArray())
        errors << QStringLiteral("filters must be an array");
    const QString filterError = validateFilters(filtersValue.toArray());
    if (!filterError.isEmpty())
        errors << filterError;
    const QJsonObject sort = body.value(QLatin1String("sort")).toArray().at(0).toObject();
    const QString sortField = sort.value(QLatin1String("field")).toString(QStringLiteral("dateAdded"));
    const bool descending = sort.value(QLatin1String("direction")).toString() == QLatin1String("desc");
    if (!kSortFields.contains(sortField))
        errors << QStringLiteral("sort field %1 is not supported").arg(sortField);
    if (!errors.isEmpty())
        return unprocessable(errors);

    const int pageLimit = pageLimitValue.toInt();
    const int page = pageValue.toInt(1);
    if (afterValue.isUndefined() && page * pageLimit > kMaxPagedRecords)
        return unprocessable(
            {QStringLiteral("page and pageLimit can reach the first 10000 records only; use searchAfter")});

    struct Row
    {
        QJsonValue key;
        QString id;
        qsizetype index;
    };
    QList<Row> rows;
    const QJsonArray filters = filtersValue.toArray();
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        if (matches(contacts.at(i), filters, false))
            rows.append(
                Row {sortValue(contacts.at(i), sortField), contacts.at(i).value(QLatin1String("id")).toString(), i});
    }
    auto before = [descending](const QJsonValue& keyA, const QString& idA, const QJsonValue& keyB, const QString& idB) {
        const int c = compare(keyA, keyB);
        const int order = c != 0 ? c : idA.compare(idB);
        return descending ? order > 0 : order < 0;
    };
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return before(a.key, a.id, b.key, b.id); });

    qsizetype start = qsizetype(page - 1) * pageLimit;
    if (!afterValue.isUndefined()) {
        const QJsonValue afterKey = after.at(0);
        const QString afterId = after.at(1).toString();
        start = std::partition_point(rows.begin(), rows.end(),
                                     [&](const Row& row) { return !before(afterKey, afterId, row.key, row.id); })
            - rows.begin();
    }
    QJsonArray page_;
    for (qsizetype i = start; i < rows.size() && page_.size() < pageLimit; ++i) {
        QJsonObject contact = contacts.at(rows.at(i).index);
        contact.insert(QStringLiteral("searchAfter"), QJsonArray {rows.at(i).key, rows.at(i).id});
        if (m_faults && m_faults->sparseRows()) {
            // Search rows as the Search Contacts page shows them: `address`, not `address1`.
            const QJsonValue line = contact.take(QStringLiteral("address1"));
            contact.insert(QStringLiteral("address"),
                           line.isString() ? QJsonValue(QJsonObject {{QStringLiteral("line1"), line}}) : QJsonValue());
        }
        page_.append(contact);
    }
    return EmulatorReply::json(
        200,
        QJsonObject {{QStringLiteral("contacts"), page_},
                     {QStringLiteral("total"),
                      rows.size() + (m_faults && m_faults->moreForever() ? FaultPlan::kPhantomRecords : 0)},
                     {QStringLiteral("traceId"), util::uuid()}});
}

} // namespace roster::emulator
