#include "ColumnMapper.h"

#include "HeaderMatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <array>

namespace roster {

namespace {

const QString kMultiSeparator = QStringLiteral(" ::: ");

// The values of one row already taken (its tags, its emails), compared case-folded. A row holds a handful, which a
// scan finds sooner than a hash of each (Qt's string hash was a tenth of the reading thread's time); a set takes
// over for a row that holds many.
class SeenValues final
{
public:
    // False when an equal value was seen before.
    bool insert(const QString& value)
    {
        QString key = value.toCaseFolded();
        if (m_many.isEmpty()) {
            if (m_few.contains(key))
                return false;
            m_few << std::move(key);
            if (m_few.size() > kFew)
                m_many = QSet<QString>(m_few.cbegin(), m_few.cend());
            return true;
        }
        if (m_many.contains(key))
            return false;
        m_many.insert(std::move(key));
        return true;
    }

private:
    static constexpr qsizetype kFew = 16;
    QStringList m_few;
    QSet<QString> m_many;
};

void appendUnique(QStringList& list, SeenValues& seen, const QString& value)
{
    if (!value.isEmpty() && seen.insert(value))
        list << value;
}

} // namespace

ColumnMapper::ColumnMapper(const ColumnMapping& mapping)
{
    m_columns.resize(static_cast<std::size_t>(mapping.columnCount()));
    for (qsizetype i = 0; i < mapping.columnCount(); ++i) {
        const QString target = mapping.target(i);
        Column& column = m_columns[static_cast<std::size_t>(i)];
        if (target.isEmpty())
            continue;
        if (target == HeaderMatcher::fullNameTarget()) {
            column.kind = Kind::FullName;
        } else if (target == FieldRegistry::extraEmailsName()) {
            column.kind = Kind::ExtraEmails;
        } else if (target == FieldRegistry::extraPhonesName()) {
            column.kind = Kind::ExtraPhones;
        } else if (target == FieldRegistry::extraWebsitesName()) {
            column.kind = Kind::ExtraWebsites;
        } else if (const auto type = HeaderMatcher::phoneTargetType(target)) {
            column.kind = Kind::Phone;
            column.field = Field::Phone;
            column.phoneType = *type;
        } else if (target == FieldRegistry::tagsName()) {
            column.kind = Kind::Tags;
        } else if (target.startsWith(FieldRegistry::customPrefix())) {
            column.kind = Kind::Custom;
            column.customKey = target.mid(FieldRegistry::customPrefix().size());
        } else if (const auto field = FieldRegistry::fromName(target)) {
            column.field = *field;
            column.kind = *field == Field::Email ? Kind::Email
                : *field == Field::Website       ? Kind::Website
                : *field == Field::PhoneType     ? Kind::PhoneKind
                                                 : Kind::Scalar;
        }
    }
    pairPhoneKinds();
}

// Google writes "Phone 1 - Type" before "Phone 1 - Value"; Roster writes `phone` before `phone_type`. Each
// type column names the kind of the nearest phone column of no kind of its own, the one after it first.
void ColumnMapper::pairPhoneKinds()
{
    const auto count = static_cast<qsizetype>(m_columns.size());
    for (qsizetype t = 0; t < count; ++t) {
        if (m_columns[static_cast<std::size_t>(t)].kind != Kind::PhoneKind)
            continue;
        qsizetype best = -1;
        for (qsizetype distance = 1; distance < count && best < 0; ++distance) {
            for (const qsizetype candidate : {t + distance, t - distance}) {
                if (candidate < 0 || candidate >= count)
                    continue;
                Column& column = m_columns[static_cast<std::size_t>(candidate)];
                if (column.kind == Kind::Phone && column.phoneType == PhoneType::None && column.kindColumn < 0) {
                    best = candidate;
                    break;
                }
            }
        }
        if (best >= 0) {
            m_columns[static_cast<std::size_t>(best)].kindColumn = t;
            m_columns[static_cast<std::size_t>(t)].paired = true;
        }
    }
}

void ColumnMapper::addPhones(const Column& column, QStringView cell, const CsvRecord& record,
                             QList<RankedPhone>& phones) const
{
    PhoneType type = column.phoneType;
    if (column.kindColumn >= 0 && column.kindColumn < record.size()) {
        const QStringView label = record.at(column.kindColumn).trimmed();
        type = PhoneTypes::fromName(label).value_or(PhoneTypes::fromLabel(label).value_or(PhoneType::Other));
    }
    // A column of no said kind ("Phone", "Primary Phone", Roster's own `phone`) holds the main number.
    static constexpr std::array kRanks {0, 1, 2, 3, 5, 4}; // None, Mobile, Work, Home, Fax, Other
    const int rank = column.phoneType == PhoneType::None ? 0 : kRanks[static_cast<std::size_t>(type)];
    if (!cell.contains(kMultiSeparator)) {
        phones.append({rank, {cell.toString(), type}});
        return;
    }
    for (const QString& number : splitMultiValue(cell))
        phones.append({rank, {number, type}});
}

PhoneList ColumnMapper::primaryFirst(QList<RankedPhone> phones)
{
    std::stable_sort(phones.begin(), phones.end(),
                     [](const RankedPhone& a, const RankedPhone& b) { return a.rank < b.rank; });
    PhoneList list;
    for (const RankedPhone& phone : std::as_const(phones))
        list = PhoneTypes::appendMissing(list, {phone.entry});
    return list;
}

ColumnMapping ColumnMapper::suggest(const QStringList& header)
{
    ColumnMapping mapping(header);
    const auto has = [&](const QString& target) { return mapping.targets().contains(target); };
    for (qsizetype i = 0; i < header.size(); ++i)
        (void)mapping.setTarget(i, HeaderMatcher::match(header.at(i)));

    const QString jobTitle = FieldRegistry::name(Field::JobTitle);
    const QString linkedin = FieldRegistry::name(Field::LinkedinUrl);
    bool linkedinExport = false;
    for (const QString& name : header)
        linkedinExport = linkedinExport || HeaderMatcher::normalize(name) == u"connectedon";
    const bool hadJobTitle = has(jobTitle);
    const bool hadLinkedin = has(linkedin);
    const bool hasFirst = has(FieldRegistry::name(Field::FirstName));
    const bool hasLast = has(FieldRegistry::name(Field::LastName));
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString key = HeaderMatcher::normalize(header.at(i));
        if (key == u"title" || key == u"titel") {
            // German "Titel" is always "Dr."; English "Title" is the job unless a job column exists.
            (void)mapping.setTarget(i, hadJobTitle || key == u"titel" ? QString() : jobTitle);
        } else if (key == u"url" && linkedinExport && !hadLinkedin) {
            (void)mapping.setTarget(i, linkedin);
        } else if (mapping.target(i) == HeaderMatcher::fullNameTarget() && (key == u"name" || key == u"nom") && hasFirst
                   && !hasLast) {
            (void)mapping.setTarget(i, FieldRegistry::name(Field::LastName));
        }
    }
    return mapping;
}

