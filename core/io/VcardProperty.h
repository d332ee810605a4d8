#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace roster {

// One unfolded vCard content line, `[group.]NAME;param=value;...:value`, with its value decoded:
// vCard 3.0/4.0 backslash escapes, and vCard 2.1 quoted-printable in its CHARSET. Parameters in 2.1's
// bare form (`TEL;WORK;PREF:`) count as TYPE values.
class VcardProperty final
{
public:
    static std::optional<VcardProperty> parse(const QString& line);

    const QString& name() const { return m_name; } // upper case, without the group
    const QString& group() const { return m_group; }
    // The first value of a parameter (name compared ignoring case), or empty.
    QString param(QStringView name) const;
    bool hasType(QStringView type) const;
    QStringList types() const; // every TYPE value, in order
    bool isPreferred() const;
    bool isBinary() const; // ENCODING=b / BASE64: an inline photo or key
    bool isUri() const; // VALUE=uri, or a value that is a web address

    QString text() const; // the whole value, unescaped
    QStringList components() const; // split on ';' (N, ADR, ORG, GENDER), each unescaped
    QStringList list() const; // split on ',' (CATEGORIES, NICKNAME), each unescaped

    static QString escape(const QString& text); // for the writer: \ , ; and line breaks
    static QString unescape(QStringView text);
    static QByteArray decodeQuotedPrintable(QStringView text);
    // True when the part of a (partly read) line before the value asks for quoted-printable.
    static bool isQuotedPrintableLine(QStringView line);

private:
    QString decodedValue() const;
    static QStringList splitUnescaped(QStringView text, QChar separator);

    QString m_group;
    QString m_name;
    QList<std::pair<QString, QString>> m_params; // upper-case name, value
    QString m_value;
};

} // namespace roster
