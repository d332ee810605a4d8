#pragma once

#include <QStyledItemDelegate>

namespace roster {

// Draws the progress column of SyncAccountsModel as a progress bar with its text (done of total, time
// left); busy while the total is unknown. The words come first: the bar gives up its width before they are cut
// (and a cut text keeps the whole in its tooltip). Other cells as usual.
class SyncProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProgressDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static constexpr int kBarWidth = 60;
    static constexpr int kGap = 6;
};

} // namespace roster
