#include "UpsertCommand.h"

#include "CommandSupport.h"
#include "store/UpsertPolicies.h"

#include <QJsonArray>
#include <QJsonObject>

namespace roster::cli {

namespace {

QStringList splitList(const QString& value)
{
    QStringList items;
    for (const QString& part : value.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            items << part.trimmed();
    }
    return items;
}

// field=value sets, field= clears, tags+=a,b, extra_emails+=x, extra_phones+="+33 6 12 34 56 78 (mobile)" and
// extra_websites+=URL append, id=N targets one contact.
bool applyAssignment(ContactPatch& patch, const QString& argument, QString* problem)
{
    const qsizetype eq = argument.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        *problem = QStringLiteral("'%1' is not field=value").arg(argument);
        return false;
    }
    QString name = argument.left(eq);
    const QString value = argument.mid(eq + 1);
    const bool append = name.endsWith(QLatin1Char('+'));
    if (append)
        name.chop(1);
    if (name == QLatin1String("id") || name == QLatin1String("company_id")) {
        bool ok = false;
        const qint64 id = value.toLongLong(&ok);
        if (!ok || id <= 0) {
            *problem = QStringLiteral("%1 must be a positive number, not '%2'").arg(name, value);
            return false;
        }
        name == QLatin1String("id") ? patch.setContactId(id) : patch.setCompanyId(id);
        return true;
    }
    if (name == FieldRegistry::tagsName()) {
        patch.setTags(splitList(value), append ? TagMode::Append : TagMode::Replace);
        return true;
    }
    if (name == FieldRegistry::extraEmailsName()) {
        patch.setExtraEmails(splitList(value), append ? TagMode::Append : TagMode::Replace);
        return true;
    }
    if (name == FieldRegistry::extraPhonesName()) {
        patch.setExtraPhones(PhoneTypes::fromText(value), append ? TagMode::Append : TagMode::Replace);
        return true;
    }
    if (name == FieldRegistry::extraWebsitesName()) {
        patch.setExtraWebsites(ContactPatch::splitUrls(value), append ? TagMode::Append : TagMode::Replace);
        return true;
    }
    if (append) {
        *problem = QStringLiteral("'+=' works for tags, extra_emails, extra_phones and extra_websites only, not %1")
                       .arg(name);
        return false;
    }
    if (const auto field = FieldRegistry::fromName(name)) {
        value.isEmpty() ? patch.clear(*field) : patch.set(*field, value);
        return true;
    }
    if (name.startsWith(FieldRegistry::customPrefix())) {
        const QString key = name.mid(FieldRegistry::customPrefix().size());
        if (FieldRegistry::isValidCustomKey(key)) {
            value.isEmpty() ? patch.clearCustom(key) : patch.setCustom(key, value);
            return true;
        }
    }
    *problem = QStringLiteral("unknown field '%1' (fields: %2, custom.<key>)")
                   .arg(name, FieldRegistry::names().join(QStringLiteral(", ")));
    return false;
}

QJsonObject errorJson(const Error& error)
{
    QJsonObject object {{QStringLiteral("code"), errorCodeName(error.code)}, {QStringLiteral("message"), error.detail}};
    if (!error.field.isEmpty())
        object.insert(QStringLiteral("field"), error.field);
    return object;
}

QJsonObject resultJson(const UpsertResult& result)
{
    QJsonObject object {{QStringLiteral("status"), UpsertResult::statusName(result.status)}};
    if (result.contactId > 0)
        object.insert(QStringLiteral("contact_id"), result.contactId);
    object.insert(QStringLiteral("changed_fields"), QJsonArray::fromStringList(result.changedFields));
    QJsonArray warnings;
    for (const UpsertWarning& warning : result.warnings) {
        QJsonObject w {{QStringLiteral("code"), errorCodeName(warning.code)},
                       {QStringLiteral("field"), warning.field},
                       {QStringLiteral("message"), warning.detail}};
        if (warning.otherContactId > 0)
            w.insert(QStringLiteral("other_contact_id"), warning.otherContactId);
        warnings.append(w);
    }
    object.insert(QStringLiteral("warnings"), warnings);
    if (result.error)
        object.insert(QStringLiteral("error"), errorJson(*result.error));
    return object;
}

} // namespace

int runUpsert(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("policy"),
                      QStringLiteral("Match and merge rules: %1 (default local).")
                          .arg(UpsertPolicies::names().join(QStringLiteral(", "))),
                      QStringLiteral("name"), QStringLiteral("local")});
    parser.addOption({QStringLiteral("create-only"),
                      QStringLiteral("Only create: refuse (IdentifierTaken) when another contact has the email, phone "
                                     "or LinkedIn URL given, instead of updating that contact.")});
    parser.addPositionalArgument(
        QStringLiteral("field=value"),
        QStringLiteral("Fields to set; field= clears; tags+=x appends; id=N targets a contact."),
        QStringLiteral("field=value..."));
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Upsert one contact through the engine and print the result as JSON."),
               &exitCode))
        return exitCode;
    auto policy = UpsertPolicies::byName(parser.value(QStringLiteral("policy")));
    if (!policy)
        return printError(
            QStringLiteral("unknown policy '%1' (policies: %2)")
                .arg(parser.value(QStringLiteral("policy")), UpsertPolicies::names().join(QStringLiteral(", "))),
            Usage);
    policy->createOnly = parser.isSet(QStringLiteral("create-only"));
    ContactPatch patch;
    for (const QString& argument : parser.positionalArguments()) {
        QString problem;
        if (!applyAssignment(patch, argument, &problem))
            return printError(problem, Usage);
    }
    if (patch.isEmpty() && !patch.contactId())
        return printError(QStringLiteral("nothing to upsert: give field=value arguments"), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    auto result = (*session)->engine().upsert(
        patch, *policy, {QStringLiteral("manual"), QStringLiteral("Upsert from the command line")});
    if (!result)
        return printError(result.error());
    printJson(QJsonDocument(resultJson(*result)));
    if (result->status == UpsertResult::Status::Rejected)
        return printError(result->error->detail);
    return Ok;
}

} // namespace roster::cli
