#include "ConflictInbox.h"

#include "models/SyncConflictsModel.h"
#include "store/ContactStore.h"
#include "store/StoreSession.h"
#include "store/SyncConflictStore.h"
#include "sync/ConflictResolver.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace roster {

ConflictInbox::ConflictInbox(StoreSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SyncConflictsModel(session.contacts(), this))
    , m_view(new QTableView(this))
    , m_keepLocal(new QPushButton(tr("&Keep Value Here"), this))
    , m_keepRemote(new QPushButton(tr("Take Service’s Val&ue"), this))
    , m_deletions(new QStandardItemModel(0, 2, this))
    , m_deletionsView(new QTableView(this))
    , m_deletionsBox(new QWidget(this))
    , m_confirmDeletion(new QPushButton(tr("&Delete Here Too"), this))
    , m_dismissDeletion(new QPushButton(tr("Keep and Send A&gain"), this))
{
    setObjectName(QStringLiteral("conflictInbox"));
    m_view->setObjectName(QStringLiteral("syncConflictsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_keepLocal->setObjectName(QStringLiteral("keepLocalButton"));
    m_keepLocal->setToolTip(tr("Keep the value in Roster; the next sync sends it"));
    m_keepRemote->setObjectName(QStringLiteral("keepRemoteButton"));
    m_keepRemote->setToolTip(tr("Take the service’s value into Roster (undoable)"));

    auto* hint = new QLabel(tr("Fields changed both here and in the service since the last sync."), this);
    hint->setWordWrap(true);
    // The hint on its own line: beside the buttons it squeezed them (German, French) until their words were cut.
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_keepLocal);
    buttons->addWidget(m_keepRemote);
    m_deletions->setHorizontalHeaderLabels({tr("Account"), tr("Contact")});
    m_deletionsView->setObjectName(QStringLiteral("remoteDeletionsTable"));
    m_deletionsView->setModel(m_deletions);
    m_deletionsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deletionsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_deletionsView->verticalHeader()->hide();
    m_deletionsView->horizontalHeader()->setStretchLastSection(true);
    m_deletionsView->setAccessibleName(tr("Records removed from the service"));
    m_confirmDeletion->setObjectName(QStringLiteral("confirmDeletionButton"));
    m_confirmDeletion->setToolTip(tr("Delete the selected contacts in Roster too (undoable)"));
    m_dismissDeletion->setObjectName(QStringLiteral("dismissDeletionButton"));
    m_dismissDeletion->setToolTip(tr("Keep the selected contacts; the next sync creates them on the service again"));
    auto* deletionsHint = new QLabel(tr("Removed from the service since the last full sync:"), m_deletionsBox);
    deletionsHint->setWordWrap(true);
    auto* deletionButtons = new QHBoxLayout;
    deletionButtons->addStretch(1);
    deletionButtons->addWidget(m_confirmDeletion);
    deletionButtons->addWidget(m_dismissDeletion);
    auto* deletionsLayout = new QVBoxLayout(m_deletionsBox);
    deletionsLayout->setContentsMargins(0, 0, 0, 0);
    deletionsLayout->addWidget(deletionsHint);
    deletionsLayout->addWidget(m_deletionsView, 1);
    deletionsLayout->addLayout(deletionButtons);
    m_deletionsBox->setObjectName(QStringLiteral("remoteDeletionsBox"));
    m_deletionsBox->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 2);
    layout->addWidget(hint);
    layout->addLayout(buttons);
    layout->addWidget(m_deletionsBox, 1);
    connect(m_confirmDeletion, &QPushButton::clicked, this,
            [this] { settleSelectedDeletions(QStringLiteral("remote")); });
    connect(m_dismissDeletion, &QPushButton::clicked, this,
            [this] { settleSelectedDeletions(QStringLiteral("local")); });
    connect(m_deletionsView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit openContactRequested(m_deletions->item(index.row(), 0)->data(Qt::UserRole + 1).toLongLong());
    });
    connect(m_deletionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictInbox::updateButtons);

    connect(m_keepLocal, &QPushButton::clicked, this, [this] { resolveSelected(QStringLiteral("local")); });
    connect(m_keepRemote, &QPushButton::clicked, this, [this] { resolveSelected(QStringLiteral("remote")); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit openContactRequested(m_model->conflict(index.row()).contactId);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConflictInbox::updateButtons);
    updateButtons();
}

