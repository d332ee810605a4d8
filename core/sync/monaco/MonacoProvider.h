#pragma once

#include "sync/Provider.h"

namespace roster {

// Monaco (003_*.txt and PROVIDERS.md §4): Bearer token, `PUT /v1/contacts/` upsert (email, then LinkedIn
// URL with an account domain), tags appended and given as ids (names come back), custom fields as
// `custom_field_<key>` keys (enum and select fields take an option's key, read back as its label), listing
// through `POST /v1/contacts/list` by page (page_size ≤ 500).
// Creates enrich synchronously, so upserts get a long timeout.
class MonacoProvider final : public Provider
{
public:
    static constexpr int kMaxPageSize = 500;
    static constexpr int kMaxTagName = 100;
    static QString customPrefix() { return QStringLiteral("custom_field_"); }

    explicit MonacoProvider(ProviderOptions options = {});

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

    // Tag ids for the upsert: `GET /v1/tags/` -> name to id, for setTagIds(). Names match case-insensitively.
    Result<HttpRequestSpec> tagsRequest() const override;
    Result<QMap<QString, QString>> parseTagsReply(const HttpResponse& response) const override;
    // `POST /v1/tags/` for contacts; names of letters, digits and spaces only, at most 100 characters.
    Result<HttpRequestSpec> createTagRequest(const QString& name) const override;
    Result<QString> parseCreateTagReply(const HttpResponse& response) const override;

    RemoteRecord readRecord(const QJsonObject& contact) const;

    QList<Field> fieldsReadBack() const override;
};

} // namespace roster
