#include "ImportDialog.h"

#include "ImportRunner.h"
#include "UndoRunner.h"
#include "io/ColumnMapper.h"
#include "io/CsvReader.h"
#include "io/HeaderMatcher.h"
#include "io/ImportPlanner.h"
#include "io/RejectedRowsWriter.h"
#include "models/FieldLabels.h"
#include "models/ImportChangesModel.h"
#include "models/ImportPreviewModel.h"
#include "store/StoreSession.h"
#include "widgets/FieldValidator.h"
#include "widgets/FileDialogs.h"
#include "widgets/ImportIssueTree.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace roster {

namespace {
constexpr int kPreviewRows = 20;
}

ImportDialog::ImportDialog(StoreSession& session, QString path, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_path(std::move(path))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import %1").arg(QFileInfo(m_path).fileName()));
    // Decided once, here; the job reads the file as this plan says.
    if (auto plan = ImportJob::plan(m_session, m_path))
        m_plan = std::move(*plan);
    else
        m_planError = FieldValidator::errorText(plan.error().code) + QLatin1Char(' ') + plan.error().detail;
    m_isVcard = m_plan && !m_plan->isCsv();
    m_pages = new QStackedWidget(this);
    buildPreviewPage();
    buildRunningPage();
    buildReportPage();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    readPreview();
    resize(960, 680);
}

ImportDialog::~ImportDialog() = default;

ImportDialog::Page ImportDialog::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void ImportDialog::buildPreviewPage()
{
    auto* page = new QWidget(m_pages);
    m_detected = new QLabel(page);
    m_detected->setObjectName(QStringLiteral("detectedFormat"));
    m_detected->setWordWrap(true);
    m_preview = new ImportPreviewModel(this);
    m_previewTable = new QTableView(page);
    m_previewTable->setObjectName(QStringLiteral("importPreview"));
    m_previewTable->setModel(m_preview);
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->horizontalHeader()->setDefaultSectionSize(140);
    m_previewTable->verticalHeader()->setDefaultSectionSize(m_previewTable->fontMetrics().height() + 6);
    m_dryRunSummary = new QLabel(page);
    m_dryRunSummary->setObjectName(QStringLiteral("dryRunSummary"));
    m_dryRunSummary->setWordWrap(true);
    m_changes = new ImportChangesModel(this);
    m_changes->setNameLookup([this](qint64 id) {
        const auto contact = m_session.contacts().contact(id);
        return contact ? contact->displayName() : QString();
    });
    m_changesView = new QTableView(page);
    m_changesView->setObjectName(QStringLiteral("dryRunChanges"));
    m_changesView->setModel(m_changes);
    m_changesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changesView->setWordWrap(false);
    m_changesView->verticalHeader()->hide();
    m_changesView->verticalHeader()->setDefaultSectionSize(m_changesView->fontMetrics().height() + 6);
    m_changesView->horizontalHeader()->setStretchLastSection(true);
    m_changesView->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_dryRunButton = buttons->addButton(tr("&Check First"), QDialogButtonBox::ActionRole);
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setToolTip(tr("Reads the whole file and says what the import would do, without writing."));
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("startImportButton"));
    m_importButton->setDefault(true);
    connect(m_dryRunButton, &QPushButton::clicked, this, &ImportDialog::startDryRun);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_detected);
    layout->addWidget(new QLabel(tr("First rows:"), page));
    layout->addWidget(m_previewTable, 2);
    if (!m_isVcard) {
        auto* mappingTitle = new QLabel(tr("Where each column goes:"), page);
        layout->addWidget(mappingTitle);
        auto* scroll = new QScrollArea(page);
        scroll->setObjectName(QStringLiteral("mappingArea"));
        scroll->setWidgetResizable(true);
        auto* content = new QWidget(scroll);
        content->setObjectName(QStringLiteral("mappingForm"));
        new QFormLayout(content);
        scroll->setWidget(content);
        layout->addWidget(scroll, 2);
    }
    layout->addWidget(m_dryRunSummary);
    layout->addWidget(m_changesView, 3);
    layout->addWidget(buttons);
    m_pages->addWidget(page);
}

