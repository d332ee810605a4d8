#include "VcardProperty.h"

#include "EncodingDetector.h"
#include "Windows1252Codec.h"

#include <QStringDecoder>

namespace roster {

namespace {

// Index of the first `ch` outside double quotes, or -1.
qsizetype indexOutsideQuotes(QStringView text, QChar ch)
{
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'"')
            quoted = !quoted;
        else if (!quoted && text[i] == ch)
            return i;
    }
    return -1;
}

QString unquote(QStringView value)
{
    if (value.size() >= 2 && value.front() == u'"' && value.back() == u'"')
        return value.sliced(1, value.size() - 2).toString();
    return value.toString();
}

} // namespace

std::optional<VcardProperty> VcardProperty::parse(const QString& line)
{
    const qsizetype colon = indexOutsideQuotes(line, QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    VcardProperty property;
    property.m_value = line.mid(colon + 1);
    QStringView head = QStringView(line).first(colon);

    qsizetype semicolon = indexOutsideQuotes(head, QLatin1Char(';'));
    QStringView name = semicolon < 0 ? head : head.first(semicolon);
    if (const qsizetype dot = name.indexOf(QLatin1Char('.')); dot >= 0) {
        property.m_group = name.first(dot).toString();
        name = name.sliced(dot + 1);
    }
    property.m_name = name.trimmed().toString().toUpper();
    if (property.m_name.isEmpty())
        return std::nullopt;

    while (semicolon >= 0) {
        head = head.sliced(semicolon + 1);
        semicolon = indexOutsideQuotes(head, QLatin1Char(';'));
        const QStringView param = (semicolon < 0 ? head : head.first(semicolon)).trimmed();
        if (param.isEmpty())
            continue;
        const qsizetype equals = param.indexOf(QLatin1Char('='));
        if (equals < 0) {
            // vCard 2.1 bare parameters
            const QString value = param.toString().toUpper();
            const bool encoding = value == u"QUOTED-PRINTABLE" || value == u"BASE64" || value == u"8BIT";
            property.m_params.append({encoding ? QStringLiteral("ENCODING") : QStringLiteral("TYPE"), value});
            continue;
        }
        const QString key = param.first(equals).trimmed().toString().toUpper();
        // TYPE=work,voice and TYPE="work,voice" both carry several values.
        const QString values = unquote(param.sliced(equals + 1));
        for (const QStringView value : QStringView(values).split(QLatin1Char(',')))
            property.m_params.append({key, unquote(value.trimmed())});
    }
    return property;
}

QString VcardProperty::param(QStringView name) const
{
    for (const auto& [key, value] : m_params) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool VcardProperty::hasType(QStringView type) const
{
    for (const auto& [key, value] : m_params) {
        if (key == u"TYPE" && value.compare(type, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringList VcardProperty::types() const
{
    QStringList types;
    for (const auto& [key, value] : m_params) {
        if (key == u"TYPE")
            types << value;
    }
    return types;
}

bool VcardProperty::isPreferred() const
{
    return hasType(u"pref") || !param(u"PREF").isEmpty();
}

bool VcardProperty::isBinary() const
{
    const QString encoding = param(u"ENCODING").toUpper();
    return encoding == u"B" || encoding == u"BASE64" || m_value.startsWith(u"data:", Qt::CaseInsensitive);
}

bool VcardProperty::isUri() const
{
    if (isBinary())
        return false;
    if (param(u"VALUE").compare(u"uri", Qt::CaseInsensitive) == 0
        || param(u"VALUE").compare(u"url", Qt::CaseInsensitive) == 0)
        return true;
    return m_value.startsWith(u"http://", Qt::CaseInsensitive) || m_value.startsWith(u"https://", Qt::CaseInsensitive);
}

bool VcardProperty::isQuotedPrintableLine(QStringView line)
{
    const qsizetype colon = indexOutsideQuotes(line, QLatin1Char(':'));
    const QStringView head = colon < 0 ? line : line.first(colon);
    return head.contains(u"QUOTED-PRINTABLE", Qt::CaseInsensitive);
}

QByteArray VcardProperty::decodeQuotedPrintable(QStringView text)
{
    const auto hex = [](char16_t c) -> int {
        if (c >= u'0' && c <= u'9')
            return c - u'0';
        if (c >= u'A' && c <= u'F')
            return c - u'A' + 10;
        if (c >= u'a' && c <= u'f')
            return c - u'a' + 10;
        return -1;
    };
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'=' && i + 2 < text.size() && hex(text[i + 1].unicode()) >= 0 && hex(text[i + 2].unicode()) >= 0) {
            bytes.append(static_cast<char>(hex(text[i + 1].unicode()) * 16 + hex(text[i + 2].unicode())));
            i += 2;
        } else if (c < 0x80) {
            bytes.append(static_cast<char>(c));
        } else {
            bytes.append(text.sliced(i, 1).toUtf8());
        }
    }
    return bytes;
}

QString VcardProperty::decodedValue() const
{
    if (param(u"ENCODING").compare(u"QUOTED-PRINTABLE", Qt::CaseInsensitive) != 0)
        return m_value;
    const QByteArray bytes = decodeQuotedPrintable(m_value);
    const QByteArray charset = param(u"CHARSET").toLatin1();
    if (!charset.isEmpty() && charset.compare("UTF-8", Qt::CaseInsensitive) != 0) {
        if (charset.compare("windows-1252", Qt::CaseInsensitive) == 0
            || charset.compare("ISO-8859-1", Qt::CaseInsensitive) == 0)
            return Windows1252Codec::decode(bytes);
        QStringDecoder decoder(charset.constData());
        if (decoder.isValid())
            return decoder.decode(bytes);
    }
    // Old exporters often leave CHARSET out and still write their code page.
    if (EncodingDetector::isValidUtf8(bytes))
        return QString::fromUtf8(bytes);
    return Windows1252Codec::decode(bytes);
}

QStringList VcardProperty::splitUnescaped(QStringView text, QChar separator)
{
    QStringList parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\') {
            ++i;
        } else if (text[i] == separator) {
            parts << unescape(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    parts << unescape(text.sliced(qMin(start, text.size())));
    return parts;
}

QString VcardProperty::unescape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const QChar next = text[++i];
        out += (next == u'n' || next == u'N') ? QChar(u'\n') : next;
    }
    return out;
}

QString VcardProperty::escape(const QString& text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u',' || c == u';') {
            out += QLatin1Char('\\');
            out += c;
        } else if (c == u'\r') {
            out += QStringLiteral("\\n");
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else {
            out += c;
        }
    }
    return out;
}

QString VcardProperty::text() const
{
    // A quoted-printable "=0D=0A" is a line break like an escaped "\n": one spelling of it, so that a note
    // written back and read again is the same note.
    QString value = unescape(decodedValue());
    if (value.contains(QLatin1Char('\r')))
        value.replace(u"\r\n"_qs, u"\n"_qs).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return value;
}

QStringList VcardProperty::components() const
{
    return splitUnescaped(decodedValue(), QLatin1Char(';'));
}

QStringList VcardProperty::list() const
{
    QStringList items;
    for (const QString& item : splitUnescaped(decodedValue(), QLatin1Char(','))) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

} // namespace roster
