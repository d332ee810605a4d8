#pragma once

#include "sync/Provider.h"

namespace roster {

// HighLevel / LeadConnector (002_*.txt, 004_*.txt and PROVIDERS.md §3): Bearer token plus the `Version`
// header, `POST /contacts/upsert` within the account's `location_id`, tags replaced on every upsert,
// custom fields written `[{id | key, field_value}]` and read `[{id, value}]`. Listing goes through
// `POST /contacts/search` by page number up to 10,000 records, then by `searchAfter` cursor.
class HighLevelProvider final : public Provider
{
public:
    static constexpr int kMaxPageSize = 500;
    static constexpr int kMaxPagedRecords = 10000;
    static QString locationIdOption() { return QStringLiteral("location_id"); }
    static QByteArray apiVersion() { return QByteArrayLiteral("2021-07-28"); }

    explicit HighLevelProvider(ProviderOptions options = {});

    ProviderProfile profile() const override;
    Result<void> validateForPush(const Contact& contact) const override;
    Result<HttpRequestSpec> upsertRequest(const Contact& contact, const QString& remoteId = {}) const override;
    Result<UpsertOutcome> parseUpsertReply(const HttpResponse& response) const override;
    bool updatesById() const override { return true; }
    bool upsertMatchesByPhone() const override { return true; }
    QList<Field> fieldsNotUpdatedById() const override { return {Field::CompanyName, Field::Gender}; }
    Result<HttpRequestSpec> lookupRequest(const Contact& contact) const override;
    Result<std::optional<RemoteRecord>> parseLookupReply(const Contact& contact,
                                                         const HttpResponse& response) const override;
    Result<HttpRequestSpec> listRequest(const ListQuery& query) const override;
    Result<RemotePage> parseListReply(const ListQuery& query, const HttpResponse& response) const override;
    HttpRequestSpec getRequest(const QString& remoteId) const override;
    Result<RemoteRecord> parseGetReply(const HttpResponse& response) const override;
    HttpRequestSpec deleteRequest(const QString& remoteId) const override;
    Result<void> parseDeleteReply(const HttpResponse& response) const override;
    Result<HttpRequestSpec> fieldDefinitionsRequest() const override;
    Result<QList<RemoteFieldDefinition>> parseFieldDefinitionsReply(const HttpResponse& response) const override;
    Error parseError(const HttpResponse& response) const override;

    RemoteRecord readRecord(const QJsonObject& contact) const;

    QList<Field> fieldsReadBack() const override;
    QList<Field> fieldsClearedByRead() const override;

private:
    HttpRequestSpec baseSpec(HttpMethod method, const QString& path, RequestKind kind) const;
};

} // namespace roster
