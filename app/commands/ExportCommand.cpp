#include "ExportCommand.h"

#include "CommandSupport.h"
#include "contact/ContactJson.h"
#include "io/ContactCsvRow.h"
#include "io/CsvWriter.h"
#include "io/VcardWriter.h"
#include "store/ContactQuery.h"

#include <QFile>
#include <QSaveFile>

namespace roster::cli {

namespace {

using Visit = std::function<bool(const Contact&)>;
// Calls a visitor with each contact to export, in id order, until it returns false.
using ForEach = std::function<Result<void>(const Visit&)>;

Result<ForEach> contactsToExport(StoreSession& session, const QString& search)
{
    if (search.trimmed().isEmpty())
        return ForEach([&session](const Visit& visit) { return session.contacts().forEach(visit); });
    auto created = ContactQuery::create(session.database());
    if (!created)
        return std::unexpected(created.error());
    std::shared_ptr<ContactQuery> query = std::move(*created);
    // The contacts the window's search box finds for the same words, in creation order, a page at a time.
    return ForEach([&session, query, search](const Visit& visit) -> Result<void> {
        ContactFilter filter;
        filter.search = search;
        std::optional<RowKey> after;
        for (;;) {
            auto page = query->rowsAfter(filter, ContactOrder {}, after, 500);
            if (!page)
                return std::unexpected(page.error());
            if (page->contacts.isEmpty())
                return {};
            for (const Contact& found : page->contacts) {
                const auto contact = session.contacts().contact(found.id);
                if (contact && !visit(*contact))
                    return {};
            }
            after = page->keys.constLast();
        }
    });
}

QStringList customKeys(const QVector<CustomFieldDefinition>& custom)
{
    QStringList keys;
    for (const CustomFieldDefinition& def : custom)
        keys << def.key;
    return keys;
}

Result<void> writeJson(const ForEach& forEach, QIODevice& out)
{
    out.write("[");
    bool first = true;
    auto ok = forEach([&](const Contact& contact) {
        out.write(first ? "\n" : ",\n");
        first = false;
        out.write(QJsonDocument(ContactJson::toJson(contact)).toJson(QJsonDocument::Compact));
        return true;
    });
    out.write(first ? "]\n" : "\n]\n");
    return ok;
}

Result<void> writeCsv(StoreSession& session, const ForEach& forEach, QIODevice& out)
{
    const QStringList custom = customKeys(session.engine().customFields().all());
    CsvWriter writer(&out);
    writer.writeRow(ContactCsvRow::header(custom));
    return forEach([&](const Contact& contact) {
        writer.writeRow(ContactCsvRow::row(contact, custom));
        return !writer.hasError();
    });
}

Result<void> writeVcard(const ForEach& forEach, QIODevice& out, VcardWriter::Version version)
{
    VcardWriter writer(&out, version);
    return forEach([&](const Contact& contact) {
        writer.write(contact);
        return !writer.hasError();
    });
}

} // namespace

int runExport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("format"), QStringLiteral("json, csv or vcard (default json)."),
                      QStringLiteral("format"), QStringLiteral("json")});
    parser.addOption({QStringLiteral("vcard-version"), QStringLiteral("3.0 or 4.0 (default 3.0)."),
                      QStringLiteral("version"), QStringLiteral("3.0")});
    parser.addOption({QStringLiteral("output"), QStringLiteral("Write to this file instead of standard output."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("search"),
                      QStringLiteral("Export only the contacts these words find, as the window's search box does."),
                      QStringLiteral("words")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Export every contact, or those a search finds."), &exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv") && format != QLatin1String("vcard"))
        return printError(QStringLiteral("unknown format '%1' (formats: json, csv, vcard)").arg(format), Usage);
    const QString vcardVersion = parser.value(QStringLiteral("vcard-version"));
    if (vcardVersion != QLatin1String("3.0") && vcardVersion != QLatin1String("4.0"))
        return printError(QStringLiteral("unknown vCard version '%1' (3.0 or 4.0)").arg(vcardVersion), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    const auto forEach = contactsToExport(**session, parser.value(QStringLiteral("search")));
    if (!forEach)
        return printError(forEach.error());

    // A file is written whole or not at all: QSaveFile only replaces the target on commit.
    const QString output = parser.value(QStringLiteral("output"));
    std::unique_ptr<QIODevice> device;
    if (output.isEmpty()) {
        auto file = std::make_unique<QFile>();
        if (!file->open(stdout, QIODevice::WriteOnly))
            return printError(QStringLiteral("cannot write to standard output"));
        device = std::move(file);
    } else {
        // Replacing the database (or its -wal) with an export would pull the file out from under every
        // connection to it.
        if (Database::isDatabaseFile((*session)->database().path(), output))
            return printError(
                Error {ErrorCode::OwnDatabaseFile, QStringLiteral("--output"),
                       QStringLiteral("%1 is Roster's own database: choose another file to export to").arg(output)});
        auto file = std::make_unique<QSaveFile>(output);
        if (!file->open(QIODevice::WriteOnly))
            return printError(QStringLiteral("cannot write %1: %2").arg(output, file->errorString()));
        device = std::move(file);
    }
    const auto ok = format == QLatin1String("json") ? writeJson(*forEach, *device)
        : format == QLatin1String("csv")
        ? writeCsv(**session, *forEach, *device)
        : writeVcard(*forEach, *device,
                     vcardVersion == QLatin1String("4.0") ? VcardWriter::Version::V40 : VcardWriter::Version::V30);
    if (!ok)
        return printError(ok.error());
    if (auto* saveFile = qobject_cast<QSaveFile*>(device.get()); saveFile && !saveFile->commit())
        return printError(QStringLiteral("cannot write %1: %2").arg(output, saveFile->errorString()));
    return Ok;
}

} // namespace roster::cli
