#include "FaultPlan.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace roster::emulator {

namespace {

constexpr std::array kCountedKinds {FaultPlan::Kind::Status500,      FaultPlan::Kind::Status503,
                                    FaultPlan::Kind::Storm429,       FaultPlan::Kind::DropBeforeWrite,
                                    FaultPlan::Kind::DropAfterWrite, FaultPlan::Kind::LongRetryAfter,
                                    FaultPlan::Kind::HugeReply};

constexpr std::array kAllKinds {FaultPlan::Kind::Status500,      FaultPlan::Kind::Status503,
                                FaultPlan::Kind::Storm429,       FaultPlan::Kind::DropBeforeWrite,
                                FaultPlan::Kind::DropAfterWrite, FaultPlan::Kind::Slow};

// The JSON key of each counted kind in applyJson().
QString countKey(FaultPlan::Kind kind)
{
    switch (kind) {
    case FaultPlan::Kind::Status500:
        return QStringLiteral("fail500");
    case FaultPlan::Kind::Status503:
        return QStringLiteral("fail503");
    case FaultPlan::Kind::Storm429:
        return QStringLiteral("storm429");
    case FaultPlan::Kind::DropBeforeWrite:
        return QStringLiteral("dropBefore");
    case FaultPlan::Kind::DropAfterWrite:
        return QStringLiteral("dropAfter");
    case FaultPlan::Kind::LongRetryAfter:
        return QStringLiteral("longRetryAfter");
    case FaultPlan::Kind::HugeReply:
        return QStringLiteral("hugeReply");
    default:
        return {};
    }
}

} // namespace

FaultPlan::FaultPlan()
    : m_random(0u)
{
}

void FaultPlan::failNext(Kind kind, int count)
{
    if (kind == Kind::None || kind == Kind::Slow || count <= 0)
        return;
    m_pending[kind] += count;
}

void FaultPlan::setRandom(double probability, quint32 seed, QSet<Kind> kinds, int slowMs)
{
    m_probability = std::clamp(probability, 0.0, 1.0);
    m_seed = seed;
    m_random.seed(seed);
    kinds.remove(Kind::None);
    m_randomKinds = kinds;
    m_randomSlowMs = std::max(0, slowMs);
}

void FaultPlan::clear()
{
    m_delayMs = 0;
    m_pending.clear();
    m_injected.clear();
    m_probability = 0.0;
    m_randomKinds.clear();
    m_sparseRows = false;
    m_ignorePaging = false;
    m_moreForever = false;
    m_errorBody = false;
    m_routeStatus.clear();
    m_slowCreateMs = 0;
    m_dropAfterCreate = 0;
    m_droppedAfterCreate = 0;
}

bool FaultPlan::takeDropAfterCreate()
{
    if (m_dropAfterCreate <= 0)
        return false;
    --m_dropAfterCreate;
    ++m_droppedAfterCreate;
    return true;
}

void FaultPlan::setRouteStatus(const QString& route, int status)
{
    if (status <= 0)
        m_routeStatus.remove(route);
    else
        m_routeStatus.insert(route, status);
}

FaultPlan::Decision FaultPlan::next()
{
    Decision decision;
    decision.delayMs = m_delayMs;
    for (const Kind kind : kCountedKinds) {
        auto it = m_pending.find(kind);
        if (it != m_pending.end() && it.value() > 0) {
            if (--it.value() == 0)
                m_pending.erase(it);
            decision.kind = kind;
            ++m_injected[kind];
            return decision;
        }
    }
    if (m_probability <= 0.0 || m_random.generateDouble() >= m_probability)
        return decision;
    QList<Kind> candidates;
    for (const Kind kind : kAllKinds) {
        if (m_randomKinds.isEmpty() || m_randomKinds.contains(kind))
            candidates.append(kind);
    }
    decision.kind = candidates.at(m_random.bounded(int(candidates.size())));
    if (decision.kind == Kind::Slow)
        decision.delayMs += m_randomSlowMs;
    ++m_injected[decision.kind];
    return decision;
}

int FaultPlan::injectedTotal() const
{
    int total = 0;
    for (const int count : m_injected)
        total += count;
    return total;
}

