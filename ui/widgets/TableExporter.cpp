#include "TableExporter.h"

#include "io/ContactCsvRow.h"
#include "io/CsvWriter.h"
#include "io/VcardWriter.h"
#include "store/StoreSession.h"

#include <QFileInfo>
#include <QSaveFile>

namespace roster {

Result<qint64> TableExporter::exportTo(StoreSession& session, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::FileUnreadable, file.errorString());
    qint64 written = 0;
    Result<void> ok;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("vcf") || suffix == QLatin1String("vcard")) {
        VcardWriter writer(&file);
        ok = session.contacts().forEach([&](const Contact& contact) {
            writer.write(contact);
            ++written;
            return !writer.hasError();
        });
    } else {
        QStringList custom;
        for (const CustomFieldDefinition& definition : session.engine().customFields().all())
            custom << definition.key;
        CsvWriter writer(&file);
        writer.writeRow(ContactCsvRow::header(custom));
        ok = session.contacts().forEach([&](const Contact& contact) {
            writer.writeRow(ContactCsvRow::row(contact, custom));
            ++written;
            return !writer.hasError();
        });
    }
    if (!ok)
        return std::unexpected(ok.error());
    if (!file.commit())
        return fail(ErrorCode::FileUnreadable, file.errorString());
    return written;
}

} // namespace roster
