#include "VcardWriter.h"

#include "VcardContactBuilder.h"
#include "VcardProperty.h"

#include <QRegularExpression>
#include <QUrl>

#include <array>

namespace roster {

namespace {

// Fields a standard property carries; every other field is written as X-ROSTER-<FIELD>.
constexpr std::array kStandard {
    Field::FirstName,   Field::LastName,   Field::Email,    Field::Phone,    Field::LinkedinUrl, Field::JobTitle,
    Field::CompanyName, Field::Website,    Field::Address1, Field::City,     Field::State,       Field::PostalCode,
    Field::Country,     Field::PictureUrl, Field::Notes,    Field::Timezone, Field::PhoneType};

bool isStandard(Field field)
{
    return std::find(kStandard.begin(), kStandard.end(), field) != kStandard.end();
}

// A URI value as a vCard reader expects it: percent-encoded (a CR/LF or a space becomes %0D%0A or %20); what
// is not a URI at all is escaped as text.
QString uri(const QString& value)
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    if (url.isValid() && !url.scheme().isEmpty())
        return QString::fromLatin1(url.toEncoded());
    return VcardProperty::escape(value);
}

// TEL with its kind as vCard's TYPE says it (3.0 and 4.0 share these); "other" has no standard type.
QString telName(PhoneType type)
{
    switch (type) {
    case PhoneType::Mobile:
        return QStringLiteral("TEL;TYPE=CELL");
    case PhoneType::Work:
        return QStringLiteral("TEL;TYPE=WORK");
    case PhoneType::Home:
        return QStringLiteral("TEL;TYPE=HOME");
    case PhoneType::Fax:
        return QStringLiteral("TEL;TYPE=FAX");
    case PhoneType::Other:
        return QStringLiteral("TEL;TYPE=X-OTHER");
    case PhoneType::None:
        break;
    }
    return QStringLiteral("TEL");
}

} // namespace

VcardWriter::VcardWriter(QIODevice* device, Version version)
    : m_device(device)
    , m_version(version)
{
}

QByteArray VcardWriter::fold(const QString& line)
{
    const QByteArray utf8 = line.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 70 * 3 + 2);
    qsizetype start = 0;
    qsizetype limit = 75;
    while (utf8.size() - start > limit) {
        qsizetype cut = start + limit;
        while (cut > start && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80)
            --cut; // not inside a multi-byte character
        out += utf8.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74; // the leading space counts
    }
    out += utf8.mid(start);
    out += "\r\n";
    return out;
}

void VcardWriter::writeLine(const QString& line)
{
    const QByteArray bytes = fold(line);
    if (m_device->write(bytes) != bytes.size())
        m_error = true;
}

void VcardWriter::writeProperty(const QString& name, const QString& value)
{
    // A line break left in a value would end the property there and let the rest of the value be read as
    // properties of its own (a whole forged card from one field): every value leaves here on one line.
    QString safe = value;
    safe.replace(u"\r\n"_qs, u"\\n"_qs).replace(u'\r', u"\\n"_qs).replace(u'\n', u"\\n"_qs);
    writeLine(name + QLatin1Char(':') + safe);
}

