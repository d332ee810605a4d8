#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Small helpers shared by the four emulators: identifiers, timestamps and the validation
// rules the services have in common.
namespace roster::emulator::util {

// A random id of `length` letters and digits after `prefix` (lemlist "ctc_", HighLevel ids).
QString randomId(const QString& prefix, int length);
QString uuid();
// Milliseconds since the epoch, strictly increasing within the process so that records
// created in the same millisecond still sort in creation order.
qint64 nowMs();
QString isoTime(qint64 epochMs);
// Parses an ISO 8601 date-time or epoch milliseconds; -1 when neither.
qint64 parseTime(const QJsonValue& value);

bool isValidEmail(const QString& email);
QString normalizeEmail(const QString& email);
// A comparable form of a LinkedIn URL: no scheme, no "www.", no query, no trailing slash,
// lower case. Empty when `url` is not on linkedin.com.
QString normalizeLinkedinUrl(const QString& url);
bool isLinkedinProfileUrl(const QString& url); // linkedin.com/in/<slug>
bool isSalesNavUrl(const QString& url); // linkedin.com/sales/...
QString domainOfEmail(const QString& email);

// A string value is "empty" when absent, null or blank: the services ignore those on update.
bool isBlank(const QJsonValue& value);

} // namespace roster::emulator::util
