#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace roster::emulator {

// A blocking HTTP client for the emulator tests: each call spins an event loop until the
// reply is finished, so the in-process emulator keeps serving meanwhile.
class HttpTestClient final
{
public:
    struct Response
    {
        int status = 0; // 0 when no HTTP reply arrived (connection dropped, timeout)
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        qint64 elapsedMs = 0;

        QJsonObject json() const;
        QJsonArray jsonArray() const;
        QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    };

    explicit HttpTestClient(QUrl root);

    void setHeader(const QByteArray& name, const QByteArray& value);
    void removeHeader(const QByteArray& name);
    void setBearer(const QByteArray& token);
    void setBasic(const QByteArray& login, const QByteArray& password);
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // `path` is absolute and may carry a query ("/api/contacts?limit=5").
    Response send(const QByteArray& method, const QString& path, const QByteArray& body = {});
    Response get(const QString& path) { return send("GET", path); }
    Response del(const QString& path) { return send("DELETE", path); }
    Response post(const QString& path, const QJsonObject& body);
    Response post(const QString& path, const QJsonArray& body);
    Response put(const QString& path, const QJsonObject& body);

private:
    QUrl m_root;
    QHash<QByteArray, QByteArray> m_headers;
    int m_timeoutMs = 15000;
    QNetworkAccessManager m_manager;
};

} // namespace roster::emulator
