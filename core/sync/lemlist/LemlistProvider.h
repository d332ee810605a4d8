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
    // The account option choosing how a full scan reads the account: "auto" (the default: the CSV export
    // above kExportThreshold contacts), "always", "never", or a number of contacts to use instead.
    static QString bulkExportOption() { return QStringLiteral("bulk_export"); }
    // Up to 20 pages (one rate window's burst of 20 requests per 2 s) paging costs no wait, and its JSON can
    // say a field was cleared, which a CSV cannot (LemlistExportReader); past that every 10 pages more cost a
    // second at the published limit (100,000 contacts: 1,000 requests, 100 s), while the export is one
    // request whatever the size.
    static constexpr qint64 kExportThreshold = 2000;
    // The export is one reply, read whole: larger than this (about 800,000 contacts) it is refused unread
    // and the scan pages instead.
    static constexpr qint64 kMaxExportBytes = qint64(256) << 20;

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
    qint64 exportThreshold() const override;
    Result<HttpRequestSpec> exportRequest() const override;
    Result<std::unique_ptr<RemoteExportReader>> openExport(const HttpResponse& response) const override;
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