QString FaultPlan::applyJson(const QJsonObject& object)
{
    if (object.contains(QLatin1String("delayMs"))) {
        if (!object.value(QLatin1String("delayMs")).isDouble())
            return QStringLiteral("delayMs must be a number");
        m_delayMs = std::max(0, object.value(QLatin1String("delayMs")).toInt());
    }
    for (QLatin1String key : {QLatin1String("slowCreateMs"), QLatin1String("dropAfterCreate")}) {
        if (!object.contains(key))
            continue;
        if (!object.value(key).isDouble())
            return key + QStringLiteral(" must be a number");
        if (key == QLatin1String("slowCreateMs"))
            setSlowCreateMs(object.value(key).toInt());
        else
            dropAfterCreate(object.value(key).toInt());
    }
    for (const Kind kind : kCountedKinds) {
        const QString key = countKey(kind);
        if (!object.contains(key))
            continue;
        if (!object.value(key).isDouble())
            return key + QStringLiteral(" must be a number");
        failNext(kind, object.value(key).toInt());
    }
    const std::array<std::pair<QLatin1String, bool*>, 4> switches {
        std::pair {QLatin1String("sparseRows"), &m_sparseRows},
        std::pair {QLatin1String("ignorePaging"), &m_ignorePaging},
        std::pair {QLatin1String("moreForever"), &m_moreForever}, std::pair {QLatin1String("errorBody"), &m_errorBody}};
    for (const auto& [key, flag] : switches) {
        if (!object.contains(key))
            continue;
        if (!object.value(key).isBool())
            return key + QStringLiteral(" must be true or false");
        *flag = object.value(key).toBool();
    }
    if (object.contains(QLatin1String("random"))) {
        const QJsonObject random = object.value(QLatin1String("random")).toObject();
        QSet<Kind> kinds;
        for (const QJsonValue& value : random.value(QLatin1String("kinds")).toArray()) {
            const Kind kind = kindFromName(value.toString());
            if (kind == Kind::None)
                return QStringLiteral("unknown fault kind: ") + value.toString();
            kinds.insert(kind);
        }
        setRandom(random.value(QLatin1String("probability")).toDouble(),
                  quint32(random.value(QLatin1String("seed")).toInteger()), kinds,
                  random.value(QLatin1String("slowMs")).toInt(1000));
    }
    return {};
}

QJsonObject FaultPlan::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("delayMs"), m_delayMs);
    QJsonObject injectedObject;
    for (const Kind kind : kAllKinds) {
        if (kind != Kind::Slow)
            object.insert(countKey(kind), m_pending.value(kind));
        injectedObject.insert(kindName(kind), m_injected.value(kind));
    }
    QJsonArray kinds;
    for (const Kind kind : kAllKinds) {
        if (m_randomKinds.contains(kind))
            kinds.append(kindName(kind));
    }
    object.insert(QStringLiteral("random"),
                  QJsonObject {{QStringLiteral("probability"), m_probability},
                               {QStringLiteral("seed"), qint64(m_seed)},
                               {QStringLiteral("kinds"), kinds},
                               {QStringLiteral("slowMs"), m_randomSlowMs}});
    object.insert(QStringLiteral("injected"), injectedObject);
    object.insert(QStringLiteral("sparseRows"), m_sparseRows);
    object.insert(QStringLiteral("ignorePaging"), m_ignorePaging);
    object.insert(QStringLiteral("moreForever"), m_moreForever);
    object.insert(QStringLiteral("errorBody"), m_errorBody);
    object.insert(QStringLiteral("slowCreateMs"), m_slowCreateMs);
    object.insert(QStringLiteral("dropAfterCreate"), m_dropAfterCreate);
    object.insert(QStringLiteral("droppedAfterCreate"), m_droppedAfterCreate);
    return object;
}

QString FaultPlan::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Status500:
        return QStringLiteral("500");
    case Kind::Status503:
        return QStringLiteral("503");
    case Kind::Storm429:
        return QStringLiteral("429");
    case Kind::DropBeforeWrite:
        return QStringLiteral("dropBefore");
    case Kind::DropAfterWrite:
        return QStringLiteral("dropAfter");
    case Kind::Slow:
        return QStringLiteral("slow");
    case Kind::LongRetryAfter:
        return QStringLiteral("longRetryAfter");
    case Kind::HugeReply:
        return QStringLiteral("hugeReply");
    case Kind::None:
        break;
    }
    return QStringLiteral("none");
}

FaultPlan::Kind FaultPlan::kindFromName(const QString& name)
{
    for (const Kind kind : kAllKinds) {
        if (kindName(kind) == name)
            return kind;
    }
    return Kind::None;
}

} // namespace roster::emulator
