#include "DuplicatesDialog.h"

#include "MergeDialog.h"
#include "models/DuplicatesModel.h"
#include "store/DuplicateVerdicts.h"
#include "store/StoreSession.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace roster {

DuplicatesDialog::DuplicatesDialog(StoreSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new DuplicatesModel(session.contacts(), this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_merge(new QPushButton(tr("&Merge…"), this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_reject(new QPushButton(tr("&Not a Duplicate"), this))
{
    setObjectName(QStringLiteral("duplicatesDialog"));
    setWindowTitle(tr("Possible duplicates"));
    m_table->setObjectName(QStringLiteral("duplicatesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(230);
    m_summary->setObjectName(QStringLiteral("duplicatesSummary"));
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_open->setObjectName(QStringLiteral("openButton"));
    m_reject->setObjectName(QStringLiteral("notDuplicateButton"));
    m_reject->setToolTip(tr("These are two people: do not list this pair again (Undo takes it back)"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* rescanButton = buttons->addButton(tr("&Scan Again"), QDialogButtonBox::ActionRole);
    buttons->addButton(m_reject, QDialogButtonBox::ActionRole);
    buttons->addButton(m_open, QDialogButtonBox::ActionRole);
    buttons->addButton(m_merge, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(rescanButton, &QPushButton::clicked, this, &DuplicatesDialog::rescan);
    connect(m_merge, &QPushButton::clicked, this, [this] { mergeRow(m_table->currentIndex().row()); });
    connect(m_reject, &QPushButton::clicked, this, [this] { rejectRow(m_table->currentIndex().row()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { mergeRow(index.row()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex index = m_table->currentIndex();
        if (!index.isValid())
            return;
        const DuplicatePair& pair = m_model->pair(index.row());
        emit openContactRequested(index.column() == DuplicatesModel::SecondColumn ? pair.second : pair.first);
    });

    // The dialog is window-modal: Ctrl+Z here is the window's Edit > Undo, so a verdict given by mistake
    // can be taken back without closing the list.
    auto* undo = new QAction(tr("Undo"), this);
    undo->setObjectName(QStringLiteral("duplicatesUndoAction"));
    undo->setShortcut(QKeySequence::Undo);
    addAction(undo);
    connect(undo, &QAction::triggered, this, [this] {
        auto undone = m_session.undo().undo();
        rescan();
        if (undone)
            m_summary->setText(tr("Undone: %1").arg(undone->label));
        emit verdictRecorded();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(980, 520);
    rescan();
}

void DuplicatesDialog::rescan()
{
    DuplicateFinder finder(m_session.database());
    auto pairs = finder.scan();
    m_model->setPairs(pairs.value_or(QVector<DuplicatePair> {}));
    if (!pairs)
        m_summary->setText(tr("The scan failed: %1").arg(pairs.error().detail));
    else if (pairs->isEmpty())
        m_summary->setText(tr("No possible duplicates: no two contacts share an email, a phone or a LinkedIn "
                              "profile, and no one at a company has a colleague of nearly the same name."));
    else
        m_summary->setText(tr("%Ln pair(s) of contacts may be the same person, the likeliest first. Merge a pair, "
                              "or mark it Not a Duplicate if they are two people.",
                              nullptr, static_cast<int>(pairs->size())));
    m_table->resizeColumnToContents(DuplicatesModel::ScoreColumn);
    m_table->resizeColumnToContents(DuplicatesModel::ReasonColumn);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

void DuplicatesDialog::updateButtons()
{
    const bool any = m_model->rowCount() > 0;
    m_merge->setEnabled(any);
    m_open->setEnabled(any);
    m_reject->setEnabled(any && !m_session.database().isReadOnly());
}

bool DuplicatesDialog::rejectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const DuplicatePair pair = m_model->pair(row);
    const QString label = tr("Not a duplicate: %1 and %2").arg(m_model->firstName(row), m_model->secondName(row));
    auto recorded = DuplicateVerdicts(m_session.database(), m_clock).markNotDuplicate(pair.first, pair.second, label);
    if (!recorded) {
        m_summary->setText(tr("The verdict could not be saved: %1").arg(recorded.error().detail));
        return false;
    }
    m_model->removePair(row);
    if (m_model->rowCount() > 0)
        m_table->selectRow(qMin(row, m_model->rowCount() - 1));
    updateButtons();
    emit verdictRecorded();
    return true;
}

MergeDialog* DuplicatesDialog::mergeRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return nullptr;
    const DuplicatePair pair = m_model->pair(row);
    auto* dialog = new MergeDialog(m_session, pair.first, pair.second, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MergeDialog::merged, this, [this] {
        rescan();
        emit merged();
    });
    dialog->open();
    return dialog;
}

} // namespace roster