void ImportDialog::buildRunningPage()
{
    auto* page = new QWidget(m_pages);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progressText = new QLabel(page);
    m_progressText->setObjectName(QStringLiteral("importProgressText"));
    auto* cancel = new QPushButton(tr("&Cancel"), page);
    cancel->setObjectName(QStringLiteral("cancelImportButton"));
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->cancel();
        m_progressText->setText(tr("Stopping after the current batch…"));
    });
    // A large import takes a minute: the window stays usable for reading meanwhile, and says that it runs.
    auto* background = new QPushButton(tr("Keep &Browsing"), page);
    background->setObjectName(QStringLiteral("backgroundImportButton"));
    background->setToolTip(tr("Hides this window while the import runs on; it comes back with the report."));
    connect(background, &QPushButton::clicked, this, [this] {
        if (!m_runner)
            return;
        m_inBackground = true;
        hide();
        emit sentToBackground();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(background);
    buttons->addWidget(cancel);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    layout->addStretch();
    m_pages->addWidget(page);
}

void ImportDialog::buildReportPage()
{
    auto* page = new QWidget(m_pages);
    m_reportText = new QLabel(page);
    m_reportText->setObjectName(QStringLiteral("importReport"));
    m_reportText->setWordWrap(true);
    m_issues = new ImportIssueTree(page);
    m_issues->setObjectName(QStringLiteral("importIssues"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    m_saveRejectedButton = buttons->addButton(tr("&Save Rejected Rows…"), QDialogButtonBox::ActionRole);
    m_saveRejectedButton->setObjectName(QStringLiteral("saveRejectedButton"));
    m_undoButton = buttons->addButton(tr("&Undo This Import"), QDialogButtonBox::ActionRole);
    m_undoButton->setObjectName(QStringLiteral("undoImportButton"));
    connect(m_saveRejectedButton, &QPushButton::clicked, this, [this] {
        const bool vcard = m_plan && !m_plan->isCsv();
        const QString path = FileDialogs::saveFile(
            this, tr("Save rejected rows"), vcard ? QStringLiteral("rejected.vcf") : QStringLiteral("rejected.csv"),
            vcard ? tr("vCard files (*.vcf)") : tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !saveRejected(path))
            QMessageBox::warning(this, tr("Save rejected rows"),
                                 Database::isDatabaseFile(m_session.database().path(), path)
                                     ? FieldValidator::errorText(ErrorCode::OwnDatabaseFile)
                                     : tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_undoButton, &QPushButton::clicked, this, &ImportDialog::undoImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_reportText);
    layout->addWidget(m_issues, 1);
    layout->addWidget(buttons);
    m_pages->addWidget(page);
}

QString ImportDialog::targetLabel(const QString& target) const
{
    if (target.isEmpty())
        return tr("(leave out)");
    if (target == QLatin1String("full_name"))
        return tr("Full name");
    if (target == FieldRegistry::extraEmailsName())
        return FieldLabels::extraEmails();
    if (target == FieldRegistry::extraPhonesName())
        return FieldLabels::extraPhones();
    if (target == FieldRegistry::extraWebsitesName())
        return FieldLabels::extraWebsites();
    if (const auto type = HeaderMatcher::phoneTargetType(target); type && *type != PhoneType::None)
        return tr("Phone (%1)").arg(FieldLabels::phoneType(*type));
    if (target == FieldRegistry::tagsName())
        return FieldLabels::tags();
    if (target.startsWith(FieldRegistry::customPrefix()))
        return tr("Custom: %1").arg(target.mid(FieldRegistry::customPrefix().size()));
    if (const auto field = FieldRegistry::fromName(target))
        return FieldLabels::label(*field);
    return target;
}

void ImportDialog::readPreview()
{
    const QString name = QDir::toNativeSeparators(m_path);
    const auto unreadable = [&](const QString& why) {
        m_detected->setText(tr("Cannot read %1: %2").arg(name, why));
        m_importButton->setEnabled(false);
        m_dryRunButton->setEnabled(false);
    };
    if (!m_plan)
        return unreadable(m_planError);
    if (m_isVcard) {
        m_detected->setText(tr("vCard file %1 — encoding %2. Each card becomes a contact; no columns to map.")
                                .arg(name, QString::fromLatin1(m_plan->encoding)));
        return;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(file.errorString());
    CsvReader reader(&file);
    if (auto ok = ImportPlanner::open(*m_plan, reader); !ok)
        return unreadable(ok.error().detail);
    QVector<QStringList> rows;
    CsvRecord record;
    while (rows.size() < kPreviewRows) {
        auto more = reader.readRecord(record);
        if (!more || !*more)
            break;
        rows << record.toStringList();
    }
    m_header = m_plan->header;
    const QChar delimiter = m_plan->delimiter;
    const QString delimiterName = delimiter == QLatin1Char('\t') ? tr("tab")
        : delimiter == QLatin1Char(',')                          ? tr("comma")
        : delimiter == QLatin1Char(';')                          ? tr("semicolon")
                                                                 : QString(delimiter);
    m_detected->setText(
        tr("CSV file %1 — encoding %2, delimiter %3, %Ln column(s).", nullptr, static_cast<int>(m_header.size()))
            .arg(name, QString::fromLatin1(m_plan->encoding), delimiterName));
    m_preview->setContents(m_header, rows);

    // The plan's mapping: the one remembered for this header, else the suggested one.
    m_suggested = m_plan->mapping.targets();

    QStringList targets {QString()};
    targets += FieldRegistry::names();
    for (PhoneType type : {PhoneType::Mobile, PhoneType::Work, PhoneType::Home, PhoneType::Fax, PhoneType::Other})
        targets << HeaderMatcher::phoneTarget(type);
    targets << QStringLiteral("full_name");
    for (const CustomFieldDefinition& definition : m_session.engine().customFields().all())
        targets << FieldRegistry::customPrefix() + definition.key;
    auto* form = static_cast<QFormLayout*>(findChild<QWidget*>(QStringLiteral("mappingForm"))->layout());
    for (qsizetype column = 0; column < m_header.size(); ++column) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("mapping_%1").arg(column));
        QStringList choices = targets;
        const QString suggested = m_suggested.value(column);
        if (!choices.contains(suggested))
            choices << suggested;
        // A column nothing matched can still be kept, as a new custom field.
        const QString asCustom = FieldRegistry::customPrefix() + ColumnMapper::customKeyFor(m_header.at(column));
        if (!choices.contains(asCustom) && asCustom != FieldRegistry::customPrefix())
            choices << asCustom;
        for (const QString& target : std::as_const(choices))
            combo->addItem(targetLabel(target), target);
        combo->setCurrentIndex(qMax(0, combo->findData(suggested)));
        m_preview->setTargetLabel(static_cast<int>(column), suggested.isEmpty() ? QString() : targetLabel(suggested));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, column] {
            const QString target = combo->currentData().toString();
            // The user's choice is the plan's, remembered for files with this header once imported.
            if (m_plan->mapping.setTarget(column, target))
                m_plan->rememberMapping = true;
            m_preview->setTargetLabel(static_cast<int>(column), target.isEmpty() ? QString() : targetLabel(target));
            m_dryRunSummary->clear();
            m_changes->clear();
            m_changesView->hide();
        });
        form->addRow(FieldLabels::formLabel(m_header.at(column)), combo);
        m_combos << combo;
    }
}

QMap<QString, QString> ImportDialog::mapping() const
{
    QMap<QString, QString> chosen;
    for (qsizetype column = 0; column < m_combos.size(); ++column) {
        const QString target = m_combos.at(column)->currentData().toString();
        // Only what the user changed: the job applies it over the remembered or suggested mapping.
        if (target != m_suggested.value(column))
            chosen.insert(m_header.at(column), target);
    }
    return chosen;
}

void ImportDialog::startDryRun()
{
    run(true);
}

void ImportDialog::startImport()
{
    run(false);
}

void ImportDialog::run(bool dryRun)
{
    if (m_runner)
        return;
    if (!m_plan)
        return;
    ImportOptions options;
    options.plan = m_plan;
    options.path = m_path;
    options.dryRun = dryRun;
    m_runner = new ImportRunner(m_session.database().path(), options, this);
    connect(m_runner, &ImportRunner::progress, this, [this](qint64 rows, qint64 bytes, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? static_cast<int>(bytes * 1000 / total) : 0);
        m_progressText->setText(tr("%Ln row(s) read…", nullptr, static_cast<int>(rows)));
        emit runProgress(rows, m_progress->value());
    });
    connect(m_runner, &ImportRunner::finished, this, [this, dryRun] { finishRun(dryRun); });
    m_progress->setRange(0, 0);
    m_progressText->setText(dryRun ? tr("Checking the file…") : tr("Importing…"));
    m_pages->setCurrentIndex(static_cast<int>(Page::Running));
    m_runner->start();
}

QString ImportDialog::fileName() const
{
    return QFileInfo(m_path).fileName();
}

void ImportDialog::finishRun(bool dryRun)
{
    const auto result = *m_runner->result();
    const QVector<ImportRowOutcome> updates = m_runner->updates();
    m_runner->deleteLater();
    m_runner = nullptr;
    emit runEnded();
    if (m_inBackground) {
        m_inBackground = false;
        open();
    }
    if (!result) {
        m_pages->setCurrentIndex(static_cast<int>(Page::Preview));
        m_dryRunSummary->setText(
            tr("The import failed: %1 %2").arg(FieldValidator::errorText(result.error().code), result.error().detail));
        return;
    }
    if (dryRun) {
        m_pages->setCurrentIndex(static_cast<int>(Page::Preview));
        m_dryRunSummary->setText(tr("The import would create %1, update %2, leave %3 unchanged and reject %4 of %5 "
                                    "rows.")
                                     .arg(result->created)
                                     .arg(result->updated)
                                     .arg(result->unchanged)
                                     .arg(result->rejected)
                                     .arg(result->rows));
        m_changes->setOutcomes(updates);
        m_changesView->setVisible(m_changes->changeCount() > 0);
        if (m_changes->changeCount() > 0) {
            m_dryRunSummary->setText(m_dryRunSummary->text() + QLatin1Char(' ')
                                     + (m_changes->rowsChanged() == 1
                                            ? tr("The %Ln contact it would change, field by field:", nullptr, 1)
                                            : tr("The %Ln contacts it would change, field by field:", nullptr,
                                                 static_cast<int>(m_changes->rowsChanged()))));
            m_changesView->resizeColumnsToContents();
        }
        return;
    }
    m_summary = *result;
    showReport(*result);
    emit imported();
}

void ImportDialog::showReport(const ImportSummary& summary)
{
    QString text = tr("%1 rows read: %2 created, %3 updated, %4 unchanged, %5 rejected.")
                       .arg(summary.rows)
                       .arg(summary.created)
                       .arg(summary.updated)
                       .arg(summary.unchanged)
                       .arg(summary.rejected);
    if (summary.merged > 0)
        text += QLatin1Char(' ')
            + tr("%Ln row(s) merged into an earlier row for the same person.", nullptr,
                 static_cast<int>(summary.merged));
    if (summary.cancelled)
        text += QLatin1Char(' ')
            + tr("Cancelled: the rows from line %1 on were not imported.").arg(summary.stoppedAtLine);
    if (summary.writeError && summary.rows == 0)
        text += QLatin1Char(' ')
            + tr("Nothing was imported: %1").arg(FieldValidator::errorText(summary.writeError->code));
    else if (summary.writeError)
        text += QLatin1Char(' ')
            + tr("The import stopped at line %1: %2 The rows before it are saved: Undo This Import removes them, and "
                 "importing the same file again adds the rest.")
                  .arg(summary.stoppedAtLine)
                  .arg(FieldValidator::errorText(summary.writeError->code));
    else if (summary.incomplete)
        text += QLatin1Char(' ')
            + tr("The file could be read only up to line %1; the rows before it were imported.")
                  .arg(summary.stoppedAtLine - 1);
    if (summary.indexesPending)
        text += QLatin1Char(' ')
            + tr("Every row is saved, but the indexes could not be built: %1 Roster builds them again when it next "
                 "opens the file.")
                  .arg(FieldValidator::errorText(summary.indexesPending->code));
    m_reportText->setText(text);
    m_issues->setIssues(summary.errors, summary.warnings);
    m_saveRejectedButton->setEnabled(!summary.errors.isEmpty());
    m_undoButton->setEnabled(summary.operationId > 0 && summary.created + summary.updated > 0);
    m_pages->setCurrentIndex(static_cast<int>(Page::Report));
}

bool ImportDialog::undoImport()
{
    if (!m_summary)
        return false;
    const auto next = m_session.undo().nextUndo();
    if (!next || next->operationId != m_summary->operationId) {
        m_reportText->setText(tr("Other changes were made after this import: use Edit > Undo step by step."));
        return false;
    }
    auto undone = UndoRunner::run(this, m_session, false);
    if (!undone) {
        m_reportText->setText(FieldValidator::errorText(undone.error().code));
        return false;
    }
    m_reportText->setText(tr("The import was undone."));
    m_undoButton->setEnabled(false);
    emit imported();
    return true;
}

bool ImportDialog::saveRejected(const QString& path) const
{
    // Saved over the database, the report would replace the file under every connection to it.
    if (!m_summary || !m_plan || Database::isDatabaseFile(m_session.database().path(), path))
        return false;
    // The rows as the file had them, plus why each was rejected: its code, then what went wrong.
    RejectedRowsWriter::Rows rows;
    const QList<qsizetype> first = m_summary->errors.firstOfEachLine();
    for (const qsizetype i : first)
        rows.lines << m_summary->errors.line(i);
    rows.reason = [&](qsizetype index) {
        const ImportIssue issue = m_summary->errors.at(first.at(index));
        return QStringLiteral("%1: %2 %3")
            .arg(errorCodeName(issue.code), FieldValidator::errorText(issue.code), issue.message);
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return RejectedRowsWriter::write(*m_plan, rows, &file) && file.commit();
}

void ImportDialog::reject()
{
    if (m_runner) {
        // Closing while an import runs cancels it and waits for the batch in flight.
        m_runner->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace roster
