#include "SidebarWidget.h"

#include "models/FacetListModel.h"
#include "store/ContactQuery.h"
#include "store/Database.h"
#include "store/StoreWorker.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

#include <optional>
#include <utility>

namespace roster {

SidebarWidget::SidebarWidget(QWidget* parent)
    : QWidget(parent)
    , m_tagModel(new FacetListModel(tr("All tags"), this))
    , m_companyModel(new FacetListModel(tr("All companies"), this))
    , m_tags(new QListView(this))
    , m_companies(new QListView(this))
{
    setObjectName(QStringLiteral("sidebar"));
    m_tags->setObjectName(QStringLiteral("tagList"));
    m_companies->setObjectName(QStringLiteral("companyList"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    auto heading = [this](const QString& text) {
        auto* label = new QLabel(text, this);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        return label;
    };
    layout->addWidget(heading(tr("Tags")));
    layout->addWidget(m_tags, 1);
    layout->addWidget(heading(tr("Companies")));
    layout->addWidget(m_companies, 2);
    for (QListView* view : {m_tags, m_companies}) {
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setUniformItemSizes(true);
    }
    m_tags->setModel(m_tagModel);
    m_companies->setModel(m_companyModel);
    connect(m_tags->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        m_tagId = m_tagModel->facetId(current.row());
        emit filterChanged(m_tagId, m_companyId);
    });
    connect(m_companies->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                m_companyId = m_companyModel->facetId(current.row());
                emit filterChanged(m_tagId, m_companyId);
            });
}

void SidebarWidget::select(QListView* view, FacetListModel* model, qint64 id)
{
    const QSignalBlocker blocker(view->selectionModel());
    const int row = model->rowOf(id);
    view->setCurrentIndex(model->index(qMax(row, 0)));
}

SidebarWidget::~SidebarWidget() = default;

void SidebarWidget::refresh(ContactQuery& query)
{
    ++*m_generation; // a background read still running is now stale
    apply(query.tags().value_or(QVector<FacetCount> {}), query.companies().value_or(QVector<FacetCount> {}),
          query.total(), false);
}

void SidebarWidget::refreshInBackground(const QString& databasePath, const ContactFilter& filter)
{
    const int generation = ++*m_generation;
    if (!m_worker || m_worker->databasePath() != databasePath) {
        m_worker = std::make_unique<StoreWorker>(databasePath, QStringLiteral("facets"), QThread::LowPriority);
        // A few counts over indexes: SQLite's default 256 MiB cache would only add to the window's memory.
        m_worker->post([](StoreSession& session) { session.database().setCacheSizeKiB(8 * 1024); });
    }
    struct Facets
    {
        QVector<FacetCount> tags;
        QVector<FacetCount> companies;
        qint64 total = 0;
    };
    m_worker->post(
        this,
        [latest = m_generation, generation, filter](StoreSession& session) -> std::optional<Facets> {
            // Typing in the search asks again at each pause: only the newest request is counted, so the
            // lists never wait behind counts nobody will see.
            if (*latest != generation)
                return std::nullopt;
            auto query = ContactQuery::create(session.database());
            if (!query)
                return std::nullopt;
            Facets facets;
            facets.tags = (*query)->tags(filter).value_or(QVector<FacetCount> {});
            facets.companies = (*query)->companies(500, filter).value_or(QVector<FacetCount> {});
            ContactFilter searchOnly;
            searchOnly.search = filter.search;
            facets.total = (*query)->count(searchOnly).value_or(0);
            return facets;
        },
        [this, generation, filtered = !filter.isEmpty()](Result<std::optional<Facets>> facets) {
            if (facets && *facets && *m_generation == generation)
                apply(std::move((*facets)->tags), std::move((*facets)->companies), (*facets)->total, filtered);
        });
}

void SidebarWidget::apply(QVector<FacetCount> tags, QVector<FacetCount> companies, qint64 total, bool filtered)
{
    m_tagModel->setFacets(std::move(tags), total);
    m_companyModel->setFacets(std::move(companies), total);
    // A tag or company that no longer has contacts falls back to "All"; one a search only left out of the
    // top companies stays chosen.
    if (!filtered && (m_tagModel->rowOf(m_tagId) < 0 || m_companyModel->rowOf(m_companyId) < 0)) {
        m_tagId = qMax<qint64>(m_tagModel->rowOf(m_tagId), 0) ? m_tagId : 0;
        m_companyId = qMax<qint64>(m_companyModel->rowOf(m_companyId), 0) ? m_companyId : 0;
        emit filterChanged(m_tagId, m_companyId);
    }
    select(m_tags, m_tagModel, m_tagId);
    select(m_companies, m_companyModel, m_companyId);
}

void SidebarWidget::clearSelection()
{
    m_tagId = m_companyId = 0;
    select(m_tags, m_tagModel, 0);
    select(m_companies, m_companyModel, 0);
    emit filterChanged(0, 0);
}

} // namespace roster
