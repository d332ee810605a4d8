#include "VcardContactBuilder.h"

#include "ColumnMapper.h"

#include <QRegularExpression>

namespace roster {

namespace {

QString component(const QStringList& parts, qsizetype index)
{
    return parts.value(index).trimmed();
}

} // namespace

QString VcardContactBuilder::propertyNameFor(Field field)
{
    return QStringLiteral("X-ROSTER-")
        + FieldRegistry::name(field).toUpper().replace(QLatin1Char('_'), QLatin1Char('-'));
}

std::optional<Field> VcardContactBuilder::fieldForPropertyName(QStringView name)
{
    const QLatin1String prefix("X-ROSTER-");
    if (!name.startsWith(prefix, Qt::CaseInsensitive))
        return std::nullopt;
    return FieldRegistry::fromName(
        name.sliced(prefix.size()).toString().toLower().replace(QLatin1Char('-'), QLatin1Char('_')));
}

QString VcardContactBuilder::normalizeDate(const QString& value)
{
    static const QRegularExpression basic(QStringLiteral("^(\\d{4})-?(\\d{2})-?(\\d{2})(T.*)?$"));
    static const QRegularExpression noYear(QStringLiteral("^--(\\d{2})-?(\\d{2})$"));
    const QString text = value.trimmed();
    if (const auto m = basic.match(text); m.hasMatch())
        return m.captured(1) + QLatin1Char('-') + m.captured(2) + QLatin1Char('-') + m.captured(3);
    if (const auto m = noYear.match(text); m.hasMatch())
        return QStringLiteral("--") + m.captured(1) + QLatin1Char('-') + m.captured(2);
    return text;
}

void VcardContactBuilder::setOnce(Field field, const QString& value)
{
    if (!value.isEmpty() && !m_patch.has(field))
        m_patch.set(field, value);
}

void VcardContactBuilder::add(const VcardProperty& property)
{
    const QString& name = property.name();
    if (name == u"N") {
        const QStringList parts = property.components();
        setOnce(Field::LastName, component(parts, 0));
        setOnce(Field::FirstName, component(parts, 1));
    } else if (name == u"FN") {
        if (m_fullName.isEmpty())
            m_fullName = property.text().trimmed();
    } else if (name == u"EMAIL") {
        if (const QString email = property.text().trimmed(); !email.isEmpty())
            m_emails.append({email, property.isPreferred()});
    } else if (name == u"TEL") {
        QString phone = property.text().trimmed();
        if (phone.startsWith(u"tel:", Qt::CaseInsensitive))
            phone = phone.mid(4); // RFC 3966: "+1-555-555-0100;ext=42" stays whole, extension included
        if (!phone.isEmpty())
            m_phones.append(
                {{phone, PhoneTypes::fromLabels(property.types()).value_or(PhoneType::None)}, property.isPreferred()});
    } else if (name == u"ORG") {
        setOnce(Field::CompanyName, component(property.components(), 0));
        if (const QString unit = property.components().mid(1).join(QStringLiteral(", ")).trimmed(); !unit.isEmpty())
            m_unmodelled << QStringLiteral("ORG unit '%1'").arg(unit);
    } else if (name == u"TITLE") {
        setOnce(Field::JobTitle, property.text().trimmed());
    } else if (name == u"URL") {
        if (const QString url = property.text().trimmed(); !url.isEmpty())
            m_urls << url;
    } else if (name == u"X-SOCIALPROFILE") {
        const QString url = property.text().trimmed();
        if (property.hasType(u"linkedin") || ColumnMapper::linkedinFieldForUrl(url))
            m_socialUrls << url;
    } else if (name == u"ADR") {
        m_addresses.append({property.isPreferred(), property.components()});
    } else if (name == u"BDAY") {
        setOnce(Field::DateOfBirth, normalizeDate(property.text()));
    } else if (name == u"NOTE") {
        if (const QString note = property.text(); !note.trimmed().isEmpty())
            m_notes << note;
    } else if (name == u"CATEGORIES") {
        m_tags << property.list();
    } else if (name == u"PHOTO") {
        if (property.isUri())
            setOnce(Field::PictureUrl, property.text().trimmed());
        else if (!property.text().trimmed().isEmpty())
            m_unmodelled << QStringLiteral(
                "PHOTO (an image inside the card: Roster keeps a picture's web address only)");
    } else if (name == u"TZ") {
        setOnce(Field::Timezone, property.text().trimmed());
    } else if (name == u"LANG") {
        if (const QString language = property.text().trimmed(); !language.isEmpty())
            m_languages << language;
    } else if (name == u"GENDER") {
        const QStringList parts = property.components();
        static const QMap<QString, QString> sexes {{QStringLiteral("M"), QStringLiteral("male")},
                                                   {QStringLiteral("F"), QStringLiteral("female")},
                                                   {QStringLiteral("O"), QStringLiteral("other")}};
        const QString identity = component(parts, 1);
        setOnce(Field::Gender, identity.isEmpty() ? sexes.value(component(parts, 0).toUpper()) : identity);
    } else if (name == customPropertyName()) {
        const QString key = property.param(customKeyParam());
        if (FieldRegistry::isValidCustomKey(key))
            m_custom.insert(key, property.text());
    } else if (const auto field = fieldForPropertyName(name)) {
        m_overrides.insert(*field, property.text());
    } else if (!isMetadata(name) && !property.text().trimmed().isEmpty()) {
        // A LOGO, SOUND or KEY inside the card is thousands of characters: named, not quoted whole.
        constexpr qsizetype kQuoted = 80;
        const QString text = property.text().trimmed();
        const QString quoted = text.size() > kQuoted
            ? QString(text.left(kQuoted) + QStringLiteral("…' (%1 characters)").arg(text.size()))
            : QString(text + QLatin1Char('\''));
        m_unmodelled << name + QStringLiteral(" '") + quoted;
    }
}

QStringList VcardContactBuilder::ranked(const QList<Ranked>& items)
{
    QStringList values;
    for (const Ranked& item : items) {
        if (item.preferred && !values.contains(item.value, Qt::CaseInsensitive))
            values << item.value;
    }
    for (const Ranked& item : items) {
        if (!values.contains(item.value, Qt::CaseInsensitive))
            values << item.value;
    }
    return values;
}

// What describes the card rather than the person: nothing of the user's is lost by not keeping it.
bool VcardContactBuilder::isMetadata(const QString& name)
{
    static const QStringList names {QStringLiteral("VERSION"), QStringLiteral("PRODID"), QStringLiteral("REV"),
                                    QStringLiteral("UID"),     QStringLiteral("KIND"),   QStringLiteral("SORT-STRING"),
                                    QStringLiteral("CLASS"),   QStringLiteral("SOURCE"), QStringLiteral("NAME"),
                                    QStringLiteral("PROFILE"), QStringLiteral("MAILER"), QStringLiteral("LABEL")};
    return names.contains(name) || name.startsWith(u"X-ABLABEL") || name.startsWith(u"X-ABUID")
        || name.startsWith(u"X-ABSHOWAS");
}

ContactPatch VcardContactBuilder::finish(QStringList* notKept)
{
    if (notKept) {
        // Roster keeps one address a contact (the preferred one); the others are named for the report.
        if (m_addresses.size() > 1)
            notKept->append(QStringLiteral("%1 more ADR").arg(m_addresses.size() - 1));
        *notKept << m_unmodelled;
    }
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it) {
        if (!it.value().isEmpty())
            m_patch.set(it.key(), it.value());
    }
    for (const QString& url : std::as_const(m_socialUrls))
        setOnce(ColumnMapper::linkedinFieldForUrl(url).value_or(Field::LinkedinUrl), url);
    QStringList extraWebsites;
    for (const QString& url : std::as_const(m_urls)) {
        const auto field = ColumnMapper::linkedinFieldForUrl(url);
        if (field && !m_patch.has(*field))
            m_patch.set(*field, url);
        else if (!m_patch.has(Field::Website))
            m_patch.set(Field::Website, url);
        else if (url.compare(m_patch.value(Field::Website), Qt::CaseInsensitive) != 0
                 && !extraWebsites.contains(url, Qt::CaseInsensitive))
            extraWebsites << url;
    }
    if (!extraWebsites.isEmpty())
        m_patch.setExtraWebsites(extraWebsites);

