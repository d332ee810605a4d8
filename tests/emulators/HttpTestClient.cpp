#include "HttpTestClient.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>

namespace roster::emulator {

QJsonObject HttpTestClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpTestClient::Response::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

HttpTestClient::HttpTestClient(QUrl root)
    : m_root(std::move(root))
{
    m_root.setPath({});
}

void HttpTestClient::setHeader(const QByteArray& name, const QByteArray& value)
{
    m_headers.insert(name, value);
}

void HttpTestClient::removeHeader(const QByteArray& name)
{
    m_headers.remove(name);
}

void HttpTestClient::setBearer(const QByteArray& token)
{
    setHeader("Authorization", "Bearer " + token);
}

void HttpTestClient::setBasic(const QByteArray& login, const QByteArray& password)
{
    setHeader("Authorization", "Basic " + QByteArray(login + ':' + password).toBase64());
}

HttpTestClient::Response HttpTestClient::send(const QByteArray& method, const QString& path, const QByteArray& body)
{
    QNetworkRequest request(m_root.resolved(QUrl(path)));
    // A fresh connection each call: a dropped connection must not leak into the next test.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    QElapsedTimer clock;
    clock.start();
    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QNetworkReply* reply = m_manager.sendCustomRequest(request, method, body.isEmpty() ? nullptr : &buffer);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_timeoutMs, &loop, [reply] { reply->abort(); });
    if (!reply->isFinished())
        loop.exec();

    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.error = reply->error();
    if (reply->isOpen())
        response.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    response.elapsedMs = clock.elapsed();
    reply->deleteLater();
    return response;
}

HttpTestClient::Response HttpTestClient::post(const QString& path, const QJsonObject& body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpTestClient::Response HttpTestClient::post(const QString& path, const QJsonArray& body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpTestClient::Response HttpTestClient::put(const QString& path, const QJsonObject& body)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace roster::emulator
