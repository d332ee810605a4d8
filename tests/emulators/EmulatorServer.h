#pragma once

#include "EmulatorReply.h"
#include "EmulatorRequest.h"
#include "FaultPlan.h"
#include "RateLimiter.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <functional>
#include <optional>

namespace roster::emulator {

// What the four CRM emulators share: listening on loopback, routing, authentication and
// rate-limit hooks, fault injection, request counting and the /__emulator/ test endpoints.
// It derives from QAbstractHttpServer rather than QHttpServer to get the socket of each
// request: faults need to delay a reply or close the connection instead of replying.
class EmulatorServer : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorServer)

public:
    ~EmulatorServer() override;

    // Listens on 127.0.0.1 (only). Port 0 picks a free one. Returns the port, 0 on failure.
    quint16 start(quint16 port = 0);
    quint16 port() const { return m_port; }
    // The base URL a client is configured with, the service's path prefix included.
    QUrl baseUrl() const;
    QString providerName() const { return m_provider; }

    void setApiKey(const QByteArray& key) { m_apiKey = key; }
    QByteArray apiKey() const { return m_apiKey; }

    // Multiplies every rate-limit window (0.1 turns lemlist's 20 per 2 s into 20 per 200 ms).
    virtual void setRateScale(double scale);
    double rateScale() const { return m_rateScale; }
    RateLimiter& rateLimiter() { return m_limiter; }
    FaultPlan& faults() { return m_faults; }
    const FaultPlan& faults() const { return m_faults; }

    // Inspection.
    int totalRequests() const { return m_totalRequests; }
    int requestCount(const QString& route) const { return m_requestsByRoute.value(route); }
    // Status 0 counts dropped connections.
    int statusCount(int status) const { return m_requestsByStatus.value(status); }
    // Automatic resends of a dropped request by the client's HTTP stack, dropped as well.
    int replaysDropped() const { return m_replaysDropped; }
    // The bodies of the requests to the route named "upsert" (each CRM's natural-key upsert) that reached
    // its handler, in order: which were creates, which went by id (lemlist's contactId).
    const QList<QJsonObject>& upsertBodies() const { return m_upsertBodies; }
    virtual qsizetype recordCount() const = 0;
    virtual QJsonArray recordsJson() const = 0;
    QJsonObject stateJson() const;

    // Forgets records, counters, faults and rate-limit windows; keeps configuration and
    // field definitions.
    void reset();

    // Registers custom-field definitions, each {"name"|"key", "label", "type"} (the
    // provider's own extra keys accepted). Returns an error message, empty on success.
    virtual QString registerCustomFields(const QJsonArray& fields) = 0;
    // Stores one contact as the upsert endpoint would, bypassing HTTP, auth, limits and
    // faults. Returns the record id, or an empty string when the body is invalid.
    virtual QString seedContact(const QJsonObject& upsertBody) = 0;
    // Deletes one record as someone working in the CRM would, bypassing HTTP. False when unknown.
    virtual bool removeRecord(const QString& id) = 0;
    // Edits one stored record in place as someone working in the CRM would (emptying a field the API
    // would not let an upsert clear), bypassing HTTP. False when unknown.
    virtual bool editRecord(const QString& id, const std::function<void(QJsonObject&)>& edit) = 0;
    // Provider switches (the JSON of POST /__emulator/config). Error message or empty.
    virtual QString applyConfig(const QJsonObject& config);
    virtual QJsonObject configJson() const;

Q_SIGNALS:
    // After each API request was answered (or dropped: status 0).
    void requestHandled(const QString& route, int status);

protected:
    using Handler = std::function<EmulatorReply(const EmulatorRequest&, const QStringList& captures)>;

    EmulatorServer(QString provider, QString basePath, int rateLimit, qint64 rateWindowMs, QObject* parent);

    // `pattern` is matched against the whole path; its capture groups are passed on.
    void addRoute(const QByteArray& method, const QString& pattern, const QString& name, Handler handler);

    virtual std::optional<EmulatorReply> authenticate(const EmulatorRequest& request) const = 0;
    virtual RateLimiter::Decision acquireRate();
    virtual void addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const = 0;
    virtual EmulatorReply rateLimitedReply(const RateLimiter::Decision& decision) const = 0;
    virtual EmulatorReply serverErrorReply(int status) const;
    virtual EmulatorReply notFoundReply(const EmulatorRequest& request) const;
    virtual void clearRecords() = 0;
    // Test endpoints beyond the common ones (/__emulator/companies, /__emulator/lists...).
    virtual std::optional<EmulatorReply> handleExtraControl(const QString& name, const EmulatorRequest& request);

    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

    RateLimiter m_limiter;

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        QString name;
        Handler handler;
    };

    EmulatorReply handleControl(const EmulatorRequest& request);
    void rememberDrop(const QByteArray& fingerprint);
    void send(QTcpSocket* socket, const EmulatorReply& reply, int delayMs, bool drop, bool close, const QString& route);

    QString m_provider;
    QString m_basePath;
    quint16 m_port = 0;
    QByteArray m_apiKey = QByteArrayLiteral("test-key");
    double m_rateScale = 1.0;
    FaultPlan m_faults;
    QList<Route> m_routes;
    int m_totalRequests = 0;
    QHash<QString, int> m_requestsByRoute;
    QHash<int, int> m_requestsByStatus;
    struct DroppedRequest
    {
        QByteArray fingerprint;
        QElapsedTimer clock;
        int replays = 0;
    };
    DroppedRequest m_lastDrop;
    int m_replaysDropped = 0;
    QList<QJsonObject> m_upsertBodies;
};

} // namespace roster::emulator
