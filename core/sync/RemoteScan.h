#pragma once

#include "PageToken.h"
#include "RemotePage.h"
#include "contact/Error.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

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
    // Still filtered by update time (false once fallen back to a full scan).
    bool isIncremental() const { return m_updatedSince.isValid(); }

signals:
    void fellBack(const roster::Error& refusal);
    void progress(qint64 records, qint64 total);
    void finished(const roster::Result<void>& result);

private:
    void requestPage();
    void onPage(const Result<RemotePage>& page);
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
    bool m_done = false;
};

} // namespace roster
