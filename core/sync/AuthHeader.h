#pragma once

#include "HttpRequestSpec.h"
#include "ProviderProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace roster {

// The Authorization header for a CRM's scheme. The only place a secret is turned into bytes on the wire.
class AuthHeader final
{
public:
    static HttpHeader make(AuthScheme scheme, const QString& secret);
    // Every form the secret takes in a request (plain, and Basic's base64), so that anything the transport
    // reports can be scrubbed of it even when a server echoes the request back.
    static QList<QByteArray> secretForms(AuthScheme scheme, const QString& secret);
    // `text` with each of `forms` replaced by "***".
    static QByteArray redact(QByteArray text, const QList<QByteArray>& forms);
    static QString redact(const QString& text, const QList<QByteArray>& forms);
};

} // namespace roster
