#pragma once

#include "EmulatorServer.h"
#include "RecordStore.h"

namespace roster::emulator {

// HighLevel / LeadConnector (contracts 002 and 004, PROVIDERS.md §3): Bearer token plus
// `Version: 2021-07-28`, whitelisted body properties (422 "property X should not exist"),
// upsert matched by email then phone in the location's order, tags replaced, custom
// fields as [{id|key, field_value}], search with searchAfter past 10,000 records, and a
// 100 per 10 s burst limit plus a daily one.
class HighLevelEmulator final : public EmulatorServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HighLevelEmulator)

public:
    explicit HighLevelEmulator(QObject* parent = nullptr);
    ~HighLevelEmulator() override;

    static QString defaultLocationId();
    QString locationId() const { return m_locationId; }

    qsizetype recordCount() const override { return m_contacts.size(); }
    QJsonArray recordsJson() const override;
    std::optional<QJsonObject> contact(const QString& id) const { return m_contacts.find(id); }

    // Each {"name", "key" ("contact.x" or "x"), "id"?, "dataType"?}.
    QString registerCustomFields(const QJsonArray& fields) override;
    // The upsert body; locationId may be omitted. `dateAddedMs` (when >= 0) backdates the
    // record, so that a large seeded set spreads over time as real data does.
    QString seedContact(const QJsonObject& upsertBody) override;
    bool removeRecord(const QString& id) override { return m_contacts.remove(id); }
    bool editRecord(const QString& id, const std::function<void(QJsonObject&)>& edit) override
    {
        return m_contacts.edit(id, edit);
    }
    QString seedContact(const QJsonObject& upsertBody, qint64 dateAddedMs);

    // The location's "Allow Duplicate Contact" order: {"email", "phone"} (default) or
    // {"phone", "email"}; `allowDuplicates` lets createNewIfDuplicateAllowed create.
    void setDuplicateMatchOrder(const QStringList& order) { m_matchOrder = order; }
    void setAllowDuplicates(bool allow) { m_allowDuplicates = allow; }
    void setUpdatedFilterSupported(bool supported) { m_updatedFilterSupported = supported; }
    void setDailyLimit(int limit);
    void setRateScale(double scale) override;

    QString applyConfig(const QJsonObject& config) override;
    QJsonObject configJson() const override;

protected:
    std::optional<EmulatorReply> authenticate(const EmulatorRequest& request) const override;
    RateLimiter::Decision acquireRate() override;
    void addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const override;
    EmulatorReply rateLimitedReply(const RateLimiter::Decision& decision) const override;
    EmulatorReply notFoundReply(const EmulatorRequest& request) const override;
    void clearRecords() override;

private:
    // With `id`, PUT /contacts/{id}: that contact is updated, nothing is matched or created.
    EmulatorReply upsert(const QJsonObject& body, qint64 dateAddedMs = -1, const QString& id = {});
    EmulatorReply update(const QString& id, const EmulatorRequest& request);
    EmulatorReply customFields(const QString& locationId, const EmulatorRequest& request) const;
    std::optional<QJsonObject> findCustomField(const QJsonObject& reference) const;

    RecordStore m_contacts;
    QList<QJsonObject> m_customFields; // {id, name, fieldKey, dataType, picklistOptions, model, locationId}
    QString m_locationId;
    QStringList m_matchOrder {QStringLiteral("email"), QStringLiteral("phone")};
    bool m_allowDuplicates = false;
    bool m_updatedFilterSupported = true;
    RateLimiter m_daily;
    RateLimiter::Decision m_lastDaily;
};

} // namespace roster::emulator
