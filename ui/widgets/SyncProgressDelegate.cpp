#include "SyncProgressDelegate.h"

#include "models/SyncAccountsModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

#include <algorithm>

namespace roster {

void SyncProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != SyncAccountsModel::ProgressColumn || !index.data(SyncAccountsModel::RunningRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's selection background first, then the bar inset a little.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);

    const qint64 done = index.data(SyncAccountsModel::DoneRole).toLongLong();
    const qint64 total = index.data(SyncAccountsModel::TotalRole).toLongLong();
    // The bar on the left, the words (done of total, time left) beside it; the bar narrows first.
    const QRect area = option.rect.adjusted(3, 3, -3, -3);
    const int textWidth = option.fontMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString());
    const int barWidth = std::clamp(area.width() - textWidth - kGap, 0, kBarWidth);
    QStyleOptionProgressBar bar;
    bar.initFrom(option.widget);
    bar.rect = QRect(area.left(), area.top(), barWidth, area.height());
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    // Per mille, so counts beyond int fit; a busy bar (0, 0) while the total is unknown.
    bar.maximum = total > 0 ? 1000 : 0;
    bar.progress = total > 0 ? static_cast<int>(std::min<qint64>(1000, done * 1000 / total)) : 0;
    bar.textVisible = false;
    if (barWidth > 0)
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);

    const QRect textRect = area.adjusted(barWidth > 0 ? barWidth + kGap : 0, 0, 0, 0);
    const QString text
        = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, textRect.width());
    const QPalette::ColorRole role = option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    style->drawItemText(painter, textRect, Qt::AlignVCenter | Qt::AlignLeft, option.palette, true, text, role);
}

QSize SyncProgressDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == SyncAccountsModel::ProgressColumn && index.data(SyncAccountsModel::RunningRole).toBool())
        size.rwidth()
            = option.fontMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + kBarWidth + kGap + 6;
    return size;
}

} // namespace roster
