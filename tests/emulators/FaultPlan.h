#pragma once

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QString>

#include <algorithm>

namespace roster::emulator {

// The faults an emulator can inject, settable from a test (C++) or over HTTP (JSON).
// Counted faults hit the next N API requests, in the order of the Kind enum; the random
// mode then fails each remaining request with probability p, drawing the kind from a
// seeded generator so that a failing run can be replayed.
class FaultPlan final
{
public:
    enum class Kind {
        None,
        Status500,
        Status503,
        Storm429,
        DropBeforeWrite, // connection closed, request not applied
        DropAfterWrite, // request applied, connection closed before the reply
        Slow, // random mode only: the reply is delayed by randomSlowMs
        LongRetryAfter, // counted only: a 429 asking to wait kLongRetryAfterSecs (Retry-After, reset time)
        HugeReply, // counted only: a 200 whose body is kHugeReplyBytes of JSON
    };

    static constexpr int kLongRetryAfterSecs = 3000;
    static constexpr qsizetype kHugeReplyBytes = qsizetype(24) << 20;

    struct Decision
    {
        Kind kind = Kind::None;
        int delayMs = 0;
    };

    FaultPlan();

    // Every reply waits this long (slow service).
    void setDelayMs(int delayMs) { m_delayMs = delayMs; }
    int delayMs() const { return m_delayMs; }

    // The next `count` API requests fail with `kind` (adds to what is pending).
    void failNext(Kind kind, int count);
    int pending(Kind kind) const { return m_pending.value(kind); }

    // Each request fails with probability `probability`, kind drawn among `kinds`
    // (all kinds but None when empty).
    void setRandom(double probability, quint32 seed, QSet<Kind> kinds = {}, int slowMs = 1000);
    double randomProbability() const { return m_probability; }

    // Misbehaviours of the contact list (PROVIDERS.md §7), each on until cleared:
    //  - sparseRows: rows omit fields the record has (lemlist: no `fields`; GetSales: no `domain` nor
    //    custom fields, as the official read schema; HighLevel: `address` instead of `address1`...;
    //    Monaco: no title, phone or custom fields);
    //  - ignorePaging: the first page whatever offset, page or searchAfter asks;
    //  - moreForever: there is always more (`has_more` true, totals and page counts far beyond the rows);
    //  - errorBody: a 200 whose body is {"success": false, "error": {...}}.
    void setSparseRows(bool on) { m_sparseRows = on; }
    bool sparseRows() const { return m_sparseRows; }
    void setIgnorePaging(bool on) { m_ignorePaging = on; }
    bool ignorePaging() const { return m_ignorePaging; }
    void setMoreForever(bool on) { m_moreForever = on; }
    bool moreForever() const { return m_moreForever; }
    void setErrorBody(bool on) { m_errorBody = on; }
    bool errorBody() const { return m_errorBody; }
    // The extra records the totals claim under moreForever.
    static constexpr int kPhantomRecords = 100000;

    // Creates (a request that made a new record): each reply waits slowCreateMs more, the record being
    // stored when the request arrived, as a service that enriches before it answers (Monaco) does to a
    // client whose timeout is shorter; and the next `dropAfterCreate` of them are applied, then their
    // connection is closed without a reply.
    void setSlowCreateMs(int ms) { m_slowCreateMs = std::max(0, ms); }
    int slowCreateMs() const { return m_slowCreateMs; }
    void dropAfterCreate(int count) { m_dropAfterCreate += std::max(0, count); }
    int pendingDropsAfterCreate() const { return m_dropAfterCreate; }
    // Called for each create: true (and counted) when its connection is to be dropped.
    bool takeDropAfterCreate();
    int droppedAfterCreate() const { return m_droppedAfterCreate; }

    void clear();
    Decision next();

    // Every request to the route of that name (the emulator's route names: "fields", "custom-fields",
    // "schema", ...) is answered with this status and no other effect; 0 lifts it. A token without the
    // scope for an endpoint, an endpoint a plan lacks.
    void setRouteStatus(const QString& route, int status);
    int routeStatus(const QString& route) const { return m_routeStatus.value(route); }

    // How many of each kind were injected so far.
    int injected(Kind kind) const { return m_injected.value(kind); }
    int injectedTotal() const;

    // {"delayMs", "slowCreateMs", "dropAfterCreate", "fail500", "fail503", "storm429", "dropBefore", "dropAfter",
    // "sparseRows", "ignorePaging",
    //  "moreForever", "errorBody",
    //  "random": {"probability", "seed", "kinds": ["500", ...], "slowMs"}}
    // Returns an error message, empty on success. Keys absent are left unchanged.
    QString applyJson(const QJsonObject& object);
    QJsonObject toJson() const;

    static QString kindName(Kind kind);
    static Kind kindFromName(const QString& name);

private:
    int m_delayMs = 0;
    QHash<Kind, int> m_pending;
    QHash<Kind, int> m_injected;
    QHash<QString, int> m_routeStatus;
    double m_probability = 0.0;
    quint32 m_seed = 0;
    QSet<Kind> m_randomKinds;
    int m_randomSlowMs = 1000;
    bool m_sparseRows = false;
    bool m_ignorePaging = false;
    bool m_moreForever = false;
    bool m_errorBody = false;
    int m_slowCreateMs = 0;
    int m_dropAfterCreate = 0;
    int m_droppedAfterCreate = 0;
    QRandomGenerator m_random;
};

} // namespace roster::emulator
