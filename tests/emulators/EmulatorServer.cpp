#include "EmulatorServer.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace roster::emulator {

namespace {

const QString kControlPrefix = QStringLiteral("/__emulator/");
// QNetworkAccessManager (Qt 6.4) resends a request once, at once, when its connection
// closes before any byte of the reply arrived: that replay of a dropped request is dropped
// too, so that the client sees the network error the fault stands for. (A partial reply
// instead is no cure: QNAM may then accept a truncated body as complete.)
constexpr qint64 kReplayWindowMs = 250;
constexpr int kMaxReplays = 1;

EmulatorReply controlError(const QString& message)
{
    return EmulatorReply::json(400, QJsonObject {{QStringLiteral("error"), message}});
}

} // namespace

EmulatorServer::EmulatorServer(QString provider, QString basePath, int rateLimit, qint64 rateWindowMs, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_limiter(rateLimit, rateWindowMs)
    , m_provider(std::move(provider))
    , m_basePath(std::move(basePath))
{
}

EmulatorServer::~EmulatorServer() = default;

quint16 EmulatorServer::start(quint16 port)
{
    m_port = listen(QHostAddress::LocalHost, port);
    return m_port;
}

QUrl EmulatorServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(m_basePath);
    return url;
}

void EmulatorServer::setRateScale(double scale)
{
    m_rateScale = scale > 0 ? scale : 1.0;
    m_limiter.setTimeScale(m_rateScale);
}

QJsonObject EmulatorServer::stateJson() const
{
    QJsonObject byRoute;
    for (auto it = m_requestsByRoute.cbegin(); it != m_requestsByRoute.cend(); ++it)
        byRoute.insert(it.key(), it.value());
    QJsonObject byStatus;
    for (auto it = m_requestsByStatus.cbegin(); it != m_requestsByStatus.cend(); ++it)
        byStatus.insert(QString::number(it.key()), it.value());
    return QJsonObject {
        {QStringLiteral("provider"), m_provider},
        {QStringLiteral("port"), int(m_port)},
        {QStringLiteral("recordCount"), qint64(recordCount())},
        {QStringLiteral("records"), recordsJson()},
        {QStringLiteral("requests"),
         QJsonObject {{QStringLiteral("total"), m_totalRequests},
                      {QStringLiteral("byRoute"), byRoute},
                      {QStringLiteral("byStatus"), byStatus},
                      {QStringLiteral("replaysDropped"), m_replaysDropped}}},
        {QStringLiteral("faults"), m_faults.toJson()},
        {QStringLiteral("config"), configJson()},
    };
}

void EmulatorServer::reset()
{
    clearRecords();
    m_totalRequests = 0;
    m_requestsByRoute.clear();
    m_requestsByStatus.clear();
    m_replaysDropped = 0;
    m_upsertBodies.clear();
    m_lastDrop = {};
    m_faults.clear();
    m_limiter.reset();
}

QString EmulatorServer::applyConfig(const QJsonObject& config)
{
    if (config.contains(QLatin1String("apiKey")))
        m_apiKey = config.value(QLatin1String("apiKey")).toString().toUtf8();
    if (config.contains(QLatin1String("rateScale")))
        setRateScale(config.value(QLatin1String("rateScale")).toDouble(1.0));
    if (config.contains(QLatin1String("rateLimit"))) {
        const QJsonObject limit = config.value(QLatin1String("rateLimit")).toObject();
        m_limiter.setLimit(limit.value(QLatin1String("limit")).toInt(m_limiter.limit()),
                           limit.value(QLatin1String("windowMs")).toInteger(60000));
    }
    if (config.contains(QLatin1String("rateLimitEnabled")))
        m_limiter.setEnabled(config.value(QLatin1String("rateLimitEnabled")).toBool(true));
    return {};
}

QJsonObject EmulatorServer::configJson() const
{
    return QJsonObject {
        {QStringLiteral("rateScale"), m_rateScale},
        {QStringLiteral("rateLimit"),
         QJsonObject {{QStringLiteral("limit"), m_limiter.limit()},
                      {QStringLiteral("scaledWindowMs"), m_limiter.scaledWindowMs()}}},
        {QStringLiteral("rateLimitEnabled"), m_limiter.isEnabled()},
    };
}

void EmulatorServer::addRoute(const QByteArray& method, const QString& pattern, const QString& name, Handler handler)
{
    m_routes.append(
        Route {method, QRegularExpression(QRegularExpression::anchoredPattern(pattern)), name, std::move(handler)});
}

RateLimiter::Decision EmulatorServer::acquireRate()
{
    return m_limiter.acquire();
}

