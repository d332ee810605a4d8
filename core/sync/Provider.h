#pragma once

#include "HttpRequestSpec.h"
#include "HttpResponse.h"
#include "ListQuery.h"
#include "ProviderOptions.h"
#include "ProviderProfile.h"
#include "RemoteExportReader.h"
#include "RemoteFieldDefinition.h"
#include "RemotePage.h"
#include "RemoteRecord.h"
#include "UpsertOutcome.h"
#include "contact/Contact.h"
#include "contact/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <initializer_list>
#include <memory>
#include <optional>

namespace roster {

// One CRM's contract as pure functions: from a contact to a request, from a reply to a typed result. No
// I/O, no clock, no credentials, so each adapter is tested on its contract's own examples and the sync
// job drives all four the same way.
//
// Every parse*Reply() takes the whole reply, error statuses included, and turns an error into an Error
// with the shared code and the CRM's code and message in its detail. Malformed replies give ParseError.
class Provider
{
public:
    explicit Provider(ProviderOptions options);
    virtual ~Provider();
    Provider(const Provider&) = delete;
    Provider& operator=(const Provider&) = delete;

    // "lemlist", "getsales", "grinfi", "highlevel", "monaco"; nullptr for any other name.
    static std::unique_ptr<Provider> create(const QString& name, ProviderOptions options = {});
    static QStringList names();
    // The adapter a provider name runs on: "getsales" for Grinfi (one API on two hosts), else the name.
    static QString family(const QString& name);

    virtual ProviderProfile profile() const = 0;
    QString name() const { return profile().name; }

    const ProviderOptions& options() const { return m_options; }
    void setCustomFields(QList<RemoteFieldDefinition> definitions) { m_options.customFields = std::move(definitions); }
    void setTagIds(QMap<QString, QString> tagIds) { m_options.tagIds = std::move(tagIds); }
    void addTagId(const QString& name, const QString& id) { m_options.tagIds.insert(name, id); }
    void setUnavailableTags(QMap<QString, QString> reasons) { m_options.unavailableTags = std::move(reasons); }

    // Whether the CRM can take this contact at all; MissingIdentifier with the reason when not, so the sync
    // job reports it as skipped instead of sending a request bound to fail.
    virtual Result<void> validateForPush(const Contact& contact) const = 0;

    // `remoteId` is the id an earlier push returned, when known: the request then updates that record by its
    // id where the contract has a route for it (lemlist `contactId`, HighLevel `PUT /contacts/{id}`, Monaco
    // `PATCH /v1/contacts/{id}`), so that a changed email cannot make the CRM match, or create, another
    // record; a record gone there answers ContactNotFound. Without one, the natural-key upsert (a create
    // when nothing matches). The reply of either is read by parseUpsertReply().
    virtual Result<HttpRequestSpec> upsertRequest(const Contact& contact, const QString& remoteId = {}) const = 0;
    virtual Result<UpsertOutcome> parseUpsertReply(const HttpResponse& response) const = 0;
    // Whether upsertRequest() with a remote id updates by that id (false: the key upsert either way).
    virtual bool updatesById() const { return false; }
    // Whether the CRM's upsert may match an existing record by its phone alone (HighLevel's "Allow Duplicate
    // Contact" setting). Phones are shared here (a switchboard, a household): a first push of a contact whose
    // phone another linked record has would overwrite that record instead of creating one.
    virtual bool upsertMatchesByPhone() const { return false; }
    // Fields the update by id cannot carry (HighLevel: companyName, gender): they reach the CRM on the
    // first push only, and a later change to them stays here, with a warning.
    virtual QList<Field> fieldsNotUpdatedById() const { return {}; }

    // Looking a contact up by its natural key, for a create whose reply was lost (timeout, dropped
    // connection, a server error): it may have been applied, and sending it again could create it twice.
    // UnsupportedByProvider where the contract has no such lookup; the caller then relies on the key
    // upsert matching what the lost request created. parseLookupReply() gives the record whose key is the
    // contact's, nullopt when there is none.
    virtual Result<HttpRequestSpec> lookupRequest(const Contact& contact) const;
    virtual Result<std::optional<RemoteRecord>> parseLookupReply(const Contact& contact,
                                                                 const HttpResponse& response) const;

    virtual Result<HttpRequestSpec> listRequest(const ListQuery& query) const = 0;
    virtual Result<RemotePage> parseListReply(const ListQuery& query, const HttpResponse& response) const = 0;

