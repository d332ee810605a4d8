#pragma once

#include "store/ContactQuery.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QListView;

namespace roster {

class ContactQuery;
class FacetListModel;
class StoreWorker;

// The sidebar: tags and companies with their counts. Choosing one narrows the table to it.
class SidebarWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidebarWidget)

public:
    explicit SidebarWidget(QWidget* parent = nullptr);
    ~SidebarWidget() override;

    // Reads the lists again (after a write or when another database is opened), keeping the choice.
    void refresh(ContactQuery& query);
    // The same on a worker thread with its own connection: counting a million contacts by company takes
    // seconds, and the window must not wait for it. The lists fill in when the counts arrive.
    // The counts are those of the contacts `filter` matches (its search, and the other list's choice).
    void refreshInBackground(const QString& databasePath, const ContactFilter& filter = {});
    qint64 tagId() const { return m_tagId; }
    qint64 companyId() const { return m_companyId; }
    void clearSelection();

    FacetListModel* tagModel() const { return m_tagModel; }
    FacetListModel* companyModel() const { return m_companyModel; }

signals:
    void filterChanged(qint64 tagId, qint64 companyId);

private:
    void select(QListView* view, FacetListModel* model, qint64 id);
    void apply(QVector<FacetCount> tags, QVector<FacetCount> companies, qint64 total, bool filtered);

    FacetListModel* m_tagModel;
    FacetListModel* m_companyModel;
    QListView* m_tags;
    QListView* m_companies;
    qint64 m_tagId = 0;
    qint64 m_companyId = 0;
    // Counts on a connection of its own, one request at a time; made at the first, again for another file.
    std::unique_ptr<StoreWorker> m_worker;
    // The newest request; shared with the worker, which skips the requests it replaced.
    std::shared_ptr<std::atomic_int> m_generation = std::make_shared<std::atomic_int>(0);
};

} // namespace roster
