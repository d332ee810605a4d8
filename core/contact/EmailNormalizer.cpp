#include "EmailNormalizer.h"

#include <QList>

namespace roster {

namespace {

bool isAtext(QChar c)
{
    if (c.unicode() > 127)
        return c.isLetterOrNumber(); // internationalised local parts (RFC 6531)
    if (c.isLetterOrNumber())
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(c);
}

bool isValidLocalPart(QStringView local)
{
    if (local.isEmpty() || local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.'))
        return false;
    QChar previous;
    for (QChar c : local) {
        if (c == u'.') {
            if (previous == u'.')
                return false;
        } else if (!isAtext(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

bool isValidDomain(QStringView domain)
{
    if (domain.size() < 3 || domain.size() > 253)
        return false;
    const auto labels = domain.split(u'.');
    if (labels.size() < 2)
        return false;
    for (QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (!(c.isLetterOrNumber() || c == u'-'))
                return false;
        }
    }
    const QStringView tld = labels.last();
    for (QChar c : tld) {
        if (c.isDigit())
            return false; // "user@127.0.0.1" or "a@b.c1" are typing mistakes in a contact list
    }
    return tld.size() >= 2;
}

} // namespace

bool EmailNormalizer::isValid(QStringView email)
{
    const qsizetype at = email.lastIndexOf(u'@');
    if (at <= 0 || at == email.size() - 1)
        return false;
    return isValidLocalPart(email.left(at)) && isValidDomain(email.mid(at + 1));
}

Result<NormalizedEmail> EmailNormalizer::normalize(const QString& input)
{
    QString text = input.trimmed();
    if (text.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        text = text.mid(7).trimmed();
    if (text.startsWith(QLatin1Char('<')) && text.endsWith(QLatin1Char('>')))
        text = text.mid(1, text.size() - 2).trimmed();
    if (!isValid(text))
        return fail(ErrorCode::InvalidEmail, QStringLiteral("'%1' is not a valid email address").arg(input.trimmed()),
                    QStringLiteral("email"));
    return NormalizedEmail {text, text.toLower()};
}

QString EmailNormalizer::domainOf(const QString& email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    return email.mid(at + 1).trimmed().toLower();
}

} // namespace roster