    // A whole-account export in one reply (lemlist's CSV), which a full scan of a large account reads
    // instead of its pages. exportThreshold(): the list's reported total above which a full scan asks for
    // it; -1 (the default) never. exportRequest() and openExport() are UnsupportedByProvider unless the
    // adapter has one. openExport() checks the reply before any record is read: a refusal (a 4xx, a reply
    // that is not the export, a header it cannot use) is its error, and the scan pages instead.
    virtual qint64 exportThreshold() const { return -1; }
    virtual Result<HttpRequestSpec> exportRequest() const;
    virtual Result<std::unique_ptr<RemoteExportReader>> openExport(const HttpResponse& response) const;

    virtual HttpRequestSpec getRequest(const QString& remoteId) const = 0;
    virtual Result<RemoteRecord> parseGetReply(const HttpResponse& response) const = 0;

    virtual HttpRequestSpec deleteRequest(const QString& remoteId) const = 0;
    virtual Result<void> parseDeleteReply(const HttpResponse& response) const;

    virtual Result<HttpRequestSpec> fieldDefinitionsRequest() const = 0;
    virtual Result<QList<RemoteFieldDefinition>> parseFieldDefinitionsReply(const HttpResponse& response) const = 0;

    // For CRMs that take tags as ids (Monaco): the request listing the account's tags and its reply as
    // name -> id, for setTagIds() before a push. UnsupportedByProvider where tags go by name, so the sync
    // job sends nothing extra for them.
    virtual Result<HttpRequestSpec> tagsRequest() const;
    virtual Result<QMap<QString, QString>> parseTagsReply(const HttpResponse& response) const;
    // Creating a tag the account lacks, for CRMs taking tags as ids, and the new tag's id from the reply.
    // InvalidArgument, without a request, for a name the CRM would refuse; UnsupportedByProvider where
    // tags go by name.
    virtual Result<HttpRequestSpec> createTagRequest(const QString& name) const;
    virtual Result<QString> parseCreateTagReply(const HttpResponse& response) const;

    // Any non-2xx reply as an Error.
    virtual Error parseError(const HttpResponse& response) const;

    // The fields a list or get reply always carries when the CRM has a value, so that a full record
    // without one means the CRM holds none (cleared there): design.md names, plus `custom.<key>` for each
    // custom field the CRM defined (when `withCustom`, i.e. the definitions were fetched). Lists are not in
    // it (they stay sets), nor are identity keys or fields the CRM does not reliably read back.
    QSet<QString> fieldsReadInFull(bool withCustom) const;

protected:
    // The scalar fields behind fieldsReadInFull(); none unless the adapter says so.
    virtual QList<Field> fieldsReadBack() const { return {}; }
    // The fields whose explicit null or empty value in a list or get row means "cleared on the CRM": those
    // the read replies carry (PROVIDERS.md §7); fieldsReadBack() unless the read schema lacks some.
    virtual QList<Field> fieldsClearedByRead() const { return fieldsReadBack(); }
    // An id as one path segment.
    static QString segment(const QString& id);
    // Puts the contact's value under `key` when it is not empty (empty means "leave the remote value").
    static void putText(QJsonObject& object, QLatin1String key, const Contact& contact, Field field);
    // Sets the field when the remote text is not empty.
    static void setText(ContactPatch& patch, Field field, const QString& text);
    // The custom value's wire key for adapters whose custom fields are named keys.
    QString remoteCustomKey(const QString& localKey) const;
    // The local key for a wire key, through the definitions; empty when unknown and not a valid local key.
    QString localCustomKey(const QString& remoteKey) const;
    // 2xx replies whose body is a JSON object; the error otherwise.
    Result<QJsonObject> successObject(const HttpResponse& response) const;
    // The records of a list reply: the body itself when it is an array, else the array under the first of
    // `keys` the body has, with the body in `root`. Gateways and some endpoints answer 200 with an error
    // body, and taking a reply without its array for an empty list would read as "everything deleted", so
    // both are errors whatever the status.
    Result<QJsonArray> listRows(const HttpResponse& response, std::initializer_list<QLatin1String> keys,
                                QJsonObject* root) const;
    // Among `records`, the one whose email (else LinkedIn URL) is the contact's; nullopt when none.
    static std::optional<RemoteRecord> recordWithKeyOf(const Contact& contact, const QList<RemoteRecord>& records);
    // Sets the field from `object[key]`: a value sets it; an explicit null or empty value in a key the row
    // carries clears it, for fieldsClearedByRead(); an absent key says nothing.
    void readText(ContactPatch& patch, Field field, const QJsonObject& object, QLatin1String key) const;

private:
    ProviderOptions m_options;
};

} // namespace roster
