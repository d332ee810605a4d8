#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QQueue>
#include <QTcpServer>

class QTcpSocket;

namespace roster::test {

// A tiny HTTP/1.1 server on 127.0.0.1 that answers each request with the next scripted reply: a status,
// headers and body, after an optional delay, or a dropped connection. It records what it received, so
// transport tests can count attempts and read headers. Every reply closes its connection, so that a
// dropped one is seen by the client and never hidden by a connection reused from the pool.
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)

public:
    struct Reply
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
        bool drop = false; // close the connection without answering
    };
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 atMs = 0; // since the server started

        QByteArray header(const QByteArray& name) const;
    };

    explicit ScriptedServer(QObject* parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl(const QString& path = {}) const;

    void enqueue(const Reply& reply) { m_script.enqueue(reply); }
    static Reply json(int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {});
    static Reply text(int status, const QByteArray& body);
    static Reply dropped();
    // Used when the script is empty.
    void setDefaultReply(const Reply& reply) { m_default = reply; }

    const QList<Request>& requests() const { return m_requests; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Reply& reply);

    QTcpServer m_server;
    QQueue<Reply> m_script;
    Reply m_default;
    QList<Request> m_requests;
    QElapsedTimer m_clock;
};

} // namespace roster::test
