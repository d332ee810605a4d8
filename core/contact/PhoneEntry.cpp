#include "PhoneEntry.h"

#include "PhoneNormalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

namespace roster {

namespace {

constexpr std::array<std::pair<PhoneType, const char*>, 5> kNames {{
    {PhoneType::Mobile, "mobile"},
    {PhoneType::Work, "work"},
    {PhoneType::Home, "home"},
    {PhoneType::Fax, "fax"},
    {PhoneType::Other, "other"},
}};

// Words of labels, lower case, per kind. Fax outranks the place ("Work Fax" is a fax), mobile outranks
// the place too ("Work Mobile" is a mobile), then work and home.
constexpr std::array<std::pair<PhoneType, const char*>, 5> kLabelWords {{
    {PhoneType::Fax, "fax facsimile telefax"},
    {PhoneType::Mobile, "cell mobile cellular cellphone mobil handy portable movil celular iphone"},
    {PhoneType::Work,
     "work business office company main bureau travail arbeit dienstlich geschaftlich "
     "buro trabajo oficina"},
    {PhoneType::Home, "home private privat domicile maison casa personal"},
    {PhoneType::Other,
     "other pager car callback isdn radio telex tty ttytdd textphone assistant autre sonstige "
     "otro video bbs modem msg pcs"},
}};

} // namespace

QString PhoneTypes::name(PhoneType type)
{
    for (const auto& [kind, text] : kNames) {
        if (kind == type)
            return QString::fromLatin1(text);
    }
    return {};
}

std::optional<PhoneType> PhoneTypes::fromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return PhoneType::None;
    for (const auto& [kind, text] : kNames) {
        if (trimmed.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

std::optional<PhoneType> PhoneTypes::fromLabel(QStringView label)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList words;
    for (const QString& word : label.toString().toCaseFolded().split(separators, Qt::SkipEmptyParts)) {
        QString plain = word.normalized(QString::NormalizationForm_D);
        plain.removeIf([](QChar c) { return c.category() == QChar::Mark_NonSpacing; });
        words << plain;
    }
    if (words.isEmpty())
        return std::nullopt;
    for (const auto& [kind, list] : kLabelWords) {
        const QStringList known = QString::fromLatin1(list).split(QLatin1Char(' '));
        for (const QString& word : std::as_const(words)) {
            if (known.contains(word))
                return kind;
            // "Mobiltelefon", "Faxnummer", "Telefonfax": a kind inside a compound word.
            for (const QString& k : known) {
                if (kind != PhoneType::Other && k.size() >= 3 && word.size() > k.size()
                    && (word.startsWith(k) || word.endsWith(k)))
                    return kind;
            }
        }
    }
    return std::nullopt;
}

std::optional<PhoneType> PhoneTypes::fromLabels(const QStringList& labels)
{
    std::optional<PhoneType> best;
    // The same ranking as fromLabel: a fax is a fax whatever place it is at.
    const auto rank = [](PhoneType t) {
        for (std::size_t i = 0; i < kLabelWords.size(); ++i) {
            if (kLabelWords[i].first == t)
                return static_cast<int>(i);
        }
        return static_cast<int>(kLabelWords.size());
    };
    for (const QString& label : labels) {
        const auto type = fromLabel(label);
        if (type && (!best || rank(*type) < rank(*best)))
            best = type;
    }
    return best;
}

QString PhoneTypes::entryText(const PhoneEntry& phone)
{
    if (phone.type == PhoneType::None)
        return phone.number;
    return QStringLiteral("%1 (%2)").arg(phone.number, name(phone.type));
}

PhoneEntry PhoneTypes::entryFromText(QStringView text)
{
    PhoneEntry entry;
    QStringView rest = text.trimmed();
    if (rest.endsWith(u')')) {
        const qsizetype open = rest.lastIndexOf(u'(');
        if (open > 0) {
            if (const auto type = fromName(rest.sliced(open + 1, rest.size() - open - 2));
                type && *type != PhoneType::None) {
                entry.type = *type;
                rest = rest.first(open).trimmed();
            }
        }
    }
    entry.number = rest.toString();
    return entry;
}

QString PhoneTypes::toText(const PhoneList& phones)
{
    QStringList parts;
    for (const PhoneEntry& phone : phones)
        parts << entryText(phone);
    return parts.join(QStringLiteral("; "));
}

PhoneList PhoneTypes::fromText(QStringView text)
{
    static const QRegularExpression separator(QStringLiteral(";\\s+|\\s+:::\\s+|\\n"));
    PhoneList phones;
    for (const QString& part : text.toString().split(separator, Qt::SkipEmptyParts)) {
        QString trimmed = part.trimmed();
        if (trimmed.endsWith(QLatin1Char(';')))
            trimmed.chop(1);
        if (trimmed.isEmpty())
            continue;
        phones << entryFromText(trimmed);
    }
    return phones;
}

QString PhoneTypes::identity(const QString& number)
{
    if (PhoneNormalizer::looksLikeE164(number))
        return number;
    QString key(QStringLiteral("raw:"));
    for (QChar c : number) {
        if (c.isLetterOrNumber())
            key += c.toCaseFolded();
    }
    return key;
}

bool PhoneTypes::isSame(const QString& a, const QString& b)
{
    return identity(a) == identity(b) || PhoneNormalizer::isSameNumber(a, b) || PhoneNormalizer::isSameNumber(b, a);
}

bool PhoneTypes::contains(const PhoneList& phones, const QString& number)
{
    return std::any_of(phones.cbegin(), phones.cend(), [&](const PhoneEntry& e) { return isSame(e.number, number); });
}

PhoneList PhoneTypes::appendMissing(PhoneList list, const PhoneList& additions)
{
    for (const PhoneEntry& phone : additions) {
        const auto it = std::find_if(list.begin(), list.end(),
                                     [&](const PhoneEntry& e) { return isSame(e.number, phone.number); });
        if (it == list.end())
            list << phone;
        else if (it->type == PhoneType::None)
            it->type = phone.type;
    }
    return list;
}

QString PhoneTypes::toJson(const PhoneList& phones)
{
    QJsonArray array;
    for (const PhoneEntry& phone : phones) {
        QJsonObject object {{QStringLiteral("number"), phone.number}};
        object.insert(QStringLiteral("type"), phone.type == PhoneType::None ? QJsonValue() : name(phone.type));
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

PhoneList PhoneTypes::fromJson(const QString& text)
{
    PhoneList phones;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    for (const QJsonValue& value : document.array()) {
        if (value.isString()) {
            phones << entryFromText(value.toString());
            continue;
        }
        const QJsonObject object = value.toObject();
        PhoneEntry entry;
        entry.number = object.value(QStringLiteral("number")).toString();
        entry.type = fromName(object.value(QStringLiteral("type")).toString()).value_or(PhoneType::Other);
        if (!entry.number.isEmpty())
            phones << entry;
    }
    return phones;
}

} // namespace roster
