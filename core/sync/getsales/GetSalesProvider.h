#pragma once

#include "sync/Provider.h"

namespace roster {

// GetSales / Grinfi (001_*.txt and PROVIDERS.md §2): one API on two hosts. Upsert by `lead.linkedin_id`
// within the account's `list_uuid` option, listing through `POST /leads/api/leads/search` (limit ≤ 100,
// offset, optional `updated_at` filter), custom values in a `custom_fields` object keyed by field name.
// Rows come flat or as `{lead:{…}}`; the email is read back as `work_email`, with `personal_email` beside it.
// The Grinfi flavour differs only in its host and name; a `team_id` option goes out as the `Team-ID` header
// one version of the GetSales reference requires.
class GetSalesProvider final : public Provider
{
public:
    static constexpr int kMaxPageSize = 100;
    static QString listUuidOption() { return QStringLiteral("list_uuid"); }
    static QString teamIdOption() { return QStringLiteral("team_id"); }

    enum class Flavour : std::uint8_t { GetSales, Grinfi };

    explicit GetSalesProvider(ProviderOptions options = {}, Flavour flavour = Flavour::GetSales);

    ProviderProfile profile() const override;
    Result<void> validateForPush(const Contact& contact) const override;
    Result<HttpRequestSpec> upsertRequest(const Contact& contact, const QString& remoteId = {}) const override;
    Result<UpsertOutcome> parseUpsertReply(const HttpResponse& response) const override;
    Result<HttpRequestSpec> listRequest(const ListQuery& query) const override;
    Result<RemotePage> parseListReply(const ListQuery& query, const HttpResponse& response) const override;
    HttpRequestSpec getRequest(const QString& remoteId) const override;
    Result<RemoteRecord> parseGetReply(const HttpResponse& response) const override;
    HttpRequestSpec deleteRequest(const QString& remoteId) const override;
    Result<HttpRequestSpec> fieldDefinitionsRequest() const override;
    Result<QList<RemoteFieldDefinition>> parseFieldDefinitionsReply(const HttpResponse& response) const override;
    Error parseError(const HttpResponse& response) const override;

    // One lead, flat or wrapped in `{lead:{…}}` / `{data:{…}}`.
    RemoteRecord readRecord(const QJsonObject& row) const;
    QList<Field> fieldsReadBack() const override;
    QList<Field> fieldsClearedByRead() const override;

private:
    HttpRequestSpec spec(HttpMethod method, const QString& path, RequestKind kind) const;

    Flavour m_flavour;
};

} // namespace roster
