#pragma once

#include <QObject>
#include <QVector>

class QAction;
class QMenu;
class QWidget;

namespace roster {

class MainWindow;
class MergeDialog;

// What the table's right-click menu and the Edit menu do to the selected contacts beyond editing and
// deleting them: tag and untag them all (one undo step each time), merge them, copy their emails, open a
// LinkedIn profile.
class SelectionActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionActions)

public:
    explicit SelectionActions(MainWindow& window);

    QAction* addTagAction() const { return m_addTag; }
    QAction* removeTagAction() const { return m_removeTag; }
    QAction* mergeAction() const { return m_merge; }
    QAction* copyEmailAction() const { return m_copyEmail; }
    QAction* openLinkedinAction() const { return m_openLinkedin; }

    // The right-click menu, its actions enabled for the current selection; returned for tests.
    QMenu* buildMenu(QWidget* parent);
    // Enables each action for the selection (and whether the database can be written).
    void update();

    // The actions' work without their prompts (tests call these): the number of contacts changed.
    int addTag(const QString& tag);
    int removeTag(const QString& tag);
    MergeDialog* mergeSelected();

private:
    MergeDialog* openMerge(const QVector<qint64>& ids);
    QVector<qint64> selectedIds() const;
    QStringList selectedValues(int column) const;
    QString askTag(const QString& title, const QString& label);

    MainWindow& m_window;
    QAction* m_addTag;
    QAction* m_removeTag;
    QAction* m_merge;
    QAction* m_copyEmail;
    QAction* m_openLinkedin;
};

} // namespace roster
