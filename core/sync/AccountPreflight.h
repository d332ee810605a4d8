#pragma once

#include "contact/Error.h"

#include <QObject>
#include <QPointer>

namespace roster {

class HttpClient;
class HttpJob;
class Provider;

// What a sync asks the CRM before it plans anything, and hands to the adapter: the custom-field
// definitions (both directions map custom keys with them, and the push reports values whose field the
// CRM lacks) and, for CRMs taking tags as ids (Monaco), the tag list, since the push fingerprints include
// the ids. A failed fetch is a warning and the sync goes on without; only a refused key stops it.
class AccountPreflight final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPreflight)

public:
    AccountPreflight(HttpClient& client, QString accountName, Provider& provider, QObject* parent = nullptr);
    ~AccountPreflight() override;

    void start(bool definitions, bool tags);
    void abort();
    // The definitions were fetched: a custom key missing from them is one the CRM does not define.
    bool definitionsKnown() const { return m_definitionsKnown; }

signals:
    void warning(const roster::Error& error);
    void finished(const roster::Result<void>& result);

private:
    void fetchDefinitions();
    void fetchTagIds();
    void finish(const Result<void>& result);

    HttpClient& m_client;
    QString m_accountName;
    Provider& m_provider;
    QPointer<HttpJob> m_job;
    bool m_tags = false;
    bool m_definitionsKnown = false;
    bool m_done = false;
};

} // namespace roster
