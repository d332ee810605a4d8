#include "AccountPreflight.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"

#include <algorithm>

namespace roster {

AccountPreflight::AccountPreflight(HttpClient& client, QString accountName, Provider& provider, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_accountName(std::move(accountName))
    , m_provider(provider)
{
}

AccountPreflight::~AccountPreflight()
{
    abort();
}

void AccountPreflight::start(bool definitions, QSet<QString> tags, bool dryRun)
{
    m_tags = std::move(tags);
    m_dryRun = dryRun;
    if (definitions)
        fetchDefinitions();
    else
        fetchTagIds();
}

void AccountPreflight::abort()
{
    m_done = true;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    m_job = nullptr;
}

void AccountPreflight::fetchDefinitions()
{
    const auto spec = m_provider.fieldDefinitionsRequest();
    if (!spec) {
        fetchTagIds();
        return;
    }
    m_job = m_client.send(m_accountName, *spec);
    connect(m_job, &HttpJob::finished, this, [this](const Result<HttpResponse>& result) {
        m_job = nullptr;
        if (m_done)
            return;
        if (result && (result->status == 403 || result->status == 404)) {
            // A key without the scope for the definitions, a plan without custom fields: the contacts can
            // still go both ways, only their custom fields cannot.
            emit warning(Error {ErrorCode::FieldDefinitionsUnavailable,
                                {},
                                QStringLiteral("%1 answered %2 to the field definitions (%3); custom fields "
                                               "were not synced")
                                    .arg(m_provider.profile().displayName)
                                    .arg(result->status)
                                    .arg(result->status == 403 ? QStringLiteral("the key may lack that scope")
                                                               : QStringLiteral("not offered"))});
            fetchTagIds();
            return;
        }
        Result<QList<RemoteFieldDefinition>> definitions
            = result ? m_provider.parseFieldDefinitionsReply(*result) : std::unexpected(result.error());
        if (definitions) {
            m_provider.setCustomFields(*definitions);
            m_definitionsKnown = true;
        } else if (definitions.error().code == ErrorCode::AuthenticationFailed) {
            finish(std::unexpected(definitions.error()));
            return;
        } else {
            emit warning(definitions.error());
        }
        fetchTagIds();
    });
}

void AccountPreflight::fetchTagIds()
{
    if (m_tags.isEmpty()) {
        finish({});
        return;
    }
    const auto spec = m_provider.tagsRequest(); // UnsupportedByProvider where tags go by name
    if (!spec) {
        finish({});
        return;
    }
    m_job = m_client.send(m_accountName, *spec);
    connect(m_job, &HttpJob::finished, this, [this](const Result<HttpResponse>& result) {
        m_job = nullptr;
        if (m_done)
            return;
        Result<QMap<QString, QString>> ids
            = result ? m_provider.parseTagsReply(*result) : std::unexpected(result.error());
        if (ids) {
            m_provider.setTagIds(*ids);
        } else if (ids.error().code == ErrorCode::AuthenticationFailed) {
            finish(std::unexpected(ids.error()));
            return;
        } else {
            // The contacts still go, without their tags, each with a warning; this says why. Without the
            // list, which tags are missing is unknown: none is created.
            emit warning(ids.error());
            finish({});
            return;
        }
        // Sorted, so that runs create (and report) in the same order.
        m_missingTags = QStringList(m_tags.cbegin(), m_tags.cend());
        m_missingTags.sort(Qt::CaseInsensitive);
        createNextTag();
    });
}

void AccountPreflight::createNextTag()
{
    const auto known = [this](const QString& name) {
        const QMap<QString, QString>& ids = m_provider.options().tagIds;
        return std::any_of(ids.keyBegin(), ids.keyEnd(),
                           [&](const QString& key) { return key.compare(name, Qt::CaseInsensitive) == 0; });
    };
    while (!m_missingTags.isEmpty()) {
        const QString name = m_missingTags.takeFirst();
        // Another spelling of a tag created a moment ago, or one the account has.
        if (known(name))
            continue;
        const bool reported
            = std::any_of(m_unavailableTags.keyBegin(), m_unavailableTags.keyEnd(),
                          [&](const QString& key) { return key.compare(name, Qt::CaseInsensitive) == 0; });
        if (reported)
            continue;
        const auto spec = m_provider.createTagRequest(name);
        if (!spec) {
            tagUnavailable(name, spec.error().detail.isEmpty() ? spec.error().toString() : spec.error().detail);
            continue;
        }
        if (m_dryRun) {
            m_unavailableTags.insert(name, QStringLiteral("not created by a dry run"));
            emit warning(Error {ErrorCode::TagsIgnored, FieldRegistry::tagsName(),
                                QStringLiteral("\"%1\" is not in %2; a real run would create it")
                                    .arg(name, m_provider.profile().displayName)});
            continue;
        }
        m_job = m_client.send(m_accountName, *spec);
        connect(m_job, &HttpJob::finished, this, [this, name](const Result<HttpResponse>& result) {
            m_job = nullptr;
            if (m_done)
                return;
            const Result<QString> id
                = result ? m_provider.parseCreateTagReply(*result) : std::unexpected(result.error());
            if (id) {
                m_provider.addTagId(name, *id);
            } else if (id.error().code == ErrorCode::AuthenticationFailed) {
                finish(std::unexpected(id.error()));
                return;
            } else if (result
                       && (result->status == 409
                           || (result->status == 422
                               && id.error().detail.contains(QStringLiteral("exist"), Qt::CaseInsensitive)))) {
                // Created since the list was read (another run, someone in Monaco's UI): its id is in a
                // fresh list.
                refetchTagIds(name, id.error());
                return;
            } else {
                tagUnavailable(name, id.error().detail.isEmpty() ? id.error().toString() : id.error().detail);
            }
            createNextTag();
        });
        return;
    }
    m_provider.setUnavailableTags(m_unavailableTags);
    finish({});
}

void AccountPreflight::refetchTagIds(const QString& name, const Error& conflict)
{
    const auto spec = m_provider.tagsRequest();
    if (!spec) {
        tagUnavailable(name, conflict.detail);
        createNextTag();
        return;
    }
    m_job = m_client.send(m_accountName, *spec);
    connect(m_job, &HttpJob::finished, this, [this, name, conflict](const Result<HttpResponse>& result) {
        m_job = nullptr;
        if (m_done)
            return;
        const Result<QMap<QString, QString>> ids
            = result ? m_provider.parseTagsReply(*result) : std::unexpected(result.error());
        if (!ids && ids.error().code == ErrorCode::AuthenticationFailed) {
            finish(std::unexpected(ids.error()));
            return;
        }
        if (ids) {
            // Keeps the ids created earlier in this run should the list lag behind them.
            for (auto it = ids->cbegin(); it != ids->cend(); ++it)
                m_provider.addTagId(it.key(), it.value());
        }
        const bool found = ids && std::any_of(ids->keyBegin(), ids->keyEnd(), [&](const QString& key) {
                               return key.compare(name, Qt::CaseInsensitive) == 0;
                           });
        if (!found)
            tagUnavailable(name, conflict.detail.isEmpty() ? conflict.toString() : conflict.detail);
        createNextTag();
    });
}

void AccountPreflight::tagUnavailable(const QString& name, const QString& why)
{
    m_unavailableTags.insert(name, why);
    emit warning(Error {ErrorCode::TagsIgnored, FieldRegistry::tagsName(),
                        QStringLiteral("\"%1\" is not in %2 and could not be created (%3); contacts go "
                                       "without it")
                            .arg(name, m_provider.profile().displayName, why)});
}

void AccountPreflight::finish(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

} // namespace roster
