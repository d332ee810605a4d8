#include "ScriptedServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace roster::test {

QByteArray ScriptedServer::Request::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ScriptedServer::ScriptedServer(QObject* parent)
    : QObject(parent)
{
    m_default = json(200, QByteArrayLiteral("{}"));
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
    m_clock.start();
}

bool ScriptedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString ScriptedServer::baseUrl(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

ScriptedServer::Reply ScriptedServer::json(int status, const QByteArray& body,
                                           QList<QPair<QByteArray, QByteArray>> headers)
{
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return Reply {status, headers, body, 0, false};
}

ScriptedServer::Reply ScriptedServer::text(int status, const QByteArray& body)
{
    return Reply {status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}}, body, 0, false};
}

ScriptedServer::Reply ScriptedServer::dropped()
{
    Reply r;
    r.drop = true;
    return r;
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void ScriptedServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    Request request;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    if (buffer.size() < end + 4 + length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    request.body = buffer.mid(end + 4, length);
    request.atMs = m_clock.elapsed();
    socket->setProperty("buffer", QByteArray());
    m_requests.append(request);
    const Reply reply = m_script.isEmpty() ? m_default : m_script.dequeue();
    if (reply.delayMs > 0) {
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(reply.delayMs, this, [this, guarded, reply] {
            if (guarded)
                answer(guarded, reply);
        });
    } else {
        answer(socket, reply);
    }
}

void ScriptedServer::answer(QTcpSocket* socket, const Reply& reply)
{
    if (reply.drop) {
        socket->abort();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
    for (const auto& h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
    out += reply.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace roster::test
