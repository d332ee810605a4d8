#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

class QHttpServerRequest;

namespace roster::emulator {

// A copy of what the emulators need from a request: QHttpServerRequest is reused by the
// server for the next request on the connection, and replies may be sent later (delays).
struct EmulatorRequest
{
    QByteArray method; // upper case: GET, POST, PUT, DELETE, PATCH
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static EmulatorRequest fromServerRequest(const QHttpServerRequest& request);

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The body as a JSON object; nullopt when the body is not a JSON object.
    std::optional<QJsonObject> jsonObject() const;
    // The token of an "Authorization: Bearer X" header; empty when absent.
    QByteArray bearerToken() const;
};

} // namespace roster::emulator
