#include "ImportCommand.h"

#include "CommandSupport.h"
#include "io/RejectedRowsWriter.h"
#include "store/ImportJob.h"
#include "store/StoreSession.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

namespace roster::cli {

namespace {

QJsonObject issueJson(const ImportIssue& issue)
{
    return {{QStringLiteral("row"), issue.line},
            {QStringLiteral("field"), issue.field},
            {QStringLiteral("code"), errorCodeName(issue.code)},
            {QStringLiteral("message"), issue.message}};
}

// `value` as QJsonDocument::toJson(Indented) writes it `depth` levels down (1: a value of the top object), without
// the indentation of its first line: the middle of the document [[...value]].
QByteArray indentedJson(const QJsonValue& value, int depth)
{
    QJsonValue nested = value;
    for (int level = 1; level < depth; ++level)
        nested = QJsonArray {nested};
    const QList<QByteArray> lines = QJsonDocument(QJsonArray {nested}).toJson(QJsonDocument::Indented).split('\n');
    // The last line is the empty one after the final newline.
    return lines.sliced(depth, lines.size() - 2 * depth - 1).join('\n').trimmed();
}

void print(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void printIssues(const ImportIssues& issues)
{
    if (issues.isEmpty()) {
        print(indentedJson(QJsonArray(), 1));
        return;
    }
    print("[\n");
    for (qsizetype i = 0; i < issues.size(); ++i)
        print("        " + indentedJson(issueJson(issues.at(i)), 2) + (i + 1 < issues.size() ? ",\n" : "\n"));
    print("    ]");
}

// Prints one array of the report, at its place among the keys.
using ArrayPrinter = std::function<void()>;

// The report as QJsonDocument::toJson(Indented) would write it with `arrays` added, these printed element by
// element: a million-row file can warn on most of its rows (or, in a dry run, report each row), and a QJsonArray
// of them all would take more memory than the import.
void printReport(const QJsonObject& report, const QMap<QString, ArrayPrinter>& arrays)
{
    QStringList keys = report.keys() + arrays.keys();
    std::sort(keys.begin(), keys.end());
    print("{\n");
    for (qsizetype k = 0; k < keys.size(); ++k) {
        print("    " + indentedJson(keys.at(k), 1) + ": ");
        if (const auto array = arrays.constFind(keys.at(k)); array != arrays.cend())
            (*array)();
        else
            print(indentedJson(report.value(keys.at(k)), 1));
        print(k + 1 < keys.size() ? ",\n" : "\n");
    }
    print("}\n");
    std::fflush(stdout);
}

// A dry run's rows as they come, kept in a temporary file (in memory when none can be made) until the report
// is printed around them.
class SpooledArray
{
public:
    SpooledArray()
    {
        auto file = std::make_unique<QTemporaryFile>();
        if (file->open()) {
            m_device = std::move(file);
        } else {
            m_device = std::make_unique<QBuffer>();
            m_device->open(QIODevice::ReadWrite);
        }
    }

    void append(const QJsonObject& element)
    {
        m_device->write((m_count++ > 0 ? ",\n        " : "        ") + indentedJson(element, 2));
    }

    void print() const
    {
        if (m_count == 0) {
            cli::print(indentedJson(QJsonArray(), 1));
            return;
        }
        cli::print("[\n");
        m_device->seek(0);
        while (!m_device->atEnd())
            cli::print(m_device->read(1 << 20));
        cli::print("\n    ]");
    }

private:
    std::unique_ptr<QIODevice> m_device;
    qint64 m_count = 0;
};

QJsonObject outcomeJson(const ImportRowOutcome& outcome)
{
    QJsonObject row {{QStringLiteral("row"), outcome.line},
                     {QStringLiteral("status"), UpsertResult::statusName(outcome.result.status)}};
    if (outcome.result.contactId > 0)
        row.insert(QStringLiteral("contact_id"), outcome.result.contactId);
    if (outcome.result.status == UpsertResult::Status::Created)
        row.insert(QStringLiteral("fields"), QJsonArray::fromStringList(outcome.result.changedFields));
    QJsonArray changes;
    for (const FieldChange& change : outcome.result.changes)
        changes.append(QJsonObject {{QStringLiteral("field"), change.field},
                                    {QStringLiteral("before"), change.before},
                                    {QStringLiteral("after"), change.after}});
    if (!changes.isEmpty())
        row.insert(QStringLiteral("changes"), changes);
    if (outcome.result.error)
        row.insert(QStringLiteral("error"),
                   QJsonObject {{QStringLiteral("code"), errorCodeName(outcome.result.error->code)},
                                {QStringLiteral("field"), outcome.result.error->field},
                                {QStringLiteral("message"), outcome.result.error->detail}});
    return row;
}

QString outcomeLine(const ImportRowOutcome& outcome)
{
    const UpsertResult& r = outcome.result;
    QString text = QStringLiteral("line %1: ").arg(outcome.line);
    switch (r.status) {
    case UpsertResult::Status::Created:
        return text + QStringLiteral("would create a contact (%1)").arg(r.changedFields.join(QStringLiteral(", ")));
    case UpsertResult::Status::Unchanged:
        return text + QStringLiteral("unchanged (contact %1)").arg(r.contactId);
    case UpsertResult::Status::Rejected:
        return text + QStringLiteral("rejected: %1").arg(r.error->toString());
    case UpsertResult::Status::Updated:
        break;
    }
    QStringList changes;
    for (const FieldChange& c : r.changes)
        changes << QStringLiteral("%1 '%2' -> '%3'").arg(c.field, c.before, c.after);
    return text
        + QStringLiteral("would update contact %1: %2").arg(r.contactId).arg(changes.join(QStringLiteral("; ")));
}

// The rejected rows as the file had them, plus the reason (HubSpot's error file): `FILE` to fix and import again.
Result<qint64> writeRejected(StoreSession& session, const ImportPlan& plan, const ImportSummary& summary,
                             const QString& path)
{
    if (Database::isDatabaseFile(session.database().path(), path))
        return fail(ErrorCode::OwnDatabaseFile,
                    QStringLiteral("%1 is Roster's own database: the rejected rows go to another file").arg(path));
    RejectedRowsWriter::Rows rows;
    const QList<qsizetype> first = summary.errors.firstOfEachLine();
    for (const qsizetype i : first)
        rows.lines << summary.errors.line(i);
    rows.reason = [&](qsizetype index) {
        const ImportIssue issue = summary.errors.at(first.at(index));
        QString reason = errorCodeName(issue.code);
        reason += QStringLiteral(": ");
        reason += issue.message;
        return reason;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    auto written = RejectedRowsWriter::write(plan, rows, &file);
    if (written && !file.commit())
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

} // namespace

int runImport(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A CSV or vCard file."));
    parser.addOption(
        {QStringLiteral("map"),
         QStringLiteral("Send a column to a field: HEADER=field, HEADER=custom.key, or HEADER= to leave it "
                        "out. Repeatable; remembered for files with the same header."),
         QStringLiteral("HEADER=field")});
    parser.addOption({QStringLiteral("policy"), QStringLiteral("Match and merge rules (default local)."),
                      QStringLiteral("name"), QStringLiteral("local")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Write nothing; say per row what would happen.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON.")});
    parser.addOption({QStringLiteral("encoding"), QStringLiteral("Force the file's encoding (default: detect)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("batch-size"),
                      QStringLiteral("Rows per transaction (default 50000). A failed or killed import keeps whole "
                                     "batches only."),
                      QStringLiteral("rows"), QStringLiteral("50000")});
    parser.addOption({QStringLiteral("rejected"),
                      QStringLiteral("Write the rejected rows, as they were in the file, with a column saying why, to "
                                     "FILE (a vCard file for a vCard)."),
                      QStringLiteral("FILE")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Import contacts from a CSV or vCard file."), &exitCode))
        return exitCode;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return printError(QStringLiteral("import takes one file"), Usage);
    ImportOptions options;
    options.path = files.first();
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.encoding = parser.value(QStringLiteral("encoding")).toLatin1();
    bool batchOk = false;
    options.batchSize = parser.value(QStringLiteral("batch-size")).toInt(&batchOk);
    if (!batchOk || options.batchSize < 1)
        return printError(QStringLiteral("--batch-size takes a positive number"), Usage);
    const auto policy = UpsertPolicies::byName(parser.value(QStringLiteral("policy")));
    if (!policy)
        return printError(QStringLiteral("unknown policy '%1'").arg(parser.value(QStringLiteral("policy"))), Usage);
    options.policy = *policy;
    for (const QString& map : parser.values(QStringLiteral("map"))) {
        const qsizetype eq = map.lastIndexOf(QLatin1Char('='));
        if (eq <= 0)
            return printError(QStringLiteral("--map takes HEADER=field, not '%1'").arg(map), Usage);
        options.mapping.insert(map.left(eq), map.mid(eq + 1));
    }
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());

    // Read once: the job reads the file exactly as this plan says, and so does --rejected.
    auto plan = ImportJob::plan(**session, options.path, options.encoding, options.mapping);
    if (!plan)
        return printError(plan.error());
    options.plan = *plan;

    const bool json = parser.isSet(QStringLiteral("json"));
    ImportJob job(**session, options);
    std::optional<SpooledArray> dryRows;
    if (options.dryRun && json)
        dryRows.emplace();
    if (options.dryRun) {
        job.setRowSink([&](const ImportRowOutcome& outcome) {
            if (json)
                dryRows->append(outcomeJson(outcome));
            else
                printLine(outcomeLine(outcome));
        });
    }
    auto summary = job.run();
    if (!summary)
        return printError(summary.error());
    const QString rejectedPath = parser.value(QStringLiteral("rejected"));
    std::optional<qint64> rejectedWritten;
    if (!rejectedPath.isEmpty()) {
        auto written = writeRejected(**session, *plan, *summary, rejectedPath);
        if (!written)
            return printError(written.error());
        rejectedWritten = *written;
    }
    if (json) {
        QJsonObject report {{QStringLiteral("rows"), summary->rows},
                            {QStringLiteral("created"), summary->created},
                            {QStringLiteral("updated"), summary->updated},
                            {QStringLiteral("unchanged"), summary->unchanged},
                            {QStringLiteral("merged"), summary->merged},
                            {QStringLiteral("rejected"), summary->rejected},
                            {QStringLiteral("format"), summary->format},
                            {QStringLiteral("encoding"), QString::fromLatin1(summary->encoding)},
                            {QStringLiteral("dry_run"), summary->dryRun},
                            {QStringLiteral("cancelled"), summary->cancelled},
                            {QStringLiteral("incomplete"), summary->incomplete}};
        if (summary->cancelled || summary->incomplete)
            report.insert(QStringLiteral("stopped_at_line"), summary->stoppedAtLine);
        if (summary->incomplete)
            report.insert(QStringLiteral("write_failed"), summary->writeError.has_value());
        if (summary->writeError)
            report.insert(QStringLiteral("write_error"),
                          QJsonObject {{QStringLiteral("code"), errorCodeName(summary->writeError->code)},
                                       {QStringLiteral("message"), summary->writeError->detail}});
        if (summary->indexesPending)
            report.insert(QStringLiteral("indexes_error"),
                          QJsonObject {{QStringLiteral("code"), errorCodeName(summary->indexesPending->code)},
                                       {QStringLiteral("message"), summary->indexesPending->detail}});
        if (summary->format == QLatin1String("csv")) {
            report.insert(QStringLiteral("delimiter"), QString(summary->delimiter));
            QJsonObject mapping;
            for (qsizetype i = 0; i < summary->header.size(); ++i)
                mapping.insert(summary->header.at(i), summary->mapping.value(i));
            report.insert(QStringLiteral("mapping"), mapping);
            report.insert(QStringLiteral("unmapped"), QJsonArray::fromStringList(summary->unmapped));
        }
        if (!summary->dryRun)
            report.insert(QStringLiteral("operation_id"), summary->operationId);
        if (rejectedWritten)
            report.insert(QStringLiteral("rejected_file"), rejectedPath);
        QMap<QString, ArrayPrinter> arrays {{QStringLiteral("errors"), [&] { printIssues(summary->errors); }},
                                            {QStringLiteral("warnings"), [&] { printIssues(summary->warnings); }}};
        if (summary->dryRun)
            arrays.insert(QStringLiteral("dry_run_rows"), [&] { dryRows->print(); });
        printReport(report, arrays);
        return summary->incomplete || summary->indexesPending ? Failed : Ok;
    }
    printLine(QStringLiteral("%1%2 rows: %3 created, %4 updated, %5 unchanged, %6 rejected%7")
                  .arg(summary->dryRun ? QStringLiteral("Dry run, nothing written. ") : QString())
                  .arg(summary->rows)
                  .arg(summary->created)
                  .arg(summary->updated)
                  .arg(summary->unchanged)
                  .arg(summary->rejected)
                  .arg(summary->merged > 0 ? QStringLiteral(", %1 merged into an earlier row").arg(summary->merged)
                                           : QString()));
    for (const ImportIssue& issue : summary->errors)
        printLine(QStringLiteral("line %1: %2%3: %4")
                      .arg(issue.line)
                      .arg(errorCodeName(issue.code),
                           issue.field.isEmpty() ? QString() : QStringLiteral(" (") + issue.field + QLatin1Char(')'),
                           issue.message));
    // Rows of the file that share a key but not a name were merged into one contact: the user should look.
    for (const ImportIssue& issue : summary->warnings) {
        if (issue.code == ErrorCode::PossibleDuplicate)
            printLine(QStringLiteral("line %1: PossibleDuplicate: %2").arg(issue.line).arg(issue.message));
    }
    if (rejectedWritten)
        printLine(QStringLiteral("%1 rejected row(s) written to %2").arg(*rejectedWritten).arg(rejectedPath));
    if (!summary->unmapped.isEmpty()) {
        // A column without a header is named by its place: an empty name in a list says nothing.
        QStringList names;
        for (qsizetype i = 0; i < summary->header.size(); ++i) {
            if (!summary->mapping.value(i).isEmpty())
                continue;
            names << (summary->header.at(i).trimmed().isEmpty() ? QStringLiteral("column %1 (no header)").arg(i + 1)
                                                                : summary->header.at(i));
        }
        printLine(
            QStringLiteral("Columns not imported: %1 (use --map HEADER=field or HEADER=custom.key; #N=field for the "
                           "N-th column)")
                .arg(names.join(QStringLiteral(", "))));
    }
    const QString file = parser.positionalArguments().first();
    if (summary->writeError) {
        const QString retry = summary->writeError->code == ErrorCode::DiskFull
            ? QStringLiteral("free some space, then import the same file again")
            : QStringLiteral("import the same file again");
        if (summary->rows == 0)
            return printError(
                QStringLiteral("nothing of %1 was imported: %2; %3").arg(file, summary->writeError->detail, retry));
        return printError(QStringLiteral("%1 was imported only up to line %2: %3. The rows before line %4 are saved "
                                         "(roster undo removes them); %5 to add the rest")
                              .arg(file)
                              .arg(summary->stoppedAtLine - 1)
                              .arg(summary->writeError->detail)
                              .arg(summary->stoppedAtLine)
                              .arg(retry));
    }
    if (summary->incomplete)
        return printError(QStringLiteral("%1 was read only up to line %2: %3")
                              .arg(file)
                              .arg(summary->stoppedAtLine - 1)
                              .arg(summary->errors.constLast().message));
    if (summary->indexesPending)
        return printError(QStringLiteral("every row is saved, but the indexes could not be built: %1. Roster builds "
                                         "them again when it next opens %2")
                              .arg(summary->indexesPending->detail, (**session).database().path()));
    return Ok;
}

} // namespace roster::cli
