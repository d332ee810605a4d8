#pragma once

#include "HttpResponse.h"
#include "PageToken.h"
#include "RemoteExportReader.h"
#include "RemotePage.h"
#include "contact/Error.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace roster {

class HttpClient;
class HttpJob;
class Provider;

// Pages through one account's remote contact list, one request at a time, handing each page to a sink.
//
// Given a watermark it asks only for records changed since then; a CRM that refuses the filter on the
// first page (GetSales and Monaco document it only for created_at) gets a full scan instead, and
// fellBack() says why. Only a scan that reached the end unfiltered is complete, which is what may
// conclude that a record was deleted remotely.
//
// A full scan of a CRM with a whole-account export (lemlist's CSV, Provider::exportThreshold()) reads the
// export instead of the pages when the first page reports more records than the threshold. The export is
// checked whole before any record of it is handed on (every row read without error, as many distinct
// records as the first page reported), then handed on in pages of kExportPageSize records. An export the
// CRM refuses or that fails that check (a 4xx, a reply that is not CSV, a truncated or unreadable body)
// is dropped: exportRefused() says why and the scan pages from the first page it already has. So only a
// complete export or a complete paging ends the scan successfully and may prove deletions.
//
// No server is trusted to page honestly (PROVIDERS.md §7): the scan stops with IncompleteScan when a page
// brings no record it has not seen, when it needs more pages than the reported total allows, when it ends
// with fewer records than that total, or at a hard cap of pages.
class RemoteScan final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteScan)

public:
    // Returns an error to stop the scan (the page could not be stored).
    using PageSink = std::function<Result<void>(const RemotePage& page)>;

    RemoteScan(HttpClient& client, QString accountName, const Provider& provider, int pageSize, QDateTime updatedSince,
               QObject* parent = nullptr);
    ~RemoteScan() override;

    void start(PageSink sink);
    void abort();
    // The hard cap of pages of one scan.
    void setMaxPages(int pages) { m_maxPages = pages; }
    static constexpr int kDefaultMaxPages = 5000;
    // Records of an export handed to the sink at a time, and read per turn of the event loop.
    static constexpr int kExportPageSize = 500;
    // Still filtered by update time (false once fallen back to a full scan).
    bool isIncremental() const { return m_updatedSince.isValid(); }
    // The records came from the CRM's bulk export rather than its pages.
    bool usedExport() const { return m_exportBody.has_value(); }

signals:
    void fellBack(const roster::Error& refusal);
    // The bulk export was refused or could not be trusted (why); the scan pages instead.
    void exportRefused(const roster::Error& reason);
    void progress(qint64 records, qint64 total);
    void finished(const roster::Result<void>& result);

private:
    void requestPage();
    void onPage(const Result<RemotePage>& page);
    // A page of the list, first or later, once it is known not to start an export.
    void acceptPage(const RemotePage& page);
    bool shouldExport(const RemotePage& firstPage) const;
    void requestExport();
    void onExport(const Result<HttpResponse>& reply);
    // Reads a chunk of the export: all of it once to check it (`deliver` false), then again page by page.
    void readExport(bool deliver);
    void refuseExport(const Error& reason);
    void finish(const Result<void>& result);
    // Why the page shows the server is not paging to an end; empty when it may go on.
    QString endlessReason(const RemotePage& page) const;
    void incomplete(const QString& reason);

    HttpClient& m_client;
    QString m_accountName;
    const Provider& m_provider;
    int m_pageSize;
    QDateTime m_updatedSince;
    PageSink m_sink;
    PageToken m_token;
    QPointer<HttpJob> m_job;
    qint64 m_records = 0;
    QSet<QString> m_seenIds;
    qint64 m_withoutId = 0;
    qsizetype m_largestPage = 0;
    int m_pages = 0;
    int m_maxPages = kDefaultMaxPages;
    bool m_exportTried = false;
    RemotePage m_firstPage; // kept while the export is tried, paged from when it is refused
    std::optional<HttpResponse> m_exportBody;
    std::unique_ptr<RemoteExportReader> m_export;
    bool m_done = false;
};

} // namespace roster
