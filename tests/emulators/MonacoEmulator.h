#pragma once

#include "EmulatorServer.h"
#include "RecordStore.h"

namespace roster::emulator {

// Monaco (contract 003 and PROVIDERS.md §4): PUT /v1/contacts/ upserts by email (case-
// insensitive) then exact linkedin_url; a LinkedIn-only contact needs account_id or
// domain; accounts resolve account_id > domain > email domain and are created when
// missing; tags (UUIDs in, names out) are appended; creates are slow; 1000 requests an
// hour with X-RateLimit-Reset in Unix seconds; errors {error:{code,message}}.
class MonacoEmulator final : public EmulatorServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonacoEmulator)

public:
    explicit MonacoEmulator(QObject* parent = nullptr);
    ~MonacoEmulator() override;

    qsizetype recordCount() const override { return m_contacts.size(); }
    QJsonArray recordsJson() const override;
    std::optional<QJsonObject> contact(const QString& id) const { return m_contacts.find(id); }
    QJsonArray accountsJson() const;

    // Each {"name", "id"?, "type"?, "allowed_values"?: [{"key", "display_value"}]}; the upsert key is then
    // "custom_field_<id>", and a field with allowed_values (an enum) takes one of their keys.
    QString registerCustomFields(const QJsonArray& fields) override;
    QString seedContact(const QJsonObject& upsertBody) override;
    bool removeRecord(const QString& id) override { return m_contacts.remove(id); }
    bool editRecord(const QString& id, const std::function<void(QJsonObject&)>& edit) override
    {
        return m_contacts.edit(id, edit);
    }
    // Tags are kept per object type (contacts, accounts, opportunities); contacts' unless said.
    void addTag(const QString& id, const QString& name, const QString& object = QStringLiteral("contacts"));
    QJsonArray tagsJson(const QString& object = QStringLiteral("contacts")) const;
    void addAccount(const QString& id, const QString& domain, const QString& name = {});

    // How long a create takes (the service enriches synchronously: 10 s and more). 0 here
    // by default so that tests stay fast; the write is applied when the request arrives.
    void setCreateDelayMs(int delayMs) { m_createDelayMs = delayMs; }
    void setUpdatedFilterSupported(bool supported) { m_updatedFilterSupported = supported; }

    QString applyConfig(const QJsonObject& config) override;
    QJsonObject configJson() const override;

protected:
    std::optional<EmulatorReply> authenticate(const EmulatorRequest& request) const override;
    void addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const override;
    EmulatorReply rateLimitedReply(const RateLimiter::Decision& decision) const override;
    EmulatorReply serverErrorReply(int status) const override;
    EmulatorReply notFoundReply(const EmulatorRequest& request) const override;
    void clearRecords() override;
    std::optional<EmulatorReply> handleExtraControl(const QString& name, const EmulatorRequest& request) override;

private:
    // With `id`, PATCH /v1/contacts/{id}: that contact is updated, nothing is matched or created.
    EmulatorReply upsert(const QJsonObject& body, const QString& id = {});
    EmulatorReply list(const QJsonObject& body) const;
    EmulatorReply schema() const;
    EmulatorReply listTags(const EmulatorRequest& request) const;
    EmulatorReply createTag(const QJsonObject& body);
    QString resolveAccount(const QJsonObject& body);
    QString validateFilters(const QJsonValue& filters) const;
    bool matches(const QJsonObject& contact, const QJsonValue& filters) const;

    RecordStore m_contacts;
    QHash<QString, QMap<QString, QJsonObject>> m_tags; // object type -> id -> {id, name, color}
    QList<QJsonObject> m_accounts; // {id, domain, name}
    QList<QJsonObject> m_customFields; // {id, name, type, allowed_values?}
    int m_createDelayMs = 0;
    bool m_updatedFilterSupported = true;
};

} // namespace roster::emulator
