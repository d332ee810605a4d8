#pragma once

#include "contact/Error.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace roster {

class HttpClient;
class HttpJob;
class Provider;

// What a sync asks the CRM before it plans anything, and hands to the adapter: the custom-field
// definitions (both directions map custom keys with them, and the push reports values whose field the
// CRM lacks) and, for CRMs taking tags as ids (Monaco), the tag list, since the push fingerprints include
// the ids, then the tags the push would send and the account lacks, created one at a time. A failed fetch
// or create is a warning and the sync goes on without; only a refused key stops it.
class AccountPreflight final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPreflight)

public:
    AccountPreflight(HttpClient& client, QString accountName, Provider& provider, QObject* parent = nullptr);
    ~AccountPreflight() override;

    // `tags`: the local tags the push may send; none when it sends no tags. A dry run creates no tag: it
    // says which it would create.
    void start(bool definitions, QSet<QString> tags, bool dryRun);
    void abort();
    // The definitions were fetched: a custom key missing from them is one the CRM does not define.
    bool definitionsKnown() const { return m_definitionsKnown; }

signals:
    void warning(const roster::Error& error);
    void finished(const roster::Result<void>& result);

private:
    void fetchDefinitions();
    void fetchTagIds();
    void createNextTag();
    void refetchTagIds(const QString& name, const Error& conflict);
    // The account lacks the tag and this run does not create it: said once, here, not on each contact.
    void tagUnavailable(const QString& name, const QString& why);
    void finish(const Result<void>& result);

    HttpClient& m_client;
    QString m_accountName;
    Provider& m_provider;
    QPointer<HttpJob> m_job;
    QSet<QString> m_tags;
    QStringList m_missingTags; // still to create, in order
    QMap<QString, QString> m_unavailableTags;
    bool m_dryRun = false;
    bool m_definitionsKnown = false;
    bool m_done = false;
};

} // namespace roster
