#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace roster::emulator {

// One HTTP reply, built by a handler and serialised by EmulatorServer, which writes it
// to the socket itself so that it can delay it or drop the connection instead.
struct EmulatorReply
{
    int status = 200;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Extra time the service takes for this request (Monaco's enrichment on create).
    int extraDelayMs = 0;
    // The request created a record (FaultPlan's slow creates and drops after a create apply to it).
    bool createdRecord = false;

    static EmulatorReply json(int status, const QJsonObject& object);
    static EmulatorReply json(int status, const QJsonArray& array);
    static EmulatorReply text(int status, const QString& text);
    static EmulatorReply empty(int status);
    // A 200 carrying an error (FaultPlan::errorBody): {"success": false, "error": {code, message}}.
    static EmulatorReply okWithErrorBody();

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;
    QByteArray serialize(bool closeConnection) const;
};

} // namespace roster::emulator
