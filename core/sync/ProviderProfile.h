#pragma once

#include "HttpRequestSpec.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <cstdint>

namespace roster {

enum class AuthScheme : std::uint8_t {
    BasicKeyAsPassword, // lemlist: Basic base64(":" + key)
    Bearer, // the others
};

// At most `requests` in any `window`.
struct RateLimit
{
    int requests = 0;
    std::chrono::milliseconds window {0};
};

// What the transport must know about a CRM: how to authenticate, how fast it may go and how long to
// wait. Data only; each adapter publishes its own from its contract. Other headers (HighLevel's Version)
// travel in each HttpRequestSpec.
struct ProviderProfile
{
    QString name; // "lemlist", "getsales", "highlevel", "monaco"
    QString displayName; // "lemlist", "GetSales", "HighLevel", "Monaco": leads error details
    QUrl defaultBaseUrl;
    AuthScheme auth = AuthScheme::Bearer;
    QList<RateLimit> rateLimits; // the first is the short one the X-RateLimit-* headers describe
    std::chrono::milliseconds timeout {15000};
    std::chrono::milliseconds upsertTimeout {15000};

    std::chrono::milliseconds timeoutFor(RequestKind kind) const
    {
        return kind == RequestKind::Upsert ? upsertTimeout : timeout;
    }
};

} // namespace roster
