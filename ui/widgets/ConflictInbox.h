#pragma once

#include <QHash>
#include <QWidget>

class QPushButton;
class QTableView;

namespace roster {

class StoreSession;
class SyncConflictsModel;

// The conflict inbox of the sync panel: the fields both sides changed since the last sync, each with the
// value before, here and in the service, and the two ways to settle them (ConflictResolver).
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
    int count() const;

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

    StoreSession& m_session;
    SyncConflictsModel* m_model;
    QTableView* m_view;
    QPushButton* m_keepLocal;
    QPushButton* m_keepRemote;
    QHash<qint64, QString> m_accountNames;
};

} // namespace roster