void VcardWriter::write(const Contact& contact)
{
    const bool v4 = m_version == Version::V40;
    const auto value = [&contact](Field field) { return contact.value(field); };
    const auto esc = [](const QString& text) { return VcardProperty::escape(text); };

    writeLine(QStringLiteral("BEGIN:VCARD"));
    writeLine(v4 ? QStringLiteral("VERSION:4.0") : QStringLiteral("VERSION:3.0"));
    if (!contact.uid.isEmpty())
        writeProperty(QStringLiteral("UID"), esc(contact.uid));
    writeProperty(QStringLiteral("N"),
                  esc(value(Field::LastName)) + QLatin1Char(';') + esc(value(Field::FirstName))
                      + QStringLiteral(";;;"));
    writeProperty(QStringLiteral("FN"), esc(contact.displayName()));

    const QString pref = v4 ? QStringLiteral(";PREF=1") : QStringLiteral(";TYPE=INTERNET,pref");
    if (!value(Field::Email).isEmpty())
        writeProperty(QStringLiteral("EMAIL") + pref, esc(value(Field::Email)));
    for (const QString& email : contact.extraEmails)
        writeProperty(v4 ? QStringLiteral("EMAIL") : QStringLiteral("EMAIL;TYPE=INTERNET"), esc(email));
    if (!value(Field::Phone).isEmpty())
        writeProperty(telName(PhoneTypes::fromName(value(Field::PhoneType)).value_or(PhoneType::Other)),
                      esc(value(Field::Phone)));
    for (const PhoneEntry& phone : contact.extraPhones)
        writeProperty(telName(phone.type), esc(phone.number));
    if (!value(Field::CompanyName).isEmpty())
        writeProperty(QStringLiteral("ORG"), esc(value(Field::CompanyName)));
    if (!value(Field::JobTitle).isEmpty())
        writeProperty(QStringLiteral("TITLE"), esc(value(Field::JobTitle)));
    if (!value(Field::Website).isEmpty())
        writeProperty(QStringLiteral("URL"), esc(value(Field::Website)));
    for (const QString& url : contact.extraWebsites)
        writeProperty(QStringLiteral("URL"), esc(url));
    if (!value(Field::LinkedinUrl).isEmpty())
        writeProperty(QStringLiteral("X-SOCIALPROFILE;TYPE=linkedin"), esc(value(Field::LinkedinUrl)));

    const std::array address {Field::Address1, Field::City, Field::State, Field::PostalCode, Field::Country};
    if (std::any_of(address.begin(), address.end(), [&](Field f) { return !value(f).isEmpty(); })) {
        QString adr = QStringLiteral(";;");
        for (std::size_t i = 0; i < address.size(); ++i)
            adr += (i ? QStringLiteral(";") : QString()) + esc(value(address[i]));
        writeProperty(QStringLiteral("ADR"), adr);
    }

    // A date a vCard reader understands goes in BDAY; anything else keeps its text in X-ROSTER-DATE-OF-BIRTH.
    static const QRegularExpression isoDate(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QString birthday = value(Field::DateOfBirth);
    const auto date = isoDate.match(birthday);
    if (date.hasMatch()) {
        writeProperty(QStringLiteral("BDAY"), v4 ? date.captured(1) + date.captured(2) + date.captured(3) : birthday);
    } else if (!birthday.isEmpty()) {
        writeProperty(VcardContactBuilder::propertyNameFor(Field::DateOfBirth), esc(birthday));
    }
    if (!value(Field::Notes).isEmpty())
        writeProperty(QStringLiteral("NOTE"), esc(value(Field::Notes)));
    if (!contact.tags.isEmpty()) {
        QStringList tags;
        for (const QString& tag : contact.tags)
            tags << esc(tag);
        writeProperty(QStringLiteral("CATEGORIES"), tags.join(QLatin1Char(',')));
    }
    if (!value(Field::PictureUrl).isEmpty())
        writeProperty(v4 ? QStringLiteral("PHOTO") : QStringLiteral("PHOTO;VALUE=uri"), uri(value(Field::PictureUrl)));
    if (!value(Field::Timezone).isEmpty())
        writeProperty(v4 ? QStringLiteral("TZ") : QStringLiteral("TZ;VALUE=text"), esc(value(Field::Timezone)));

    for (const FieldInfo& info : FieldRegistry::all()) {
        if (isStandard(info.field) || info.field == Field::DateOfBirth || value(info.field).isEmpty())
            continue;
        writeProperty(VcardContactBuilder::propertyNameFor(info.field), esc(value(info.field)));
    }
    for (auto it = contact.custom.cbegin(); it != contact.custom.cend(); ++it) {
        if (FieldRegistry::isValidCustomKey(it.key()) && !it.value().isEmpty())
            writeProperty(VcardContactBuilder::customPropertyName() + QLatin1Char(';')
                              + VcardContactBuilder::customKeyParam() + QLatin1Char('=') + it.key(),
                          esc(it.value()));
    }
    if (!v4 && !contact.updatedAt.isNull())
        writeProperty(QStringLiteral("REV"), contact.updatedAt.toUTC().toString(Qt::ISODate));
    else if (!contact.updatedAt.isNull())
        writeProperty(QStringLiteral("REV"),
                      contact.updatedAt.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
    writeLine(QStringLiteral("END:VCARD"));
}

} // namespace roster
