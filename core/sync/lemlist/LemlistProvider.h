#pragma once

#include "sync/Provider.h"

namespace roster {

// lemlist (000_*.txt and PROVIDERS.md §1): Basic auth with the key as password, `POST /contacts` upsert,
// `GET /contacts?limit&offset` listing without an updated-since filter, custom fields as extra top-level
// keys, no tags. Reads come back in another shape than the upsert reply (`fields{…}`, `email` or
// `emails[{value}]`), and both are read here.
class LemlistProvider final : public Provider
{
public:
    static constexpr int kMaxPageSize = 100;

    explicit LemlistProvider(ProviderOptions options = {});

    ProviderProfile profile() const override;
    Result<void> validateForPush(const Contact& contact) const override;
    Result<HttpRequestSpec> upsertRequest(const Contact& contact, const QString& remoteId = {}) const override;
    Result<UpsertOutcome> parseUpsertReply(const HttpResponse& response) const override;
    bool updatesById() const override { return true; }
    Result<HttpRequestSpec> lookupRequest(const Contact& contact) const override;
    Result<std::optional<RemoteRecord>> parseLookupReply(const Contact& contact,
                                                         const HttpResponse& response) const override;
    Result<HttpRequestSpec> listRequest(const ListQuery& query) const override;
    Result<RemotePage> parseListReply(const ListQuery& query, const HttpResponse& response) const override;
    HttpRequestSpec getRequest(const QString& remoteId) const override;
    Result<RemoteRecord> parseGetReply(const HttpResponse& response) const override;
    HttpRequestSpec deleteRequest(const QString& remoteId) const override;
    Result<HttpRequestSpec> fieldDefinitionsRequest() const override;
    Result<QList<RemoteFieldDefinition>> parseFieldDefinitionsReply(const HttpResponse& response) const override;
    Error parseError(const HttpResponse& response) const override;

    // One contact in any of lemlist's shapes (upsert reply, list row, get reply).
    RemoteRecord readRecord(const QJsonObject& object) const;
    QList<Field> fieldsReadBack() const override;
};

} // namespace roster
