#pragma once

#include "EmulatorServer.h"
#include "RecordStore.h"

namespace roster::emulator {

// lemlist (contract 000 and PROVIDERS.md §1), served under /api: upsert by contactId,
// else email, linkedinUrl, linkedinUrlSalesNav; empty values ignored; `source` set on
// create only; registered custom fields only; existing companies only; 20 requests per
// 2 s with a date string in X-RateLimit-Reset.
class LemlistEmulator final : public EmulatorServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LemlistEmulator)

public:
    explicit LemlistEmulator(QObject* parent = nullptr);
    ~LemlistEmulator() override;

    qsizetype recordCount() const override { return m_contacts.size(); }
    QJsonArray recordsJson() const override;
    // The stored contact (read shape) by id or primary email.
    std::optional<QJsonObject> contact(const QString& idOrEmail) const;

    QString registerCustomFields(const QJsonArray& fields) override;
    QString seedContact(const QJsonObject& upsertBody) override;
    bool removeRecord(const QString& id) override { return m_contacts.remove(id); }
    bool editRecord(const QString& id, const std::function<void(QJsonObject&)>& edit) override
    {
        return m_contacts.edit(id, edit);
    }
    // Companies and team members the upsert may link to (lemlist has no API to create them
    // in this contract, so tests seed them).
    void addCompany(const QString& id, const QString& domain, const QString& linkedinUrl, const QString& name = {});
    void addTeamMember(const QString& userId, const QString& email);

    // "data" (default) or "contacts": sources disagree on the list's array key.
    void setListArrayKey(const QString& key) { m_listArrayKey = key; }
    // Largest page GET /api/contacts returns; larger limits are clamped (docs 100, OpenAPI 500).
    void setListMaxLimit(int limit) { m_listMaxLimit = limit; }

    // The CSV export (`GET /api/contacts/export`): `status` other than 0 refuses it with that status (403
    // for a plan without exports, 404 or 405 for a server without the route); `format` is "csv" (the read
    // shape's names as headers), "human" (headers such as "First name") or "json" (a 200 that is not CSV);
    // `truncateAt` in (0, 1) cuts the body to that share of its bytes, usually inside a row, and sends it as a
    // whole reply, so only its content can tell.
    void setExportStatus(int status) { m_exportStatus = status; }
    void setExportFormat(const QString& format) { m_exportFormat = format; }
    void setExportTruncateAt(double share) { m_exportTruncateAt = share; }

    QString applyConfig(const QJsonObject& config) override;
    QJsonObject configJson() const override;

protected:
    std::optional<EmulatorReply> authenticate(const EmulatorRequest& request) const override;
    void addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const override;
    EmulatorReply rateLimitedReply(const RateLimiter::Decision& decision) const override;
    void clearRecords() override;
    std::optional<EmulatorReply> handleExtraControl(const QString& name, const EmulatorRequest& request) override;

private:
    struct Company
    {
        QString id;
        QString domain;
        QString linkedinUrl;
        QString name;
    };

    EmulatorReply upsert(const QJsonObject& body);
    EmulatorReply list(const EmulatorRequest& request) const;
    EmulatorReply getOne(const QString& idOrEmail) const;
    EmulatorReply remove(const QString& idOrEmail);
    EmulatorReply fields(const EmulatorRequest& request) const;
    EmulatorReply exportCsv(const EmulatorRequest& request) const;

    QString validate(const QJsonObject& body, QString* message) const;
    QString resolveId(const QString& idOrEmail) const;
    QJsonObject readShape(const QJsonObject& record) const;

    RecordStore m_contacts;
    QList<Company> m_companies;
    QHash<QString, QString> m_teamMembers; // user id -> email
    QList<QJsonObject> m_customFields; // {name, label, type, source}
    QString m_listArrayKey = QStringLiteral("data");
    int m_listMaxLimit = 100;
    int m_exportStatus = 0;
    QString m_exportFormat = QStringLiteral("csv");
    double m_exportTruncateAt = 0.0;
};

} // namespace roster::emulator
