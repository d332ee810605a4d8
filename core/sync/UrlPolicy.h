#pragma once

#include "contact/Error.h"

#include <QUrl>

namespace roster {

// Keys travel in headers, so plain http would hand them to anyone on the path: https is required,
// except for loopback (the emulators, a local proxy).
class UrlPolicy final
{
public:
    static Result<void> check(const QUrl& url);
    // 127.0.0.0/8, ::1, localhost (and its subdomains, which resolve to loopback by RFC 6761).
    static bool isLoopbackHost(const QString& host);
    // Same scheme, host and port: a key already sent to one was sent to the other. A new path alone does
    // not reach anyone new.
    static bool sameOrigin(const QUrl& a, const QUrl& b);
};

} // namespace roster