    QStringList emails = ranked(m_emails);
    if (!emails.isEmpty()) {
        setOnce(Field::Email, emails.takeFirst());
        if (!emails.isEmpty())
            m_patch.setExtraEmails(emails);
    }
    // The preferred phone first, then the others in the card's order.
    PhoneList phones;
    for (const bool preferred : {true, false}) {
        for (const Phone& phone : std::as_const(m_phones)) {
            if (phone.preferred == preferred)
                phones = PhoneTypes::appendMissing(phones, {phone.entry});
        }
    }
    if (!phones.isEmpty() && !m_patch.has(Field::Phone)) {
        const PhoneEntry primary = phones.takeFirst();
        m_patch.set(Field::Phone, primary.number);
        if (primary.type != PhoneType::None && !m_patch.has(Field::PhoneType))
            m_patch.set(Field::PhoneType, PhoneTypes::name(primary.type));
    }
    if (!phones.isEmpty())
        m_patch.setExtraPhones(phones);

    if (!m_addresses.isEmpty()) {
        QStringList address = m_addresses.front().second;
        for (const auto& [preferred, parts] : std::as_const(m_addresses)) {
            if (preferred) {
                address = parts;
                break;
            }
        }
        // pobox; extended; street; locality; region; postal code; country
        setOnce(Field::Address1, component(address, 2));
        setOnce(Field::City, component(address, 3));
        setOnce(Field::State, component(address, 4));
        setOnce(Field::PostalCode, component(address, 5));
        setOnce(Field::Country, component(address, 6));
    }
    if (!m_notes.isEmpty())
        setOnce(Field::Notes, m_notes.join(QLatin1Char('\n')));
    if (!m_languages.isEmpty())
        setOnce(Field::Languages, m_languages.join(QStringLiteral(", ")));
    if (!m_tags.isEmpty()) {
        m_tags.removeDuplicates();
        m_patch.setTags(m_tags, TagMode::Append);
    }
    for (auto it = m_custom.cbegin(); it != m_custom.cend(); ++it)
        m_patch.setCustom(it.key(), it.value());
    // Exporters (Roster included) fill the mandatory FN with the email or a URL when there is no name;
    // that is not a name to split.
    const bool fullNameIsAName = !m_fullName.contains(QLatin1Char('@')) && !m_fullName.contains(QLatin1String("://"));
    if (!m_fullName.isEmpty() && fullNameIsAName && !m_patch.has(Field::FirstName) && !m_patch.has(Field::LastName)) {
        const qsizetype space = m_fullName.lastIndexOf(QLatin1Char(' '));
        setOnce(Field::FirstName, space < 0 ? m_fullName : m_fullName.left(space).trimmed());
        if (space >= 0)
            setOnce(Field::LastName, m_fullName.mid(space + 1));
    }

    ContactPatch patch = std::move(m_patch);
    *this = VcardContactBuilder();
    return patch;
}

} // namespace roster