EmulatorReply EmulatorServer::serverErrorReply(int status) const
{
    return EmulatorReply::text(
        status, status == 503 ? QStringLiteral("Service Unavailable") : QStringLiteral("Internal Server Error"));
}

EmulatorReply EmulatorServer::notFoundReply(const EmulatorRequest& request) const
{
    return EmulatorReply::text(404,
                               QStringLiteral("Cannot %1 %2").arg(QString::fromLatin1(request.method), request.path));
}

std::optional<EmulatorReply> EmulatorServer::handleExtraControl(const QString&, const EmulatorRequest&)
{
    return std::nullopt;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest& serverRequest, QTcpSocket* socket)
{
    const EmulatorRequest request = EmulatorRequest::fromServerRequest(serverRequest);
    const bool close = request.header("connection").toLower() == "close";

    if (request.path.startsWith(kControlPrefix)) {
        send(socket, handleControl(request), 0, false, close, QStringLiteral("control"));
        return true;
    }

    ++m_totalRequests;
    const Route* route = nullptr;
    QStringList captures;
    for (const Route& candidate : std::as_const(m_routes)) {
        if (candidate.method != request.method)
            continue;
        const QRegularExpressionMatch match = candidate.pattern.match(request.path);
        if (match.hasMatch()) {
            route = &candidate;
            captures = match.capturedTexts().mid(1);
            break;
        }
    }
    const QString routeName = route ? route->name : QStringLiteral("unmatched");
    ++m_requestsByRoute[routeName];

    const QByteArray fingerprint = request.method + ' ' + request.path.toUtf8() + '?'
        + request.query.toString(QUrl::FullyEncoded).toUtf8() + ' ' + request.header("authorization") + ' '
        + request.body;
    if (m_lastDrop.replays < kMaxReplays && m_lastDrop.fingerprint == fingerprint && m_lastDrop.clock.isValid()
        && m_lastDrop.clock.elapsed() < kReplayWindowMs) {
        ++m_lastDrop.replays;
        ++m_replaysDropped;
        m_lastDrop.clock.start();
        send(socket, {}, 0, true, close, routeName);
        return true;
    }

    if (const int status = m_faults.routeStatus(routeName); status > 0) {
        send(socket,
             EmulatorReply::json(status, QJsonObject {{QStringLiteral("error"), QStringLiteral("not allowed")}}),
             m_faults.delayMs(), false, close, routeName);
        return true;
    }
    const FaultPlan::Decision fault = m_faults.next();
    if (fault.kind == FaultPlan::Kind::DropAfterWrite)
        rememberDrop(fingerprint);
    switch (fault.kind) {
    case FaultPlan::Kind::Status500:
    case FaultPlan::Kind::Status503: {
        const int status = fault.kind == FaultPlan::Kind::Status500 ? 500 : 503;
        send(socket, serverErrorReply(status), fault.delayMs, false, close, routeName);
        return true;
    }
    case FaultPlan::Kind::Storm429: {
        RateLimiter::Decision decision = m_limiter.peek();
        decision.allowed = false;
        decision.remaining = 0;
        // A storm outlasts the current window: tell the client to wait for a whole one.
        decision.resetInMs = decision.windowMs;
        send(socket, rateLimitedReply(decision), fault.delayMs, false, close, routeName);
        return true;
    }
    case FaultPlan::Kind::LongRetryAfter: {
        RateLimiter::Decision decision = m_limiter.peek();
        decision.allowed = false;
        decision.remaining = 0;
        decision.resetInMs = qint64(FaultPlan::kLongRetryAfterSecs) * 1000;
        send(socket, rateLimitedReply(decision), fault.delayMs, false, close, routeName);
        return true;
    }
    case FaultPlan::Kind::HugeReply: {
        // Valid JSON all the way, so only its size can be held against it.
        EmulatorReply huge = EmulatorReply::json(200, QJsonObject {});
        huge.body = '[' + QByteArray(FaultPlan::kHugeReplyBytes, ' ') + ']';
        send(socket, huge, fault.delayMs, false, close, routeName);
        return true;
    }
    case FaultPlan::Kind::DropBeforeWrite:
        rememberDrop(fingerprint);
        send(socket, {}, fault.delayMs, true, close, routeName);
        return true;
    default:
        break;
    }

    EmulatorReply reply;
    if (auto denied = authenticate(request)) {
        reply = *denied;
    } else {
        const RateLimiter::Decision decision = acquireRate();
        if (!decision.allowed) {
            reply = rateLimitedReply(decision);
        } else {
            if (routeName == QLatin1String("upsert"))
                m_upsertBodies.append(QJsonDocument::fromJson(request.body).object());
            reply = route ? route->handler(request, captures) : notFoundReply(request);
            addRateHeaders(reply, decision);
        }
    }
    int delayMs = fault.delayMs + reply.extraDelayMs;
    bool drop = fault.kind == FaultPlan::Kind::DropAfterWrite;
    if (reply.createdRecord) {
        delayMs += m_faults.slowCreateMs();
        if (!drop && m_faults.takeDropAfterCreate()) {
            drop = true;
            rememberDrop(fingerprint);
        }
    }
    send(socket, reply, delayMs, drop, close, routeName);
    return true;
}

