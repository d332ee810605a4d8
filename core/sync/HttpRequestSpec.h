#pragma once

#include "contact/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <cstdint>
#include <utility>

namespace roster {

enum class HttpMethod : std::uint8_t { Get, Post, Put, Patch, Delete };

// What a request is for: the transport picks its timeout from it (Monaco creates enrich synchronously).
enum class RequestKind : std::uint8_t { Upsert, List, Get, Delete, FieldDefinitions, Other };

using HttpHeader = std::pair<QByteArray, QByteArray>;

// One HTTP request as a provider adapter describes it: no host, no credentials. The transport joins the
// path to the account's base URL and adds the authentication headers, so adapters stay pure and testable.
struct HttpRequestSpec
{
    HttpMethod method = HttpMethod::Get;
    QString path; // relative to the account base URL, starting with '/'
    QUrlQuery query;
    QByteArray body; // JSON, or empty
    QList<HttpHeader> headers; // all but authentication
    RequestKind kind = RequestKind::Other;
    // False when repeating the request after it may have reached the server could apply it twice; the
    // transport then retries only replies that prove the server did nothing (429, 503 before processing).
    bool idempotent = true;
    // GetSales' listing has been seen to answer 200 with an empty body under load: worth another try.
    bool retryOnEmptyBody = false;
    // Overrides of the account's bounds for one request, 0 for the account's own: a whole-account export
    // (lemlist's CSV) is one long reply, larger and slower than any page.
    std::chrono::milliseconds timeout {0};
    qint64 maxReplyBytes = 0;
    // What the adapter had to leave out of the request (tags Monaco cannot take, ...). Not sent.
    QList<Error> warnings;

    static QByteArray methodName(HttpMethod method);
    QByteArray methodName() const { return methodName(method); }
    // The body parsed back, for tests and logs; empty when there is none.
    QJsonObject jsonBody() const;
    void setJsonBody(const QJsonObject& object);
};

} // namespace roster
