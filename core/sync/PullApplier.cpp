#include "PullApplier.h"

#include "Provider.h"
#include "SyncFingerprint.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"

#include <vector>

namespace roster {

namespace {

// The local rules, except that a custom field the CRM has and Roster does not yet know is registered
// rather than refused: the remote record is what it is.
UpsertPolicy pullPolicy()
{
    UpsertPolicy policy = UpsertPolicies::local();
    policy.name = QStringLiteral("pull");
    policy.customFields = CustomFieldRule::RegisterUnknown;
    // A pull only adds tags: a CRM's read may lack local tags it could not take (Monaco's unknown tag
    // names), and removing tags on a remote change is for the three-way merge to decide, not a pull.
    policy.tags = TagRule::Append;
    return policy;
}

} // namespace

PullApplier::PullApplier(StoreSession& session, RemoteLinkStore& links, const Provider& provider, qint64 accountId,
                         QString accountName)
    : m_session(session)
    , m_links(links)
    , m_provider(provider)
    , m_accountId(accountId)
    , m_accountName(std::move(accountName))
{
}

Result<void> PullApplier::begin()
{
    auto links = m_links.links(m_accountId);
    if (!links)
        return std::unexpected(links.error());
    m_byContact = *links;
    m_byRemote.clear();
    for (const RemoteLink& link : std::as_const(m_byContact)) {
        if (!link.remoteId.isEmpty())
            m_byRemote.insert(link.remoteId, link.contactId);
    }
    return {};
}

Result<void> PullApplier::apply(const QList<RemoteRecord>& records, SyncReport::Counts& counts, const ErrorSink& sink)
{
    struct Pending
    {
        QString remoteId;
        qint64 linkedContact = 0;
        QString hashBefore;
    };
    std::vector<ContactPatch> patches;
    std::vector<Pending> pending;
    for (const RemoteRecord& record : records) {
        if (record.remoteId.isEmpty()) {
            ++counts.failed;
            sink(0, {}, Error {ErrorCode::ParseError, {}, QStringLiteral("a listed record has no id")});
            continue;
        }
        Pending p {record.remoteId, m_byRemote.value(record.remoteId), {}};
        ContactPatch patch = record.patch;
        if (p.linkedContact != 0) {
            const auto before = m_session.contacts().contact(p.linkedContact);
            if (!before) {
                // Deleted here since the last sync: issue 6 decides whether the deletion goes out; a pull
                // does not bring the contact back.
                ++counts.unchanged;
                continue;
            }
            p.hashBefore = SyncFingerprint::hash(m_provider, *before);
            patch.setContactId(p.linkedContact);
        }
        patches.push_back(std::move(patch));
        pending.push_back(std::move(p));
    }
    if (patches.empty())
        return {};
    if (m_operation == 0) {
        auto op = m_session.engine().beginOperation(
            {QStringLiteral("pull:") + m_accountName, QStringLiteral("Pull from %1").arg(m_accountName)});
        if (!op)
            return std::unexpected(op.error());
        m_operation = *op;
    }
    Database& db = m_session.database();
    if (auto ok = db.begin(); !ok)
        return ok;
    auto results = m_session.engine().upsertBatch(patches, pullPolicy(), m_operation);
    if (!results) {
        db.rollback();
        return std::unexpected(results.error());
    }
    QHash<qint64, RemoteLink> savedContacts;
    QHash<QString, qint64> savedRemotes;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const UpsertResult& result = (*results)[static_cast<qsizetype>(i)];
        const Pending& p = pending[i];
        if (result.status == UpsertResult::Status::Rejected) {
            ++counts.failed;
            sink(p.linkedContact, p.remoteId,
                 result.error.value_or(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("rejected")}));
            continue;
        }
        const RemoteLink old = savedContacts.value(result.contactId, m_byContact.value(result.contactId));
        if (!old.remoteId.isEmpty() && old.remoteId != p.remoteId) {
            ++counts.failed;
            sink(result.contactId, p.remoteId,
                 Error {ErrorCode::PossibleDuplicate,
                        {},
                        QStringLiteral("remote records %1 and %2 both match contact %3; kept the link to %1")
                            .arg(old.remoteId, p.remoteId)
                            .arg(result.contactId)});
            continue;
        }
        switch (result.status) {
        case UpsertResult::Status::Created:
            ++counts.created;
            break;
        case UpsertResult::Status::Updated:
            ++counts.updated;
            break;
        default:
            ++counts.unchanged;
            break;
        }
        RemoteLink link = old;
        link.contactId = result.contactId;
        link.accountId = m_accountId;
        link.remoteId = p.remoteId;
        link.syncedAt = QDateTime::currentDateTimeUtc();
        const bool inSync = p.linkedContact != 0 && !old.syncedHash.isEmpty() && old.syncedHash == p.hashBefore;
        if (result.status == UpsertResult::Status::Created || inSync) {
            if (const auto after = m_session.contacts().contact(result.contactId)) {
                link.syncedHash = SyncFingerprint::hash(m_provider, *after);
                link.snapshot = SyncFingerprint::snapshot(*after);
            }
        }
        if (auto ok = m_links.save(link); !ok) {
            ++counts.failed;
            sink(result.contactId, p.remoteId, ok.error());
            continue;
        }
        savedContacts.insert(link.contactId, link);
        savedRemotes.insert(link.remoteId, link.contactId);
    }
    if (auto ok = db.commit(); !ok)
        return ok;
    // Only what was committed joins the in-memory view.
    for (auto it = savedContacts.cbegin(); it != savedContacts.cend(); ++it)
        m_byContact.insert(it.key(), it.value());
    for (auto it = savedRemotes.cbegin(); it != savedRemotes.cend(); ++it)
        m_byRemote.insert(it.key(), it.value());
    return {};
}

} // namespace roster
