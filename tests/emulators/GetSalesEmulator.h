#pragma once

#include "EmulatorServer.h"
#include "RecordStore.h"

namespace roster::emulator {

// GetSales / Grinfi (contract 001 and PROVIDERS.md §2): upsert keyed by lead.linkedin_id
// within list_uuid, update_if_exists, Laravel-style 422 validation errors, search with
// limit <= 100 and a filter grammar, 300 requests per minute with a bare 429.
class GetSalesEmulator final : public EmulatorServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GetSalesEmulator)

public:
    // Where an upsert looks for an existing lead with the same linkedin_id.
    enum class MatchScope { List, Team };

    explicit GetSalesEmulator(QObject* parent = nullptr);
    ~GetSalesEmulator() override;

    static QString defaultListUuid();

    qsizetype recordCount() const override { return m_leads.size(); }
    QJsonArray recordsJson() const override;
    std::optional<QJsonObject> lead(const QString& uuid) const { return m_leads.find(uuid); }

    QString registerCustomFields(const QJsonArray& fields) override;
    // The body is the upsert body ({lead, list_uuid, custom_fields, ...}); list_uuid may be
    // omitted and defaults to defaultListUuid().
    QString seedContact(const QJsonObject& upsertBody) override;
    bool removeRecord(const QString& id) override { return m_leads.remove(id); }
    bool editRecord(const QString& id, const std::function<void(QJsonObject&)>& edit) override
    {
        return m_leads.edit(id, edit);
    }
    void addList(const QString& uuid, const QString& name);

    void setMatchScope(MatchScope scope) { m_matchScope = scope; }
    // Whether search accepts a filter on updated_at (unconfirmed for the real service).
    void setUpdatedFilterSupported(bool supported) { m_updatedFilterSupported = supported; }
    // Search rows as {lead:{...}} instead of flat lead objects (seen in one client).
    void setWrapSearchRows(bool wrap) { m_wrapSearchRows = wrap; }
    // The version of the reference that requires a `Team-ID` header beside Authorization (PROVIDERS.md
    // §7): without it 400 "Missing required headers", with another team 403. Empty: not required.
    void setRequiredTeamId(const QString& teamId) { m_requiredTeamId = teamId; }

    QString applyConfig(const QJsonObject& config) override;
    QJsonObject configJson() const override;

protected:
    std::optional<EmulatorReply> authenticate(const EmulatorRequest& request) const override;
    void addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const override;
    EmulatorReply rateLimitedReply(const RateLimiter::Decision& decision) const override;
    EmulatorReply notFoundReply(const EmulatorRequest& request) const override;
    void clearRecords() override;
    std::optional<EmulatorReply> handleExtraControl(const QString& name, const EmulatorRequest& request) override;

private:
    EmulatorReply upsert(const QJsonObject& body);
    EmulatorReply search(const QJsonObject& body) const;
    EmulatorReply customFields(const EmulatorRequest& request) const;
    EmulatorReply createCustomField(const QJsonObject& body);

    RecordStore m_leads;
    QHash<QString, QString> m_lists; // uuid -> name
    QList<QJsonObject> m_customFields; // {uuid, name, object}
    MatchScope m_matchScope = MatchScope::List;
    bool m_updatedFilterSupported = true;
    bool m_wrapSearchRows = false;
    QString m_requiredTeamId;
};

} // namespace roster::emulator
