#include "AccountPreflight.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"

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

void AccountPreflight::start(bool definitions, bool tags)
{
    m_tags = tags;
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
    if (!m_tags) {
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
            // The contacts still go, without their tags, each with a warning; this says why.
            emit warning(ids.error());
        }
        finish({});
    });
}

void AccountPreflight::finish(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

} // namespace roster
