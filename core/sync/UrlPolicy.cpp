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

Result<void> UrlPolicy::check(const QUrl& url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty())
        return fail(ErrorCode::InvalidUrl, QStringLiteral("'%1' is not a valid server URL").arg(shown));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return fail(ErrorCode::InsecureUrl,
                QStringLiteral("'%1' is not https; plain http is allowed for loopback addresses only").arg(shown));
}

} // namespace roster
