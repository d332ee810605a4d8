#include "DomainNormalizer.h"

#include "EmailNormalizer.h"

#include <QSet>
#include <QUrl>

namespace roster {

namespace {

const QSet<QString>& freeMailDomains()
{
    static const QSet<QString> domains = [] {
        QSet<QString> set;
        for (const char* d :
             {"gmail.com",  "googlemail.com", "outlook.com",    "hotmail.com",  "hotmail.fr",   "hotmail.co.uk",
              "live.com",   "live.fr",        "msn.com",        "yahoo.com",    "yahoo.fr",     "yahoo.co.uk",
              "yahoo.de",   "ymail.com",      "rocketmail.com", "aol.com",      "icloud.com",   "me.com",
              "mac.com",    "proton.me",      "protonmail.com", "pm.me",        "gmx.com",      "gmx.de",
              "gmx.net",    "gmx.fr",         "web.de",         "t-online.de",  "freenet.de",   "orange.fr",
              "wanadoo.fr", "free.fr",        "laposte.net",    "sfr.fr",       "neuf.fr",      "libero.it",
              "mail.com",   "mail.ru",        "yandex.com",     "yandex.ru",    "zoho.com",     "qq.com",
              "163.com",    "126.com",        "hey.com",        "fastmail.com", "tutanota.com", "seznam.cz",
              "wp.pl",      "o2.pl",          "comcast.net",    "verizon.net",  "att.net",      "btinternet.com",
              "sky.com",    "virginmedia.com"})
            set.insert(QString::fromLatin1(d));
        return set;
    }();
    return domains;
}

} // namespace

bool DomainNormalizer::isFreeMail(const QString& domain)
{
    return freeMailDomains().contains(domain.toLower());
}

Result<QString> DomainNormalizer::fromWebsite(const QString& input)
{
    QString text = input.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    const QUrl url(text, QUrl::TolerantMode);
    QString host = url.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    if (!url.isValid() || host.isEmpty() || !EmailNormalizer::isValid(QString(QStringLiteral("x@") + host)))
        return fail(ErrorCode::InvalidDomain, QStringLiteral("'%1' has no valid domain name").arg(input.trimmed()),
                    QStringLiteral("company_domain"));
    return host;
}

std::optional<QString> DomainNormalizer::fromEmail(const QString& email)
{
    QString domain = EmailNormalizer::domainOf(email);
    if (domain.startsWith(QLatin1String("www.")))
        domain = domain.mid(4);
    if (domain.isEmpty() || isFreeMail(domain))
        return std::nullopt;
    return domain;
}

} // namespace roster