QString ColumnMapper::customKeyFor(const QString& header)
{
    const QString decomposed = header.normalized(QString::NormalizationForm_KD);
    QString key;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.unicode() < 0x80 && c.isLetterOrNumber()) {
            key += c.toLower();
        } else if (!key.isEmpty() && !key.endsWith(QLatin1Char('_'))) {
            key += QLatin1Char('_');
        }
    }
    while (key.endsWith(QLatin1Char('_')))
        key.chop(1);
    return key.left(64);
}

QStringList ColumnMapper::splitMultiValue(QStringView cell)
{
    QStringList values;
    for (const QStringView part : cell.split(kMultiSeparator)) {
        const QString value = part.trimmed().toString();
        if (!value.isEmpty())
            values << value;
    }
    return values;
}

QStringList ColumnMapper::splitTags(QStringView cell)
{
    QStringList tags;
    // Roster's own export writes the tags as a JSON list when one holds a comma or a semicolon.
    if (cell.startsWith(u'[') && cell.endsWith(u']')) {
        const QJsonDocument document = QJsonDocument::fromJson(cell.toUtf8());
        if (document.isArray()) {
            for (const QJsonValue& value : document.array()) {
                if (const QString tag = value.toString().trimmed(); !tag.isEmpty())
                    tags << tag;
            }
            return tags;
        }
    }
    for (const QString& group : splitMultiValue(cell)) {
        for (const QStringView part : QStringView(group).split(QLatin1Char(','))) {
            for (const QStringView piece : part.split(QLatin1Char(';'))) {
                QStringView tag = piece.trimmed();
                if (tag.startsWith(u"* "))
                    tag = tag.sliced(2).trimmed(); // Google marks its system groups with "* "
                if (!tag.isEmpty())
                    tags << tag.toString();
            }
        }
    }
    return tags;
}

std::optional<Field> ColumnMapper::linkedinFieldForUrl(QStringView url)
{
    if (!url.contains(u"linkedin.com/", Qt::CaseInsensitive))
        return std::nullopt;
    if (url.contains(u"/sales/", Qt::CaseInsensitive))
        return Field::SalesNavUrl;
    if (url.contains(u"/company/", Qt::CaseInsensitive) || url.contains(u"/school/", Qt::CaseInsensitive))
        return Field::CompanyLinkedinUrl;
    if (url.contains(u"/in/", Qt::CaseInsensitive) || url.contains(u"/pub/", Qt::CaseInsensitive))
        return Field::LinkedinUrl;
    return std::nullopt;
}

void ColumnMapper::keepIdentityColumnsOnly()
{
    for (Column& column : m_columns) {
        switch (column.kind) {
        case Kind::Email:
        case Kind::ExtraEmails:
        case Kind::Website: // a LinkedIn URL in a website column is the profile
        case Kind::ExtraWebsites:
            break;
        case Kind::Scalar:
            if (column.field != Field::Email && column.field != Field::LinkedinUrl
                && column.field != Field::SalesNavUrl)
                column.kind = Kind::Ignore;
            break;
        default:
            column.kind = Kind::Ignore;
            break;
        }
    }
}

