#pragma once

#include "contact/Error.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace roster {

class StoreSession;
class SyncConflictsModel;

// The conflict inbox of the sync panel: the fields both sides changed since the last sync, each with the
// value before, here and in the service, and the two ways to settle them (ConflictResolver). Below them,
// the linked records a full scan no longer found on the service: delete the contact here too, or keep it
// and send it again.
class ConflictInbox final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictInbox)

public:
    explicit ConflictInbox(StoreSession& session, QWidget* parent = nullptr);

    // Reads the open conflicts again; account names by id.
    void reload(const QHash<qint64, QString>& accountNames);
    // "local" or "remote", for the selected conflicts. False when nothing was settled.
    bool resolveSelected(const QString& keep);
    int count() const; // conflicts and pending deletions
    // "remote" deletes the selected contacts here too (undoable); "local" keeps them and sends them again.
    bool settleSelectedDeletions(const QString& keep);
    QTableView* deletionsView() const { return m_deletionsView; }

    SyncConflictsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

signals:
    // Keeping the service's value wrote contacts.
    void contactsChanged();
    void openContactRequested(qint64 contactId);
    // What was settled, for the panel's status line.
    void settled(const QString& message);

private:
    void updateButtons();
    void reloadDeletions();
    // Settles each id, reloads, and lists what failed under `problemsText` (with one %1). Returns how many
    // were settled.
    int settleEach(const QList<qint64>& ids, const std::function<Result<void>(qint64)>& settle, bool wroteContacts,
                   const QString& title, const QString& problemsText);

    StoreSession& m_session;
    SyncConflictsModel* m_model;
    QTableView* m_view;
    QPushButton* m_keepLocal;
    QPushButton* m_keepRemote;
    QHash<qint64, QString> m_accountNames;
    QStandardItemModel* m_deletions;
    QTableView* m_deletionsView;
    QWidget* m_deletionsBox;
    QPushButton* m_confirmDeletion;
    QPushButton* m_dismissDeletion;
};

} // namespace roster