int ConflictInbox::count() const
{
    return m_model->rowCount() + m_deletions->rowCount();
}

void ConflictInbox::reloadDeletions()
{
    m_deletions->removeRows(0, m_deletions->rowCount());
    const auto pending = SyncConflictStore(m_session.database()).pendingDeletions();
    for (const RemoteDeletion& deletion : pending.value_or(QList<RemoteDeletion> {})) {
        auto* account = new QStandardItem(m_accountNames.value(deletion.accountId));
        account->setData(deletion.id, Qt::UserRole);
        account->setData(deletion.contactId, Qt::UserRole + 1);
        QString name = tr("(deleted contact)");
        if (const auto contact = m_session.contacts().contact(deletion.contactId))
            name = contact->displayName();
        auto* contact = new QStandardItem(name);
        contact->setToolTip(tr("Record %1 on the service").arg(deletion.remoteId));
        m_deletions->appendRow({account, contact});
    }
    m_deletionsBox->setVisible(m_deletions->rowCount() > 0);
}

bool ConflictInbox::settleSelectedDeletions(const QString& keep)
{
    QList<qint64> ids;
    const QModelIndexList rows = m_deletionsView->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        ids << m_deletions->item(index.row(), 0)->data(Qt::UserRole).toLongLong();
    if (ids.isEmpty())
        return false;
    ConflictResolver resolver(m_session);
    const int count = settleEach(
        ids, [&resolver, &keep](qint64 id) { return resolver.settleDeletion(id, keep); },
        keep == QLatin1String("remote"), tr("Removed records"), tr("Some could not be settled:\n%1"));
    emit settled(keep == QLatin1String("remote")
                     ? (count == 1 ? tr("%Ln contact deleted here too (undoable).", nullptr, 1)
                                   : tr("%Ln contacts deleted here too (undoable).", nullptr, count))
                     : (count == 1 ? tr("%Ln contact kept; the next sync sends it again.", nullptr, 1)
                                   : tr("%Ln contacts kept; the next sync sends them again.", nullptr, count)));
    return count > 0;
}

void ConflictInbox::reload(const QHash<qint64, QString>& accountNames)
{
    m_accountNames = accountNames;
    auto open = SyncConflictStore(m_session.database()).open();
    m_model->setConflicts(open.value_or(QList<SyncConflict> {}), accountNames);
    if (m_model->rowCount() > 0)
        m_view->resizeColumnsToContents();
    reloadDeletions();
    updateButtons();
}

void ConflictInbox::updateButtons()
{
    const bool any = m_view->selectionModel()->hasSelection();
    m_keepLocal->setEnabled(any);
    m_keepRemote->setEnabled(any);
    const bool deletion = m_deletionsView->selectionModel()->hasSelection();
    m_confirmDeletion->setEnabled(deletion);
    m_dismissDeletion->setEnabled(deletion);
}

int ConflictInbox::settleEach(const QList<qint64>& ids, const std::function<Result<void>(qint64)>& settle,
                              bool wroteContacts, const QString& title, const QString& problemsText)
{
    QStringList problems;
    int count = 0;
    for (const qint64 id : ids) {
        if (auto ok = settle(id); ok)
            ++count;
        else
            problems << ok.error().detail;
    }
    reload(m_accountNames);
    if (count > 0 && wroteContacts)
        emit contactsChanged();
    if (!problems.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, title, problemsText.arg(problems.join(u'\n')),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return count;
}

bool ConflictInbox::resolveSelected(const QString& keep)
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows)
        ids << index.data(SyncConflictsModel::ConflictIdRole).toLongLong();
    if (ids.isEmpty())
        return false;
    ConflictResolver resolver(m_session);
    const int count = settleEach(
        ids, [&resolver, &keep](qint64 id) { return resolver.resolve(id, keep); }, keep == QLatin1String("remote"),
        tr("Conflicts"), tr("Some conflicts could not be settled:\n%1"));
    emit settled(
        keep == QLatin1String("local")
            ? (count == 1 ? tr("%Ln conflict settled: the value here will be sent at the next sync.", nullptr, 1)
                          : tr("%Ln conflicts settled: the values here will be sent at the next sync.", nullptr, count))
            : (count == 1 ? tr("%Ln conflict settled with the service’s value.", nullptr, 1)
                          : tr("%Ln conflicts settled with the service’s values.", nullptr, count)));
    return count > 0;
}

} // namespace roster