ContactPatch ColumnMapper::toPatch(const CsvRecord& record) const
{
    ContactPatch patch;
    QStringList emails;
    QStringList extraEmails;
    QStringList tags;
    SeenValues seenTags;
    QString fullName;
    QStringList websites;
    QList<RankedPhone> phones;
    const auto setFirst = [&patch](Field field, const QString& value) {
        if (!patch.has(field))
            patch.set(field, value);
    };

    const qsizetype count = qMin<qsizetype>(record.size(), static_cast<qsizetype>(m_columns.size()));
    for (qsizetype i = 0; i < count; ++i) {
        const Column& column = m_columns[static_cast<std::size_t>(i)];
        if (column.kind == Kind::Ignore)
            continue;
        QStringView cell = record.at(i).trimmed();
        // Undo the apostrophe CsvWriter (and Apollo, and careful spreadsheets) put before formula-like text.
        if (cell.size() >= 2 && cell.front() == u'\'' && QStringView(u"=+-@").contains(cell[1]))
            cell = cell.sliced(1);
        if (cell.isEmpty())
            continue;
        switch (column.kind) {
        case Kind::Ignore:
            break;
        case Kind::Scalar:
            // Most cells hold one value: take them whole rather than through a split list.
            if (!patch.has(column.field)) {
                if (!cell.contains(kMultiSeparator))
                    patch.set(column.field, cell.toString());
                else if (const QStringList values = splitMultiValue(cell); !values.isEmpty())
                    patch.set(column.field, values.front());
            }
            break;
        case Kind::Website:
        case Kind::ExtraWebsites: {
            const QStringList urls
                = column.kind == Kind::Website ? splitMultiValue(cell) : ContactPatch::splitUrls(cell);
            for (const QString& url : urls) {
                if (const auto linkedin = linkedinFieldForUrl(url))
                    setFirst(*linkedin, url);
                else if (!websites.contains(url, Qt::CaseInsensitive))
                    websites << url;
            }
            break;
        }
        case Kind::Phone:
            addPhones(column, cell, record, phones);
            break;
        case Kind::ExtraPhones:
            for (const PhoneEntry& phone : PhoneTypes::fromText(cell))
                phones.append({9, phone});
            break;
        case Kind::PhoneKind:
            if (!patch.has(Field::PhoneType) && !column.paired)
                patch.set(Field::PhoneType, cell.toString());
            break;
        case Kind::Email:
        case Kind::ExtraEmails: {
            QStringList& list = column.kind == Kind::Email ? emails : extraEmails;
            if (!cell.contains(u':') && !cell.contains(u';') && !cell.contains(u',')) {
                list << cell.toString();
                break;
            }
            for (const QString& value : splitMultiValue(cell)) {
                for (const QStringView part : QStringView(value).split(QLatin1Char(';'))) {
                    for (const QStringView email : part.split(QLatin1Char(','))) {
                        if (!email.trimmed().isEmpty())
                            list << email.trimmed().toString();
                    }
                }
            }
            break;
        }
        case Kind::Tags:
            for (const QString& tag : splitTags(cell))
                appendUnique(tags, seenTags, tag);
            break;
        case Kind::FullName:
            if (fullName.isEmpty())
                fullName = cell.toString();
            break;
        case Kind::Custom:
            if (!patch.custom().contains(column.customKey))
                patch.setCustom(column.customKey, cell.toString());
            break;
        }
    }

    QStringList allEmails = std::move(emails);
    if (allEmails.size() + extraEmails.size() > 1) {
        SeenValues seenEmails;
        QStringList unique;
        for (const QString& email : std::as_const(allEmails))
            appendUnique(unique, seenEmails, email);
        for (const QString& email : std::as_const(extraEmails))
            appendUnique(unique, seenEmails, email);
        allEmails = std::move(unique);
    } else if (allEmails.isEmpty()) {
        allEmails = std::move(extraEmails);
    }
    if (!allEmails.isEmpty()) {
        patch.set(Field::Email, allEmails.takeFirst());
        if (!allEmails.isEmpty())
            patch.setExtraEmails(allEmails);
    }
    if (!websites.isEmpty()) {
        if (!patch.has(Field::Website))
            patch.set(Field::Website, websites.takeFirst());
        if (!websites.isEmpty())
            patch.setExtraWebsites(websites);
    }
    if (!phones.isEmpty()) {
        PhoneList list = primaryFirst(std::move(phones));
        const PhoneEntry primary = list.takeFirst();
        patch.set(Field::Phone, primary.number);
        if (primary.type != PhoneType::None)
            patch.set(Field::PhoneType, PhoneTypes::name(primary.type));
        if (!list.isEmpty())
            patch.setExtraPhones(list);
    }
    if (!tags.isEmpty())
        patch.setTags(tags, m_tagMode);
    if (!fullName.isEmpty() && !patch.has(Field::FirstName) && !patch.has(Field::LastName)) {
        const qsizetype space = fullName.lastIndexOf(QLatin1Char(' '));
        if (space < 0) {
            patch.set(Field::FirstName, fullName);
        } else {
            patch.set(Field::FirstName, fullName.left(space).trimmed());
            patch.set(Field::LastName, fullName.mid(space + 1));
        }
    }
    return patch;
}

} // namespace roster
