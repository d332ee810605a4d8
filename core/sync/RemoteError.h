#pragma once

#include "HttpResponse.h"
#include "contact/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace roster {

// The error a server sent, read from any of the shapes the four CRMs use: `{error:{code|reason, message,
// data}}`, `{message: "..." | ["..."], error}`, `{detail}`, or a text/plain body.
struct RemoteError
{
    int status = 0;
    QString code; // the CRM's own code (MISSING_IDENTIFIER, validation_error, ...); may be empty
    QString message; // the CRM's message, messages joined with "; "
    QStringList details; // field-level messages ("lead.email: must be a valid email")
    QJsonObject data; // the field-level object when there is one (GetSales `error.data`)

    static RemoteError parse(const HttpResponse& response);

    // "400 MISSING_IDENTIFIER: At least one identifier is required ..."
    QString summary() const;
    // The shared code for an HTTP status when the CRM's own code says no more.
    static ErrorCode codeForStatus(int status);
    Error toError(ErrorCode code, const QString& field = {}) const;
    Error toError() const { return toError(codeForStatus(status)); }
};

} // namespace roster
