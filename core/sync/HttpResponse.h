#pragma once

#include "HttpRequestSpec.h"

#include <QByteArray>
#include <QList>

namespace roster {

// A reply as the transport hands it to an adapter: status, headers and body, nothing Qt-network specific,
// so adapter tests can build one from a contract's example.
struct HttpResponse
{
    int status = 0;
    QList<HttpHeader> headers;
    QByteArray body;

    // The first header of that name, compared case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool isSuccess() const { return status >= 200 && status < 300; }
    bool isJson() const;

    static HttpResponse json(int status, const QByteArray& body);
    static HttpResponse text(int status, const QByteArray& body);
};

} // namespace roster
