#include "UrlPolicy.h"

#include <QHostAddress>

namespace roster {

bool UrlPolicy::isLoopbackHost(const QString& host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress address;
    return address.setAddress(h) && address.isLoopback();
}

bool UrlPolicy::sameOrigin(const QUrl& a, const QUrl& b)
{
    const auto defaultPort = [](const QUrl& url) { return url.scheme().toLower() == QLatin1String("http") ? 80 : 443; };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

Result<void> UrlPolicy::check(const QUrl& url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty())
        return fail(ErrorCode::InvalidUrl, QStringLiteral("'%1' is not a valid server URL").arg(shown));
    const QString scheme = url.scheme().toLower();
    const bool secure
        = scheme == QLatin1String("https") || (scheme == QLatin1String("http") && isLoopbackHost(url.host()));
    if (secure && url.userInfo().isEmpty())
        return {};
    if (secure) {
        // A key in the address would be sent as Basic credentials beside the real one and printed wherever
        // the address is shown; keys belong in the keychain.
        return fail(ErrorCode::InvalidUrl,
                    QStringLiteral("'%1' carries a user name or key; give the address without it").arg(shown));
    }
    return fail(ErrorCode::InsecureUrl,
                QStringLiteral("'%1' is not https; plain http is allowed for loopback addresses only").arg(shown));
}

} // namespace roster
