#pragma once

#include "contact/Error.h"
#include "store/AccountRecord.h"

#include <QObject>
#include <QPointer>

namespace roster {

class HttpClient;
class HttpJob;

// "Test connection" for an account being set up: one cheap authenticated request (the first record of the
// contact list, which also checks the account's options such as GetSales' list or HighLevel's location),
// through the account's adapter and a transport of its own. Reports success, or the error as the adapter
// reads it: AuthenticationFailed, NetworkError, Timeout, InsecureUrl, InvalidUrl, RemoteValidation... The
// key is never part of what it reports.
class ConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    explicit ConnectionTester(QObject* parent = nullptr);
    ~ConnectionTester() override;

    // Emits succeeded() or failed() once, never from inside this call. A test still running is abandoned.
    void start(const AccountRecord& account, const QString& secret, double timeScale = 1.0);
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void succeeded();
    void failed(const roster::Error& error);

private:
    void failLater(const Error& error);

    HttpClient* m_client;
    QPointer<HttpJob> m_job;
    QString m_accountName;
    bool m_running = false;
};

} // namespace roster
