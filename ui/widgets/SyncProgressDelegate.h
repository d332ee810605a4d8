#pragma once

#include <QStyledItemDelegate>

namespace roster {

// Draws the progress column of SyncAccountsModel as a progress bar with its text (done of total, time
// left); busy while the total is unknown. Other cells as usual.
class SyncProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProgressDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace roster