void EmulatorServer::rememberDrop(const QByteArray& fingerprint)
{
    m_lastDrop.fingerprint = fingerprint;
    m_lastDrop.replays = 0;
    m_lastDrop.clock.start();
}

void EmulatorServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    send(socket, notFoundReply(EmulatorRequest::fromServerRequest(request)), 0, false, false,
         QStringLiteral("unmatched"));
}

void EmulatorServer::send(QTcpSocket* socket, const EmulatorReply& reply, int delayMs, bool drop, bool close,
                          const QString& route)
{
    const int status = drop ? 0 : reply.status;
    if (route != QLatin1String("control"))
        ++m_requestsByStatus[status];
    const QByteArray bytes = drop ? QByteArray() : reply.serialize(close);
    // The socket may be gone by the time a delayed reply is due (client timeout).
    QPointer<QTcpSocket> guarded(socket);
    auto deliver = [this, guarded, bytes, drop, close, route, status] {
        if (guarded) {
            if (drop) {
                guarded->abort();
            } else {
                guarded->write(bytes);
                if (close)
                    guarded->disconnectFromHost();
            }
        }
        if (route != QLatin1String("control"))
            Q_EMIT requestHandled(route, status);
    };
    if (delayMs <= 0)
        deliver();
    else
        QTimer::singleShot(delayMs, this, deliver);
}

EmulatorReply EmulatorServer::handleControl(const EmulatorRequest& request)
{
    const QString name = request.path.mid(kControlPrefix.size());
    const bool isGet = request.method == "GET";
    const bool isPost = request.method == "POST";
    const QJsonDocument document = QJsonDocument::fromJson(request.body);

    if (name == QLatin1String("state") && isGet)
        return EmulatorReply::json(200, stateJson());
    if (name == QLatin1String("faults") && isGet)
        return EmulatorReply::json(200, m_faults.toJson());
    if (name == QLatin1String("config") && isGet)
        return EmulatorReply::json(200, configJson());
    if (name == QLatin1String("reset") && isPost) {
        reset();
        return EmulatorReply::json(200, QJsonObject {{QStringLiteral("ok"), true}});
    }
    if (name == QLatin1String("faults") && isPost) {
        if (!document.isObject())
            return controlError(QStringLiteral("body must be a JSON object"));
        const QString error = m_faults.applyJson(document.object());
        return error.isEmpty() ? EmulatorReply::json(200, m_faults.toJson()) : controlError(error);
    }
    if (name == QLatin1String("config") && isPost) {
        if (!document.isObject())
            return controlError(QStringLiteral("body must be a JSON object"));
        const QString error = applyConfig(document.object());
        return error.isEmpty() ? EmulatorReply::json(200, configJson()) : controlError(error);
    }
    if (name == QLatin1String("custom-fields") && isPost) {
        const QJsonArray fields
            = document.isArray() ? document.array() : document.object().value(QLatin1String("fields")).toArray();
        const QString error = registerCustomFields(fields);
        return error.isEmpty() ? EmulatorReply::json(200, QJsonObject {{QStringLiteral("ok"), true}})
                               : controlError(error);
    }
    if (name == QLatin1String("seed") && isPost) {
        const QJsonArray contacts
            = document.isArray() ? document.array() : document.object().value(QLatin1String("contacts")).toArray();
        QJsonArray ids;
        for (const QJsonValue& contact : contacts) {
            const QString id = seedContact(contact.toObject());
            if (id.isEmpty())
                return controlError(QStringLiteral("contact %1 is invalid").arg(ids.size()));
            ids.append(id);
        }
        return EmulatorReply::json(200, QJsonObject {{QStringLiteral("ids"), ids}});
    }
    if (auto reply = handleExtraControl(name, request))
        return *reply;
    return EmulatorReply::json(404, QJsonObject {{QStringLiteral("error"), QStringLiteral("no such test endpoint")}});
}

} // namespace roster::emulator
