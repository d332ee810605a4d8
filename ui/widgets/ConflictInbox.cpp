#include "ConflictInbox.h"

#include "models/SyncConflictsModel.h"
#include "store/StoreSession.h"
#include "store/SyncConflictStore.h"
#include "sync/ConflictResolver.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
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
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_keepLocal);
    buttons->addWidget(m_keepRemote);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

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
    return m_model->rowCount();
}

void ConflictInbox::reload(const QHash<qint64, QString>& accountNames)
{
    m_accountNames = accountNames;
    auto open = SyncConflictStore(m_session.database()).open();
    m_model->setConflicts(open.value_or(QList<SyncConflict> {}), accountNames);
    if (m_model->rowCount() > 0)
        m_view->resizeColumnsToContents();
    updateButtons();
}

void ConflictInbox::updateButtons()
{
    const bool any = m_view->selectionModel()->hasSelection();
    m_keepLocal->setEnabled(any);
    m_keepRemote->setEnabled(any);
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
    QStringList problems;
    int count = 0;
    for (const qint64 id : std::as_const(ids)) {
        if (auto ok = resolver.resolve(id, keep); ok)
            ++count;
        else
            problems << ok.error().detail;
    }
    reload(m_accountNames);
    if (count > 0 && keep == QLatin1String("remote"))
        emit contactsChanged();
    if (!problems.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Conflicts"),
                                    tr("Some conflicts could not be settled:\n%1").arg(problems.join(u'\n')),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit settled(
        keep == QLatin1String("local")
            ? (count == 1 ? tr("%n conflict settled: the value here will be sent at the next sync.", nullptr, 1)
                          : tr("%n conflicts settled: the values here will be sent at the next sync.", nullptr, count))
            : (count == 1 ? tr("%n conflict settled with the service’s value.", nullptr, 1)
                          : tr("%n conflicts settled with the service’s values.", nullptr, count)));
    return count > 0;
}

} // namespace roster
