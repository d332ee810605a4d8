#include "MergeDialog.h"

#include "models/FieldLabels.h"
#include "store/StoreSession.h"
#include "widgets/FieldValidator.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace roster {

MergeDialog::MergeDialog(StoreSession& session, qint64 keptId, qint64 otherId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge contacts"));
    m_kept = session.contacts().contact(keptId).value_or(Contact {});
    m_other = session.contacts().contact(otherId).value_or(Contact {});
    m_choices = ContactMerger::defaultChoices(m_kept, m_other);

    auto* intro = new QLabel(tr("Pick the value to keep for each field that differs. Nothing is lost: emails not "
                                "picked become other emails, tags are joined, and other values are kept in the "
                                "notes. The contact on the right is then deleted; Undo reverses the whole merge."),
                             this);
    intro->setWordWrap(true);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    m_grid = new QWidget(scroll);
    m_gridLayout = new QGridLayout(m_grid);
    scroll->setWidget(m_grid);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("mergePreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* swap = buttons->addButton(tr("&Keep the Other One"), QDialogButtonBox::ActionRole);
    swap->setObjectName(QStringLiteral("swapButton"));
    auto* mergeButton = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    mergeButton->setObjectName(QStringLiteral("confirmMergeButton"));
    mergeButton->setDefault(true);
    connect(swap, &QPushButton::clicked, this, &MergeDialog::swapSides);
    connect(mergeButton, &QPushButton::clicked, this, [this] {
        if (merge())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);
    build();
    resize(900, 640);
}

void MergeDialog::build()
{
    while (QLayoutItem* item = m_gridLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    qDeleteAll(m_groups);
    m_groups.clear();
    auto header = [this](const QString& text, int column) {
        auto* label = new QLabel(text, m_grid);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        m_gridLayout->addWidget(label, 0, column);
    };
    header(tr("Field"), 0);
    header(tr("Keep: %1").arg(m_kept.displayName()), 1);
    header(tr("Merge in and delete: %1").arg(m_other.displayName()), 2);
    int row = 1;
    for (int i = 0; i < kFieldCount; ++i) {
        const auto field = static_cast<Field>(i);
        const QString& left = m_kept.value(field);
        const QString& right = m_other.value(field);
        if (left.isEmpty() && right.isEmpty())
            continue;
        m_gridLayout->addWidget(new QLabel(FieldLabels::label(field), m_grid), row, 0);
        if (left == right) {
            auto* same = new QLabel(left, m_grid);
            same->setEnabled(false);
            m_gridLayout->addWidget(same, row, 1, 1, 2);
            ++row;
            continue;
        }
        auto* group = new QButtonGroup(this);
        const QString name = FieldRegistry::name(field);
        for (int side = 0; side < 2; ++side) {
            const QString& value = side == 0 ? left : right;
            auto* radio = new QRadioButton(value.isEmpty() ? tr("(empty)") : value.left(80), m_grid);
            radio->setObjectName(
                QStringLiteral("pick_%1_%2").arg(name, side == 0 ? QStringLiteral("kept") : QStringLiteral("other")));
            radio->setToolTip(value);
            group->addButton(radio, side);
            m_gridLayout->addWidget(radio, row, 1 + side);
        }
        group->button(m_choices[static_cast<std::size_t>(i)] == MergeSide::Kept ? 0 : 1)->setChecked(true);
        connect(group, &QButtonGroup::idClicked, this, [this, i](int side) {
            m_choices[static_cast<std::size_t>(i)] = side == 0 ? MergeSide::Kept : MergeSide::Other;
            updatePreview();
        });
        m_groups.insert(i, group);
        ++row;
    }
    m_gridLayout->setColumnStretch(1, 1);
    m_gridLayout->setColumnStretch(2, 1);
    m_gridLayout->setRowStretch(row, 1);
    updatePreview();
}

void MergeDialog::choose(Field field, MergeSide side)
{
    m_choices[static_cast<std::size_t>(field)] = side;
    if (QButtonGroup* group = m_groups.value(static_cast<int>(field)))
        group->button(side == MergeSide::Kept ? 0 : 1)->setChecked(true);
    updatePreview();
}

void MergeDialog::swapSides()
{
    std::swap(m_kept, m_other);
    m_choices = ContactMerger::defaultChoices(m_kept, m_other);
    build();
}

void MergeDialog::updatePreview()
{
    const MergePlan plan = ContactMerger::plan(m_kept, m_other, m_choices);
    QStringList lines;
    if (!plan.merged.extraEmails.isEmpty())
        lines << tr("Other emails: %1").arg(plan.merged.extraEmails.join(QStringLiteral(", ")));
    if (!plan.merged.tags.isEmpty())
        lines << tr("Tags: %1").arg(plan.merged.tags.join(QStringLiteral(", ")));
    if (!plan.leftovers.isEmpty())
        lines << tr("Kept in the notes: %1").arg(plan.leftovers.join(QStringLiteral("; ")));
    m_preview->setText(lines.join(QLatin1Char('\n')));
}

bool MergeDialog::merge()
{
    auto merger = ContactMerger::create(m_session.database(), m_clock);
    if (!merger)
        return false;
    const QString label = tr("Merge %1 into %2").arg(m_other.displayName(), m_kept.displayName());
    auto outcome = (*merger)->merge(m_kept.id, m_other.id, m_choices, {QStringLiteral("merge"), label});
    if (!outcome) {
        QMessageBox::warning(this, tr("Merge contacts"),
                             FieldValidator::errorText(outcome.error().code) + QLatin1Char('\n')
                                 + outcome.error().detail);
        return false;
    }
    emit merged(outcome->keptId);
    return true;
}

} // namespace roster
